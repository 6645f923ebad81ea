import { type LabelArray, type Weights } from "../internal/labels";
import { confusionMatrix } from "./confusion-matrix";

export interface BalancedAccuracyOptions {
  sampleWeight?: Weights;
  /** Adjust for chance: `(ba - 1/K) / (1 - 1/K)`. */
  adjusted?: boolean;
}

/** Agrees with sklearn.metrics.balanced_accuracy_score. */
export function balancedAccuracyScore(
  yTrue: LabelArray,
  yPred: LabelArray,
  options: BalancedAccuracyOptions = {},
): number {
  const { matrix } = confusionMatrix(yTrue, yPred, { sampleWeight: options.sampleWeight });
  const perClass: number[] = [];
  matrix.forEach((row, i) => {
    const s = row.reduce((a, b) => a + b, 0);
    const v = (row[i] as number) / s;
    if (!Number.isNaN(v)) perClass.push(v);
  });
  let score = perClass.reduce((a, b) => a + b, 0) / perClass.length;
  if (options.adjusted) {
    const chance = 1 / perClass.length;
    score -= chance;
    score /= 1 - chance;
  }
  return score;
}
