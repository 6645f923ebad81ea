/**
 * Fairlearn MetricFrame-style rates per group: selection rate and the row-normalised confusion
 * matrix rates (TPR, FPR, TNR, FNR), with sample weights, optional score threshold, intersections
 * of several sensitive features and control features.
 */
import { MetricInputError } from "../errors";
import { type EncodedFeature, type SensitiveFeature, combine, encodeFeature } from "./features";

export interface Rates {
  selectionRate: number;
  truePositiveRate: number;
  falsePositiveRate: number;
  trueNegativeRate: number;
  falseNegativeRate: number;
}

export type RateName = keyof Rates;

export const RATE_NAMES: readonly RateName[] = [
  "selectionRate",
  "truePositiveRate",
  "falsePositiveRate",
  "trueNegativeRate",
  "falseNegativeRate",
];

/** Weighted confusion counts of a group. */
export interface ConfusionCounts {
  /** Number of rows (unweighted). */
  rows: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export interface DecisionInput {
  /** True labels; the positive label is `posLabel` (default 1), anything else is negative. */
  yTrue: ArrayLike<number>;
  /** Decisions (predicted labels). Give either `yPred` or `yScore`. */
  yPred?: ArrayLike<number>;
  /** Scores turned into decisions with `score >= threshold`. */
  yScore?: ArrayLike<number>;
  /** Decision threshold for `yScore`; default 0.5. */
  threshold?: number;
  posLabel?: number;
  sampleWeight?: ArrayLike<number>;
}

export interface GroupRatesInput extends DecisionInput {
  /** One feature, or several for their intersections. */
  sensitiveFeatures: SensitiveFeature[];
  /** Aggregates are computed within each combination of control feature values. */
  controlFeatures?: SensitiveFeature[];
}

export interface GroupRow {
  /** One label per sensitive feature. */
  group: string[];
  /** One label per control feature (empty without control features). */
  control: string[];
  counts: ConfusionCounts;
  /** NaN for an empty intersection. */
  rates: Rates;
}

export interface GroupRatesResult {
  sensitiveFeatures: string[];
  controlFeatures: string[];
  /** Overall rates (one entry per control combination, or one entry). */
  overall: { control: string[]; counts: ConfusionCounts; rates: Rates }[];
  byGroup: GroupRow[];
}

/** Rates from counts; an undefined rate (0/0) is 0 as in Fairlearn (confusion_matrix normalize="true"). */
export function ratesFromCounts(c: ConfusionCounts): Rates {
  const pos = c.tp + c.fn;
  const neg = c.tn + c.fp;
  const total = pos + neg;
  const div = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  return {
    selectionRate: total === 0 ? Number.NaN : (c.tp + c.fp) / total,
    truePositiveRate: div(c.tp, pos),
    falsePositiveRate: div(c.fp, neg),
    trueNegativeRate: div(c.tn, neg),
    falseNegativeRate: div(c.fn, pos),
  };
}

const NAN_RATES: Rates = {
  selectionRate: Number.NaN,
  truePositiveRate: Number.NaN,
  falsePositiveRate: Number.NaN,
  trueNegativeRate: Number.NaN,
  falseNegativeRate: Number.NaN,
};

/** Decisions as 0/1 bytes and truth as 0/1 bytes, validated. */
export function decisions(input: DecisionInput): { truth: Uint8Array; pred: Uint8Array } {
  const n = input.yTrue.length;
  const pos = input.posLabel ?? 1;
  const truth = new Uint8Array(n);
  const pred = new Uint8Array(n);
  const labels = new Set<number>();
  for (let i = 0; i < n; i++) {
    const t = input.yTrue[i] as number;
    if (Number.isNaN(t)) throw new MetricInputError("Input y_true contains NaN.");
    labels.add(t);
    truth[i] = t === pos ? 1 : 0;
  }
  if (input.yPred !== undefined) {
    if (input.yPred.length !== n) throw new MetricInputError(`Found input variables with inconsistent numbers of samples: [${n}, ${input.yPred.length}]`);
    for (let i = 0; i < n; i++) {
      const p = input.yPred[i] as number;
      labels.add(p);
      pred[i] = p === pos ? 1 : 0;
    }
  } else if (input.yScore !== undefined) {
    if (input.yScore.length !== n) throw new MetricInputError(`Found input variables with inconsistent numbers of samples: [${n}, ${input.yScore.length}]`);
    const thr = input.threshold ?? 0.5;
    for (let i = 0; i < n; i++) pred[i] = (input.yScore[i] as number) >= thr ? 1 : 0;
  } else {
    throw new MetricInputError("Give either yPred (decisions) or yScore with a threshold.");
  }
  if (labels.size > 2) throw new MetricInputError("Must have no more than two unique y values");
  return { truth, pred };
}

/** Agrees with fairlearn.metrics.MetricFrame over selection_rate and the true/false positive/negative rates. */
export function groupRates(input: GroupRatesInput): GroupRatesResult {
  const n = input.yTrue.length;
  if (input.sensitiveFeatures.length === 0) throw new MetricInputError("At least one sensitive feature is required.");
  const { truth, pred } = decisions(input);
  const w = input.sampleWeight;
  if (w !== undefined && w.length !== n) throw new MetricInputError(`sample_weight has ${w.length} rows, expected ${n}.`);
  const sens: EncodedFeature[] = input.sensitiveFeatures.map((f) => encodeFeature(f, n));
  const ctrl: EncodedFeature[] = (input.controlFeatures ?? []).map((f) => encodeFeature(f, n));
  const s = combine(sens, n);
  const c = ctrl.length ? combine(ctrl, n) : { codes: new Int32Array(n), size: 1, decode: (): string[] => [] };
  const cells = new Float64Array(c.size * s.size * 5); // rows, tp, fp, tn, fn
  for (let i = 0; i < n; i++) {
    const base = ((c.codes[i] as number) * s.size + (s.codes[i] as number)) * 5;
    const wi = w === undefined ? 1 : (w[i] as number);
    cells[base] = (cells[base] as number) + 1;
    const k = truth[i] === 1 ? (pred[i] === 1 ? 1 : 4) : pred[i] === 1 ? 2 : 3;
    cells[base + k] = (cells[base + k] as number) + wi;
  }
  return frameFromCells(cells, s.size, c.size, s.decode, c.decode, sens.map((f) => f.name), ctrl.map((f) => f.name));
}

/** Build the frame from cell counts laid out as [control][group][rows, tp, fp, tn, fn]. */
export function frameFromCells(
  cells: ArrayLike<number>,
  nGroups: number,
  nControls: number,
  decodeGroup: (c: number) => string[],
  decodeControl: (c: number) => string[],
  sensitiveNames: string[],
  controlNames: string[],
): GroupRatesResult {
  const byGroup: GroupRow[] = [];
  const overall: GroupRatesResult["overall"] = [];
  for (let cc = 0; cc < nControls; cc++) {
    const tot: ConfusionCounts = { rows: 0, tp: 0, fp: 0, tn: 0, fn: 0 };
    for (let g = 0; g < nGroups; g++) {
      const b = (cc * nGroups + g) * 5;
      const counts: ConfusionCounts = {
        rows: cells[b] as number,
        tp: cells[b + 1] as number,
        fp: cells[b + 2] as number,
        tn: cells[b + 3] as number,
        fn: cells[b + 4] as number,
      };
      tot.rows += counts.rows;
      tot.tp += counts.tp;
      tot.fp += counts.fp;
      tot.tn += counts.tn;
      tot.fn += counts.fn;
      byGroup.push({
        group: decodeGroup(g),
        control: decodeControl(cc),
        counts,
        rates: counts.rows === 0 ? { ...NAN_RATES } : ratesFromCounts(counts),
      });
    }
    overall.push({ control: decodeControl(cc), counts: tot, rates: tot.rows === 0 ? { ...NAN_RATES } : ratesFromCounts(tot) });
  }
  return { sensitiveFeatures: sensitiveNames, controlFeatures: controlNames, overall, byGroup };
}
