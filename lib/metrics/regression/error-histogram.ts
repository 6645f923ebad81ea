import { MetricInputError } from "../errors";
import { histogramSorted } from "../drift/binning";
import { linspace } from "../internal/numeric";
import { checkRegression } from "./common";

export interface ErrorHistogram {
  /** bin edges, ascending (bins + 1 of them); the last bin includes its right edge */
  edges: number[];
  /** rows per bin */
  counts: number[];
}

/**
 * How far off each answer is, counted in equal-width bins: agrees with `numpy.histogram(y_pred - y_true, bins)`
 * (edges over min..max of the errors, widened by 0.5 each side when every error is the same; last bin closed).
 * A positive error means the model said more than the real value.
 */
export function errorHistogram(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, bins = 20): ErrorHistogram {
  checkRegression(yTrue, yPred, undefined);
  if (!Number.isInteger(bins) || bins < 1) throw new MetricInputError("`bins` should be a positive integer.");
  const errors = new Float64Array(yTrue.length);
  for (let i = 0; i < errors.length; i++) errors[i] = (yPred[i] as number) - (yTrue[i] as number);
  errors.sort();
  let first = errors[0] as number;
  let last = errors[errors.length - 1] as number;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const edges = linspace(first, last, bins + 1);
  return { edges: [...edges], counts: [...histogramSorted(errors, edges)] };
}
