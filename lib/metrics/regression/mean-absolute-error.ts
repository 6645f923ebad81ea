import { type RegressionOptions, average, checkRegression } from "./common";

/** Agrees with sklearn.metrics.mean_absolute_error. */
export function meanAbsoluteError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: RegressionOptions = {}): number {
  checkRegression(yTrue, yPred, options.sampleWeight);
  const e = new Float64Array(yTrue.length);
  for (let i = 0; i < e.length; i++) e[i] = Math.abs((yPred[i] as number) - (yTrue[i] as number));
  return average(e, options.sampleWeight);
}
