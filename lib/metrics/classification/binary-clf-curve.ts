/** scikit-learn's `_binary_clf_curve` and `_check_pos_label_consistency`. */
import { MetricInputError } from "../errors";
import { type Label, type LabelArray, type Weights, assertFinite, checkWeights, labelToString, uniqueLabels } from "../internal/labels";
import { argsortFloat64 } from "../internal/sort";
import { typeOfTarget } from "./targets";

/** `_check_pos_label_consistency`: default positive label 1 only for {0,1}/{-1,1}-style labels. */
export function checkPosLabelConsistency(posLabel: Label | undefined, yTrue: LabelArray): Label {
  if (posLabel !== undefined) return posLabel;
  const classes = uniqueLabels(yTrue);
  const key = classes.map(String).join(",");
  const ok = classes.every((c) => typeof c === "number") && ["0,1", "-1,1", "0", "-1", "1"].includes(key);
  if (!ok) {
    throw new MetricInputError(
      `y_true takes value in {${classes.map(labelToString).join(", ")}} and pos_label is not specified: either make y_true take value in {0, 1} or {-1, 1} or pass pos_label explicitly.`,
    );
  }
  return 1;
}

export interface ClfCurve {
  /** Cumulative (weighted) false positives at each distinct threshold, decreasing thresholds. */
  fps: Float64Array;
  tps: Float64Array;
  thresholds: Float64Array;
}

/** `_binary_clf_curve(y_true, y_score, pos_label, sample_weight)`. */
export function binaryClfCurve(
  yTrue: LabelArray,
  yScore: ArrayLike<number>,
  posLabel: Label | undefined,
  sampleWeight: Weights,
): ClfCurve {
  const yType = typeOfTarget(yTrue);
  if (!(yType === "binary" || (yType === "multiclass" && posLabel !== undefined))) {
    throw new MetricInputError(`${yType} format is not supported`);
  }
  if (yTrue.length !== yScore.length) {
    throw new MetricInputError(
      `Found input variables with inconsistent numbers of samples: [${yTrue.length}, ${yScore.length}]`,
    );
  }
  assertFinite("y_score", yScore);
  checkWeights(sampleWeight, yTrue.length);
  // Drop zero-weight rows.
  let rows: number[] | null = null;
  if (sampleWeight !== undefined) {
    rows = [];
    for (let i = 0; i < yTrue.length; i++) if ((sampleWeight[i] as number) !== 0) rows.push(i);
  }
  const n = rows === null ? yTrue.length : rows.length;
  const scores = new Float64Array(n);
  const truth = new Uint8Array(n);
  const weights = sampleWeight === undefined ? null : new Float64Array(n);
  const yKept: Label[] = [];
  for (let k = 0; k < n; k++) {
    const i = rows === null ? k : (rows[k] as number);
    scores[k] = yScore[i] as number;
    yKept.push(yTrue[i] as Label);
    if (weights !== null && sampleWeight !== undefined) weights[k] = sampleWeight[i] as number;
  }
  const pos = checkPosLabelConsistency(posLabel, yKept as LabelArray);
  for (let k = 0; k < n; k++) truth[k] = yKept[k] === pos ? 1 : 0;
  return curveFromArrays(scores, truth, weights);
}

/** The cumulative counts for already-validated arrays (used by fast paths). */
export function curveFromArrays(scores: Float64Array, truth: Uint8Array, weights: Float64Array | null): ClfCurve {
  const n = scores.length;
  const order = argsortFloat64(scores); // ascending, stable; walk it backwards (mergesort[::-1])
  const fpsL: number[] = [];
  const tpsL: number[] = [];
  const thrL: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let r = n - 1; r >= 0; r--) {
    const i = order[r] as number;
    const w = weights === null ? 1 : (weights[i] as number);
    if (truth[i] === 1) tp += w;
    else fp += w;
    const s = scores[i] as number;
    const next = r > 0 ? (scores[order[r - 1] as number] as number) : Number.NaN;
    if (r === 0 || next !== s) {
      tpsL.push(tp);
      fpsL.push(weights === null ? n - r - tp : fp);
      thrL.push(s);
    }
  }
  return { fps: Float64Array.from(fpsL), tps: Float64Array.from(tpsL), thresholds: Float64Array.from(thrL) };
}
