import { type RegressionOptions, average, checkRegression } from "./common";

const EPS = 2.220446049250313e-16;

/** Agrees with sklearn.metrics.mean_absolute_percentage_error: `|y - p| / max(|y|, eps)` (a fraction, not percent). */
export function meanAbsolutePercentageError(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: RegressionOptions = {},
): number {
  checkRegression(yTrue, yPred, options.sampleWeight);
  const e = new Float64Array(yTrue.length);
  for (let i = 0; i < e.length; i++) {
    const y = yTrue[i] as number;
    e[i] = Math.abs((yPred[i] as number) - y) / Math.max(Math.abs(y), EPS);
  }
  return average(e, options.sampleWeight);
}
