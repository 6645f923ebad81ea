import { MetricInputError } from "../errors";
import { type Label, type LabelArray, type Weights, encode, uniqueLabels } from "../internal/labels";
import { type ScoreMatrix, isMatrix, toDense } from "../internal/matrix";
import { auc } from "./auc";
import { rocCurve } from "./roc-curve";
import { typeOfTarget } from "./targets";

export interface RocAucOptions {
  sampleWeight?: Weights;
  /** Multiclass only: one-vs-rest or one-vs-one (Hand & Till). Required for multiclass input. */
  multiClass?: "ovr" | "ovo";
  /** Multiclass averaging; default "macro". "micro" only for ovr, "none" (per class) only for ovr. */
  average?: "macro" | "weighted" | "micro" | "none";
  /** Class labels for the score columns (default: sorted labels of yTrue). */
  labels?: readonly Label[];
}

const ONE_CLASS = "Only one class present in y_true. ROC AUC score is not defined in that case.";

/** `_binary_roc_auc_score`: AUC of a 0/1 truth vector. */
export function binaryRocAuc(yTrue01: ArrayLike<number>, yScore: ArrayLike<number>, sampleWeight?: Weights): number {
  let has0 = false;
  let has1 = false;
  for (let i = 0; i < yTrue01.length; i++) {
    if (yTrue01[i] === 1) has1 = true;
    else has0 = true;
  }
  if (!(has0 && has1)) throw new MetricInputError(ONE_CLASS);
  const { fpr, tpr } = rocCurve(yTrue01, yScore, { sampleWeight, posLabel: 1 });
  return auc(fpr, tpr);
}

/**
 * Agrees with sklearn.metrics.roc_auc_score (scikit-learn 1.5: one class in yTrue is an error).
 * Binary: `yScore` is the score of the greater label. Multiclass: pass a probability matrix and
 * `multiClass: "ovr" | "ovo"`.
 */
export function rocAucScore(yTrue: LabelArray, yScore: ArrayLike<number>, options?: RocAucOptions): number;
export function rocAucScore(yTrue: LabelArray, yScore: ScoreMatrix, options: RocAucOptions & { average: "none" }): number[];
export function rocAucScore(yTrue: LabelArray, yScore: ScoreMatrix, options?: RocAucOptions): number;
export function rocAucScore(yTrue: LabelArray, yScore: ArrayLike<number> | ScoreMatrix, options: RocAucOptions = {}): number | number[] {
  const yType = typeOfTarget(yTrue);
  if (isMatrix(yScore)) {
    const m = toDense(yScore);
    if (yType === "multiclass" || m.cols > 2) return multiclassRocAuc(yTrue, m, options);
    throw new MetricInputError("A 2-column score matrix is not supported for binary y_true; pass the score of the positive class.");
  }
  if (yType === "multiclass") {
    throw new MetricInputError("multi_class must be in ('ovo', 'ovr')");
  }
  if (yType === "continuous") throw new MetricInputError("continuous format is not supported");
  const labels = uniqueLabels(yTrue);
  const pos = labels.length === 2 ? labels[1] : undefined;
  const y01 = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) y01[i] = pos !== undefined && yTrue[i] === pos ? 1 : 0;
  return binaryRocAuc(y01, yScore as ArrayLike<number>, options.sampleWeight);
}

