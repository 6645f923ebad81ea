import { MetricInputError } from "../errors";
import { type Label, type LabelArray, uniqueLabels } from "../internal/labels";
import { linspace, percentileSorted } from "../internal/numeric";
import { checkPosLabelConsistency } from "../classification/binary-clf-curve";

export interface CalibrationCurveOptions {
  /** Default 5. */
  nBins?: number;
  /** `uniform`: edges linspace(0, 1, n+1); `quantile`: linear percentiles of the scores. */
  strategy?: "uniform" | "quantile";
  posLabel?: Label;
}

export interface CalibrationCurve {
  /** Fraction of positives per non-empty bin. */
  probTrue: number[];
  /** Mean predicted probability per non-empty bin. */
  probPred: number[];
  /** Rows per non-empty bin. */
  counts: number[];
  /** The bin edges used. */
  edges: number[];
}

/**
 * Agrees with sklearn.calibration.calibration_curve: bins `(e_i, e_{i+1}]` (a score on an interior
 * edge goes to the lower bin, 0 to the first), empty bins dropped.
 */
export function calibrationCurve(
  yTrue: LabelArray,
  yProb: ArrayLike<number>,
  options: CalibrationCurveOptions = {},
): CalibrationCurve {
  const nBins = options.nBins ?? 5;
  const strategy = options.strategy ?? "uniform";
  if (yTrue.length !== yProb.length) {
    throw new MetricInputError(`Found input variables with inconsistent numbers of samples: [${yTrue.length}, ${yProb.length}]`);
  }
  if (!(Number.isInteger(nBins) && nBins >= 1)) {
    throw new MetricInputError(`The 'n_bins' parameter of calibration_curve must be an int in the range [1, inf). Got ${nBins} instead.`);
  }
  const pos = checkPosLabelConsistency(options.posLabel, yTrue);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < yProb.length; i++) {
    const v = yProb[i] as number;
    if (Number.isNaN(v)) throw new MetricInputError("Input contains NaN.");
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min < 0 || max > 1) throw new MetricInputError("y_prob has values outside [0, 1].");
  const labels = uniqueLabels(yTrue);
  if (labels.length > 2) {
    throw new MetricInputError(`Only binary classification is supported. Provided labels [${labels.join(" ")}].`);
  }
  let edges: Float64Array;
  if (strategy === "quantile") {
    const q = linspace(0, 1, nBins + 1);
    const sorted = Float64Array.from(yProb).sort();
    edges = Float64Array.from(q, (v) => percentileSorted(sorted, v * 100));
  } else if (strategy === "uniform") {
    edges = linspace(0.0, 1.0, nBins + 1);
  } else {
    throw new MetricInputError("Invalid entry to 'strategy' input. Strategy must be either 'quantile' or 'uniform'.");
  }
  const interior = edges.subarray(1, edges.length - 1);
  const k = edges.length;
  const sums = new Float64Array(k);
  const trues = new Float64Array(k);
  const totals = new Float64Array(k);
  for (let i = 0; i < yProb.length; i++) {
    const v = yProb[i] as number;
    // np.searchsorted(interior, v, side="left")
    let lo = 0;
    let hi = interior.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((interior[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    sums[lo] = (sums[lo] as number) + v;
    if (yTrue[i] === pos) trues[lo] = (trues[lo] as number) + 1;
    totals[lo] = (totals[lo] as number) + 1;
  }
  const probTrue: number[] = [];
  const probPred: number[] = [];
  const counts: number[] = [];
  for (let b = 0; b < k; b++) {
    const t = totals[b] as number;
    if (t === 0) continue;
    probTrue.push((trues[b] as number) / t);
    probPred.push((sums[b] as number) / t);
    counts.push(t);
  }
  return { probTrue, probPred, counts, edges: Array.from(edges) };
}
