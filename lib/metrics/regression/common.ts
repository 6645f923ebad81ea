import { MetricInputError } from "../errors";
import { type Weights, assertFinite, checkWeights } from "../internal/labels";

export interface RegressionOptions {
  sampleWeight?: Weights;
}

export function checkRegression(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, w: Weights): void {
  if (yTrue.length !== yPred.length) {
    throw new MetricInputError(`Found input variables with inconsistent numbers of samples: [${yTrue.length}, ${yPred.length}]`);
  }
  if (yTrue.length === 0) throw new MetricInputError("Found array with 0 sample(s) (shape=(0,)) while a minimum of 1 is required.");
  assertFinite("y_true", yTrue);
  assertFinite("y_pred", yPred);
  checkWeights(w, yTrue.length);
}

/** `np.average(values, weights)`. */
export function average(values: ArrayLike<number>, w: Weights): number {
  let s = 0;
  let ws = 0;
  for (let i = 0; i < values.length; i++) {
    const wi = w === undefined ? 1 : (w[i] as number);
    s += (values[i] as number) * wi;
    ws += wi;
  }
  if (ws === 0) throw new MetricInputError("Weights sum to zero, can't be normalized");
  return s / ws;
}
