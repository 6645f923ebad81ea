import { type Label, type LabelArray, type Weights } from "../internal/labels";
import { binaryClfCurve, type ClfCurve } from "./binary-clf-curve";

export interface PrecisionRecallCurveOptions {
  posLabel?: Label;
  sampleWeight?: Weights;
  /** Drop thresholds where true positives do not change; default false (as scikit-learn). */
  dropIntermediate?: boolean;
}

export interface PrecisionRecallCurve {
  /** Ends with 1. */
  precision: Float64Array;
  /** Decreasing, ends with 0. */
  recall: Float64Array;
  /** Increasing thresholds, one fewer than precision/recall. */
  thresholds: Float64Array;
}

/** Agrees with sklearn.metrics.precision_recall_curve. */
export function precisionRecallCurve(
  yTrue: LabelArray,
  yScore: ArrayLike<number>,
  options: PrecisionRecallCurveOptions = {},
): PrecisionRecallCurve {
  const curve = binaryClfCurve(yTrue, yScore, options.posLabel, options.sampleWeight);
  return prFromCurve(curve, options.dropIntermediate ?? false);
}

export function prFromCurve(curve: ClfCurve, dropIntermediate: boolean): PrecisionRecallCurve {
  let { fps, tps, thresholds } = curve;
  if (dropIntermediate && fps.length > 2) {
    const keep: number[] = [0];
    for (let i = 1; i < tps.length - 1; i++) {
      const a = (tps[i] as number) - (tps[i - 1] as number);
      const b = (tps[i + 1] as number) - (tps[i] as number);
      if (a !== 0 || b !== 0) keep.push(i);
    }
    keep.push(tps.length - 1);
    fps = Float64Array.from(keep, (i) => fps[i] as number);
    tps = Float64Array.from(keep, (i) => tps[i] as number);
    thresholds = Float64Array.from(keep, (i) => thresholds[i] as number);
  }
  const n = tps.length;
  const precision = new Float64Array(n + 1);
  const recall = new Float64Array(n + 1);
  const thr = new Float64Array(n);
  const lastT = n > 0 ? (tps[n - 1] as number) : 0;
  for (let k = 0; k < n; k++) {
    const i = n - 1 - k; // reversed
    const ps = (tps[i] as number) + (fps[i] as number);
    precision[k] = ps !== 0 ? (tps[i] as number) / ps : 0;
    recall[k] = lastT === 0 ? 1 : (tps[i] as number) / lastT;
    thr[k] = thresholds[i] as number;
  }
  precision[n] = 1;
  recall[n] = 0;
  return { precision, recall, thresholds: thr };
}
