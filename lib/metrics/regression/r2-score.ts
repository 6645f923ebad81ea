import { type RegressionOptions, average, checkRegression } from "./common";

export interface R2Options extends RegressionOptions {
  /** Replace NaN/-Inf of constant targets by 1.0 (perfect) or 0.0 (imperfect); default true. */
  forceFinite?: boolean;
}

/**
 * Agrees with sklearn.metrics.r2_score: 1.0 for a perfect fit of a constant target, 0.0 for an
 * imperfect one (force_finite), NaN with fewer than two samples.
 */
export function r2Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: R2Options = {}): number {
  checkRegression(yTrue, yPred, options.sampleWeight);
  if (yTrue.length < 2) return Number.NaN;
  const w = options.sampleWeight;
  const mean = average(yTrue, w);
  let num = 0;
  let den = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const wi = w === undefined ? 1 : (w[i] as number);
    const y = yTrue[i] as number;
    const r = y - (yPred[i] as number);
    num += wi * r * r;
    const d = y - mean;
    den += wi * d * d;
  }
  if (options.forceFinite === false) return 1 - num / den;
  if (num === 0) return 1.0;
  if (den === 0) return 0.0;
  return 1 - num / den;
}
