import { type Label, type LabelArray, type Weights } from "../internal/labels";
import { binaryClfCurve, type ClfCurve } from "./binary-clf-curve";

export interface RocCurveOptions {
  posLabel?: Label;
  sampleWeight?: Weights;
  /** Drop thresholds that lie on straight segments of the curve; default true. */
  dropIntermediate?: boolean;
}

export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  /** Decreasing; the first threshold is +Infinity. */
  thresholds: Float64Array;
}

/** Agrees with sklearn.metrics.roc_curve. */
export function rocCurve(yTrue: LabelArray, yScore: ArrayLike<number>, options: RocCurveOptions = {}): RocCurve {
  const curve = binaryClfCurve(yTrue, yScore, options.posLabel, options.sampleWeight);
  return rocFromCurve(curve, options.dropIntermediate ?? true);
}

export function rocFromCurve(curve: ClfCurve, dropIntermediate: boolean): RocCurve {
  let { fps, tps, thresholds } = curve;
  if (dropIntermediate && fps.length > 2) {
    const keep: number[] = [0];
    for (let i = 1; i < fps.length - 1; i++) {
      const d2f = ((fps[i + 1] as number) - (fps[i] as number)) - ((fps[i] as number) - (fps[i - 1] as number));
      const d2t = ((tps[i + 1] as number) - (tps[i] as number)) - ((tps[i] as number) - (tps[i - 1] as number));
      if (d2f !== 0 || d2t !== 0) keep.push(i);
    }
    keep.push(fps.length - 1);
    fps = Float64Array.from(keep, (i) => fps[i] as number);
    tps = Float64Array.from(keep, (i) => tps[i] as number);
    thresholds = Float64Array.from(keep, (i) => thresholds[i] as number);
  }
  const m = fps.length + 1;
  const fpr = new Float64Array(m);
  const tpr = new Float64Array(m);
  const thr = new Float64Array(m);
  thr[0] = Number.POSITIVE_INFINITY;
  const lastF = fps.length > 0 ? (fps[fps.length - 1] as number) : 0;
  const lastT = tps.length > 0 ? (tps[tps.length - 1] as number) : 0;
  for (let i = 0; i < fps.length; i++) {
    thr[i + 1] = thresholds[i] as number;
  }
  for (let i = 0; i < m; i++) {
    const f = i === 0 ? 0 : (fps[i - 1] as number);
    const t = i === 0 ? 0 : (tps[i - 1] as number);
    fpr[i] = lastF <= 0 ? Number.NaN : f / lastF;
    tpr[i] = lastT <= 0 ? Number.NaN : t / lastT;
  }
  return { fpr, tpr, thresholds: thr };
}