function multiclassRocAuc(yTrue: LabelArray, m: { data: Float64Array; rows: number; cols: number }, options: RocAucOptions): number | number[] {
  const { data, rows, cols } = m;
  if (rows !== yTrue.length) {
    throw new MetricInputError(`Found input variables with inconsistent numbers of samples: [${yTrue.length}, ${rows}]`);
  }
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) s += data[i * cols + j] as number;
    if (!(Math.abs(1 - s) <= 1e-8 + 1e-5 * Math.abs(s))) {
      throw new MetricInputError(
        "Target scores need to be probabilities for multiclass roc_auc, i.e. they should sum up to 1.0 over classes",
      );
    }
  }
  const multiClass = options.multiClass;
  const average = options.average ?? "macro";
  if (multiClass === undefined) throw new MetricInputError("multi_class must be in ('ovo', 'ovr')");
  const allowed = multiClass === "ovr" ? ["micro", "macro", "weighted", "none"] : ["macro", "weighted", "none"];
  if (!allowed.includes(average)) {
    throw new MetricInputError(
      `average must be one of (${multiClass === "ovr" ? "'micro', " : ""}'macro', 'weighted', None) for multiclass problems`,
    );
  }
  if (average === "none" && multiClass === "ovo") {
    throw new MetricInputError("average=None is not implemented for multi_class='ovo'.");
  }
  let classes: Label[];
  if (options.labels !== undefined) {
    classes = [...options.labels];
    if (classes.length !== cols) {
      throw new MetricInputError("Number of given labels, " + classes.length + ", not equal to the number of columns in 'y_score', " + cols);
    }
  } else {
    classes = uniqueLabels(yTrue);
    if (classes.length !== cols) {
      throw new MetricInputError("Number of classes in y_true not equal to the number of columns in 'y_score'");
    }
  }
  const codes = encode(yTrue, classes);
  const column = (c: number, rowsSel?: number[]): Float64Array => {
    if (rowsSel === undefined) {
      const out = new Float64Array(rows);
      for (let i = 0; i < rows; i++) out[i] = data[i * cols + c] as number;
      return out;
    }
    return Float64Array.from(rowsSel, (i) => data[i * cols + c] as number);
  };
  if (multiClass === "ovo") {
    if (options.sampleWeight !== undefined) {
      throw new MetricInputError(
        "sample_weight is not supported for multiclass one-vs-one ROC AUC, 'sample_weight' must be None in this case.",
      );
    }
    const present = [...new Set(Array.from(codes))].sort((a, b) => a - b);
    const pairScores: number[] = [];
    const prevalence: number[] = [];
    for (let x = 0; x < present.length; x++) {
      for (let z = x + 1; z < present.length; z++) {
        const a = present[x] as number;
        const b = present[z] as number;
        const sel: number[] = [];
        for (let i = 0; i < rows; i++) if (codes[i] === a || codes[i] === b) sel.push(i);
        prevalence.push(sel.length / rows);
        const aTrue = Float64Array.from(sel, (i) => (codes[i] === a ? 1 : 0));
        const bTrue = Float64Array.from(sel, (i) => (codes[i] === b ? 1 : 0));
        const aScore = binaryRocAuc(aTrue, column(a, sel));
        const bScore = binaryRocAuc(bTrue, column(b, sel));
        pairScores.push((aScore + bScore) / 2);
      }
    }
    return weightedMean(pairScores, average === "weighted" ? prevalence : undefined);
  }
  // One-vs-rest.
  const w = options.sampleWeight;
  if (average === "micro") {
    const yFlat = new Float64Array(rows * cols);
    const sFlat = new Float64Array(rows * cols);
    const wFlat = w === undefined ? undefined : new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      for (let c = 0; c < cols; c++) {
        yFlat[i * cols + c] = codes[i] === c ? 1 : 0;
        sFlat[i * cols + c] = data[i * cols + c] as number;
        if (wFlat !== undefined && w !== undefined) wFlat[i * cols + c] = w[i] as number;
      }
    }
    return binaryRocAuc(yFlat, sFlat, wFlat);
  }
  const scores: number[] = [];
  const avgWeight: number[] = [];
  for (let c = 0; c < cols; c++) {
    const yc = Float64Array.from(codes, (v) => (v === c ? 1 : 0));
    let aw = 0;
    for (let i = 0; i < rows; i++) if (codes[i] === c) aw += w === undefined ? 1 : (w[i] as number);
    avgWeight.push(aw);
    scores.push(binaryRocAuc(yc, column(c), w));
  }
  if (average === "none") return scores;
  if (average === "weighted") {
    const total = avgWeight.reduce((a, b) => a + b, 0);
    if (Math.abs(total) <= 1e-8) return 0;
    return weightedMean(
      scores.map((s, i) => ((avgWeight[i] as number) === 0 ? 0 : s)),
      avgWeight,
    );
  }
  return weightedMean(scores, undefined);
}

function weightedMean(values: number[], weights: number[] | undefined): number {
  if (weights === undefined) return values.reduce((a, b) => a + b, 0) / values.length;
  let s = 0;
  let ws = 0;
  values.forEach((v, i) => {
    s += v * (weights[i] as number);
    ws += weights[i] as number;
  });
  return s / ws;
}
