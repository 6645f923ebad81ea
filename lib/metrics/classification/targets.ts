/** scikit-learn's `type_of_target` / `_check_targets` for 1-D label arrays. */
import { MetricInputError } from "../errors";
import { type Label, type LabelArray, uniqueLabels } from "../internal/labels";

export type TargetType = "binary" | "multiclass" | "continuous";

/** `sklearn.utils.multiclass.type_of_target` for a 1-D array. */
export function typeOfTarget(y: LabelArray): TargetType {
  if (y.length > 0 && typeof y[0] === "number") {
    for (let i = 0; i < y.length; i++) {
      const v = y[i] as number;
      if (!Number.isFinite(v)) {
        throw new MetricInputError(Number.isNaN(v) ? "Input contains NaN." : "Input contains infinity or a value too large for dtype('float64').");
      }
      if (v !== Math.trunc(v)) return "continuous";
    }
  }
  return uniqueLabels(y).length <= 2 ? "binary" : "multiclass";
}

/** `_check_targets`: the common task type of `yTrue` and `yPred`, with scikit-learn's errors. */
export function checkTargets(yTrue: LabelArray, yPred: LabelArray): "binary" | "multiclass" {
  if (yTrue.length !== yPred.length) {
    throw new MetricInputError(
      `Found input variables with inconsistent numbers of samples: [${yTrue.length}, ${yPred.length}]`,
    );
  }
  const tt = typeOfTarget(yTrue);
  const tp = typeOfTarget(yPred);
  let types = new Set<TargetType>([tt, tp]);
  if (types.size === 2 && types.has("binary") && types.has("multiclass")) types = new Set(["multiclass"]);
  if (types.size > 1) {
    throw new MetricInputError(`Classification metrics can't handle a mix of ${tt} and ${tp} targets`);
  }
  const t = [...types][0] as TargetType;
  if (t === "continuous") throw new MetricInputError("continuous is not supported");
  if (t === "binary" && uniqueLabels(yTrue, yPred).length > 2) return "multiclass";
  return t;
}

export function presentLabels(yTrue: LabelArray, yPred: LabelArray): Label[] {
  return uniqueLabels(yTrue, yPred);
}
