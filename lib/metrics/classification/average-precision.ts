import { MetricInputError } from "../errors";
import { type Label, type LabelArray, type Weights, labelToString, uniqueLabels } from "../internal/labels";
import { binaryClfCurve } from "./binary-clf-curve";
import { prFromCurve } from "./precision-recall-curve";
import { typeOfTarget } from "./targets";

export interface AveragePrecisionOptions {
  /** Default 1. */
  posLabel?: Label;
  sampleWeight?: Weights;
}

/**
 * Agrees with sklearn.metrics.average_precision_score (binary):
 * `sum_n (R_n - R_{n-1}) P_n` over distinct thresholds, no interpolation. No positives gives 0.
 */
export function averagePrecisionScore(
  yTrue: LabelArray,
  yScore: ArrayLike<number>,
  options: AveragePrecisionOptions = {},
): number {
  const posLabel = options.posLabel ?? 1;
  const yType = typeOfTarget(yTrue);
  if (yType !== "binary") {
    throw new MetricInputError(`${yType} format is not supported`);
  }
  const present = uniqueLabels(yTrue);
  if (present.length === 2 && !present.includes(posLabel)) {
    throw new MetricInputError(
      `pos_label=${labelToString(posLabel)} is not a valid label. It should be one of [${present.map(labelToString).join(", ")}]`,
    );
  }
  const curve = binaryClfCurve(yTrue, yScore, posLabel, options.sampleWeight);
  const { precision, recall } = prFromCurve(curve, false);
  let s = 0;
  for (let i = 1; i < recall.length; i++) {
    s += ((recall[i] as number) - (recall[i - 1] as number)) * (precision[i - 1] as number);
  }
  return Math.max(0.0, -s);
}
