/**
 * The "too few rows to judge" rule of METRICS.md, with the policy's default minimums:
 *
 * - performance: 100 labelled rows, and for a binary model at least 10 rows of each class;
 * - drift: 100 rows on each side (reference and current);
 * - fairness: 30 rows per group, and at least 5 rows in a rate's denominator (e.g. the group's
 *   actual positives for a true positive rate).
 *
 * Below the minimum a metric still has a value, but the verdict says "too few rows to judge" with
 * the counts instead of a pass or fail. Every minimum is per-model policy; these are the defaults,
 * and every function takes the policy's numbers.
 */
import { MetricInputError } from "../errors";

/** Labelled rows a performance scorecard needs (binary, multiclass and regression). */
export const MIN_ROWS_PERFORMANCE = 100;
/** Rows of each class a binary model's performance scorecard needs. */
export const MIN_ROWS_PER_CLASS = 10;
/** Rows on each side (reference and current) a drift check needs. */
export const MIN_ROWS_DRIFT = 100;
/** Rows per group a fairness rate needs. */
export const MIN_ROWS_PER_GROUP = 30;
/** Rows in a fairness rate's denominator (e.g. actual positives for a true positive rate). */
export const MIN_RATE_DENOMINATOR = 5;

/**
 * The default minimum of the generic rule (`sampleSizeVerdict` without a minimum): the fairness
 * per-group rule. Kept under its old name.
 */
export const MIN_ROWS_TO_JUDGE = MIN_ROWS_PER_GROUP;
/** The default denominator minimum of the generic rule, kept under its old name. */
export const MIN_POSITIVES_FOR_RATE = MIN_RATE_DENOMINATOR;
export const TOO_FEW_ROWS = "too few rows to judge";

/**
 * The policy's minimum rows, field for field the shape of the governance policy's
 * `minimumRows` (so a policy object can be passed as is).
 */
export interface SampleSizePolicy {
  /** Labelled rows for performance. */
  performance: number;
  /** Rows of each class for a binary model's performance. */
  perClass: number;
  /** Rows on each side for drift. */
  drift: number;
  /** Rows per group for fairness. */
  perGroup: number;
  /** Rows in a fairness rate's denominator. */
  denominator: number;
}

export const DEFAULT_SAMPLE_SIZE_POLICY: Readonly<SampleSizePolicy> = Object.freeze({
  performance: MIN_ROWS_PERFORMANCE,
  perClass: MIN_ROWS_PER_CLASS,
  drift: MIN_ROWS_DRIFT,
  perGroup: MIN_ROWS_PER_GROUP,
  denominator: MIN_RATE_DENOMINATOR,
});

/** The minimum a verdict checks against. */
export interface SampleSizeMinimum {
  /** Rows needed; default 30 (the fairness per-group rule). */
  minRows?: number;
  /** Rows needed in the denominator, when one is given; default 5. */
  minDenominator?: number;
}

export interface SampleSizeVerdict {
  /** False when the metric must not be judged. */
  judgeable: boolean;
  /** "too few rows to judge" when not judgeable. */
  message?: string;
  rows: number;
  /**
   * The rate's denominator count (e.g. actual positives for a true positive rate); for a binary
   * performance scorecard, the rows of the smaller class.
   */
  denominator?: number;
  /** The minimum rows the verdict used. */
  minRows: number;
  /** The minimum denominator the verdict used (present when a denominator was checked). */
  minDenominator?: number;
}

function checkMinimum(name: string, v: number): number {
  if (!(Number.isFinite(v) && v >= 0)) throw new MetricInputError(`${name} must be a finite number >= 0, got ${v}.`);
  return v;
}

/**
 * Fewer than `minRows` rows (default 30), or fewer than `minDenominator` (default 5) in the
 * rate's denominator when one is given: "too few rows to judge" instead of a verdict.
 * `sampleSizeVerdict(rows, denominator)` keeps its old meaning (30 rows / 5 in the denominator,
 * the fairness rule); scorecards pass the performance minimum.
 */
export function sampleSizeVerdict(rows: number, rateDenominator?: number, minimum: SampleSizeMinimum = {}): SampleSizeVerdict {
  const minRows = checkMinimum("minRows", minimum.minRows ?? MIN_ROWS_TO_JUDGE);
  const minDenominator = checkMinimum("minDenominator", minimum.minDenominator ?? MIN_POSITIVES_FOR_RATE);
  const tooFew = !(rows >= minRows) || (rateDenominator !== undefined && !(rateDenominator >= minDenominator));
  const v: SampleSizeVerdict = { judgeable: !tooFew, rows, minRows };
  if (rateDenominator !== undefined) {
    v.denominator = rateDenominator;
    v.minDenominator = minDenominator;
  }
  if (tooFew) v.message = TOO_FEW_ROWS;
  return v;
}

export interface PerformanceMinimum {
  /** Labelled rows needed; default 100. */
  minRows?: number;
  /** Rows of each class needed when class counts are given (binary models); default 10. */
  minPerClass?: number;
}

/**
 * The performance rule: at least `minRows` labelled rows (default 100) and, when the class counts
 * are given (a binary model: `[negatives, positives]`), at least `minPerClass` (default 10) of
 * each class. The verdict's `denominator` is the smallest class count.
 */
export function performanceSampleSize(rows: number, classCounts?: ArrayLike<number>, minimum: PerformanceMinimum = {}): SampleSizeVerdict {
  const minRows = minimum.minRows ?? MIN_ROWS_PERFORMANCE;
  if (classCounts === undefined) return sampleSizeVerdict(rows, undefined, { minRows });
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < classCounts.length; i++) smallest = Math.min(smallest, classCounts[i] as number);
  if (classCounts.length === 0) smallest = 0;
  return sampleSizeVerdict(rows, smallest, { minRows, minDenominator: minimum.minPerClass ?? MIN_ROWS_PER_CLASS });
}

/**
 * The drift rule: at least `minRows` (default 100) rows on each side. The verdict's `rows` is the
 * smaller side.
 */
export function driftSampleSize(referenceRows: number, currentRows: number, minRows: number = MIN_ROWS_DRIFT): SampleSizeVerdict {
  return sampleSizeVerdict(Math.min(referenceRows, currentRows), undefined, { minRows });
}

export interface FairnessMinimum {
  /** Rows per group; default 30. */
  minRows?: number;
  /** Rows in the rate's denominator; default 5. */
  minDenominator?: number;
}

/** The fairness rule: at least 30 rows in the group and 5 in the rate's denominator (defaults). */
export function fairnessSampleSize(groupRows: number, rateDenominator?: number, minimum: FairnessMinimum = {}): SampleSizeVerdict {
  return sampleSizeVerdict(groupRows, rateDenominator, {
    minRows: minimum.minRows ?? MIN_ROWS_PER_GROUP,
    minDenominator: minimum.minDenominator ?? MIN_RATE_DENOMINATOR,
  });
}
