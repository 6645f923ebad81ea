import { MetricInputError } from "../errors";
import { type LabelArray, type Weights, checkWeights, weightAt } from "../internal/labels";
import { checkTargets } from "./targets";

export interface AccuracyOptions {
  /** Return the fraction (default) or the (weighted) count of correct predictions. */
  normalize?: boolean;
  sampleWeight?: Weights;
}

/** Agrees with sklearn.metrics.accuracy_score. */
export function accuracyScore(yTrue: LabelArray, yPred: LabelArray, options: AccuracyOptions = {}): number {
  checkTargets(yTrue, yPred);
  const w = options.sampleWeight;
  checkWeights(w, yTrue.length);
  let correct = 0;
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const wi = weightAt(w, i);
    if (yTrue[i] === yPred[i]) correct += wi;
    total += wi;
  }
  if (options.normalize === false) return correct;
  if (total === 0) throw new MetricInputError("Weights sum to zero, can't be normalized");
  return correct / total;
}
