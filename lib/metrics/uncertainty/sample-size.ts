/** The "too few rows to judge" rule of METRICS.md. */

export const MIN_ROWS_TO_JUDGE = 30;
export const MIN_POSITIVES_FOR_RATE = 5;
export const TOO_FEW_ROWS = "too few rows to judge";

export interface SampleSizeVerdict {
  /** False when the metric must not be judged. */
  judgeable: boolean;
  /** "too few rows to judge" when not judgeable. */
  message?: string;
  rows: number;
  /** The rate's denominator count (e.g. actual positives for a true positive rate). */
  denominator?: number;
}

/**
 * Below 30 rows, or below 5 positives (the rate's denominator) for a rate, say "too few rows to
 * judge" instead of a verdict.
 */
export function sampleSizeVerdict(rows: number, rateDenominator?: number): SampleSizeVerdict {
  const tooFew = rows < MIN_ROWS_TO_JUDGE || (rateDenominator !== undefined && rateDenominator < MIN_POSITIVES_FOR_RATE);
  const v: SampleSizeVerdict = { judgeable: !tooFew, rows };
  if (rateDenominator !== undefined) v.denominator = rateDenominator;
  if (tooFew) v.message = TOO_FEW_ROWS;
  return v;
}
