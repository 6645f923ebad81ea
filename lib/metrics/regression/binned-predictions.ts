import { MetricInputError } from "../errors";
import { quantileSorted } from "../internal/numeric";
import { checkRegression } from "./common";

export interface PredictionBin {
  /** mean real value of the group */
  actual: number;
  /** the model's answers for the group: median and 10th and 90th percentiles (NumPy's linear method) */
  predictedMedian: number;
  predictedLow: number;
  predictedHigh: number;
  rows: number;
}

/**
 * The model's answers along the real values: rows sorted by real value (ties in row order) and cut into `bins` groups
 * of equal size (group k holds sorted rows floor(k n / bins) up to floor((k + 1) n / bins)), fewer when there are
 * under `minRows` rows per group. An aggregate view of "predicted against actual" that shows no single row.
 */
export function binnedPredictions(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, bins = 20, minRows = 5): PredictionBin[] {
  checkRegression(yTrue, yPred, undefined);
  if (!Number.isInteger(bins) || bins < 1) throw new MetricInputError("`bins` should be a positive integer.");
  const n = yTrue.length;
  const groups = Math.max(1, Math.min(bins, Math.floor(n / Math.max(1, minRows))));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (yTrue[a] as number) - (yTrue[b] as number) || a - b);
  const out: PredictionBin[] = [];
  for (let k = 0; k < groups; k++) {
    const from = Math.floor((k * n) / groups);
    const to = Math.floor(((k + 1) * n) / groups);
    const predicted = new Float64Array(to - from);
    let sum = 0;
    for (let r = from; r < to; r++) {
      const i = order[r] as number;
      sum += yTrue[i] as number;
      predicted[r - from] = yPred[i] as number;
    }
    predicted.sort();
    out.push({
      actual: sum / (to - from),
      predictedMedian: quantileSorted(predicted, 0.5),
      predictedLow: quantileSorted(predicted, 0.1),
      predictedHigh: quantileSorted(predicted, 0.9),
      rows: to - from,
    });
  }
  return out;
}
