import { type RegressionOptions, average, checkRegression } from "./common";

/** Agrees with sklearn.metrics.root_mean_squared_error. */
export function rootMeanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: RegressionOptions = {}): number {
  checkRegression(yTrue, yPred, options.sampleWeight);
  const e = new Float64Array(yTrue.length);
  for (let i = 0; i < e.length; i++) {
    const d = (yTrue[i] as number) - (yPred[i] as number);
    e[i] = d * d;
  }
  return Math.sqrt(average(e, options.sampleWeight));
}
