import { MetricInputError } from "../errors";
import { type Label, type LabelArray, type Weights, assertFinite, checkWeights, uniqueLabels, weightAt } from "../internal/labels";
import { typeOfTarget } from "./targets";

export interface BrierOptions {
  sampleWeight?: Weights;
  /** Positive label; default 1 for {0,1}/{-1,1} labels, else the greater label. */
  posLabel?: Label;
}

/** Agrees with sklearn.metrics.brier_score_loss: `mean((p - [y == positive])^2)`. */
export function brierScoreLoss(yTrue: LabelArray, yProb: ArrayLike<number>, options: BrierOptions = {}): number {
  if (yTrue.length !== yProb.length) {
    throw new MetricInputError(`Found input variables with inconsistent numbers of samples: [${yTrue.length}, ${yProb.length}]`);
  }
  assertFinite("y_prob", yProb);
  const yType = typeOfTarget(yTrue);
  if (yType !== "binary") {
    throw new MetricInputError(`Only binary classification is supported. The type of the target is ${yType}.`);
  }
  let max = -Infinity;
  let min = Infinity;
  for (let i = 0; i < yProb.length; i++) {
    const v = yProb[i] as number;
    if (v > max) max = v;
    if (v < min) min = v;
  }
  if (max > 1) throw new MetricInputError("y_prob contains values greater than 1.");
  if (min < 0) throw new MetricInputError("y_prob contains values less than 0.");
  let pos = options.posLabel;
  if (pos === undefined) {
    const classes = uniqueLabels(yTrue);
    const key = classes.map(String).join(",");
    const standard = classes.every((c) => typeof c === "number") && ["0,1", "-1,1", "0", "-1", "1"].includes(key);
    if (standard) pos = 1;
    else {
      if (classes.some((c) => typeof c === "string")) {
        throw new MetricInputError(
          `y_true takes value in {${classes.map((c) => `'${String(c)}'`).join(", ")}} and pos_label is not specified: either make y_true take value in {0, 1} or {-1, 1} or pass pos_label explicitly.`,
        );
      }
      pos = classes[classes.length - 1] as Label;
    }
  }
  const w = options.sampleWeight;
  checkWeights(w, yTrue.length);
  let s = 0;
  let ws = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i] === pos ? 1 : 0;
    const d = t - (yProb[i] as number);
    const wi = weightAt(w, i);
    s += d * d * wi;
    ws += wi;
  }
  return s / ws;
}
