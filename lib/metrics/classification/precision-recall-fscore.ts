import { MetricInputError } from "../errors";
import { type Label, type LabelArray, type Weights, checkWeights, encode, labelToString, uniqueLabels, weightAt } from "../internal/labels";
import { checkTargets } from "./targets";

/** `"none"` returns one value per label (scikit-learn's `average=None`). */
export type Average = "binary" | "micro" | "macro" | "weighted" | "none";
/** Value returned for 0/0 (scikit-learn's `zero_division`; `"warn"` acts as 0). */
export type ZeroDivision = 0 | 1 | "nan" | "warn";

export interface PrfOptions {
  /** F-beta weight of recall; default 1. */
  beta?: number;
  /** Labels to include (and their order for `"none"`); default: sorted labels present. */
  labels?: readonly Label[];
  /** Positive label for `average: "binary"`; default 1. */
  posLabel?: Label;
  /** Default `"binary"`. */
  average?: Average;
  sampleWeight?: Weights;
  zeroDivision?: ZeroDivision;
}

export interface PrfPerLabel {
  labels: Label[];
  precision: number[];
  recall: number[];
  fScore: number[];
  support: number[];
}

export interface PrfAveraged {
  precision: number;
  recall: number;
  fScore: number;
}

function zeroDivisionValue(z: ZeroDivision | undefined): number {
  if (z === undefined || z === "warn" || z === 0) return 0;
  if (z === 1) return 1;
  return Number.NaN;
}

function prfDivide(num: number[], den: number[], zd: number): number[] {
  return num.map((v, i) => ((den[i] as number) === 0 ? zd : v / (den[i] as number)));
}

/** `_nanaverage`: average ignoring NaN; all-zero weights fall back to the unweighted mean. */
function nanAverage(a: number[], weights?: number[]): number {
  if (a.length === 0) return Number.NaN;
  const keep = a.map((v) => !Number.isNaN(v));
  if (!keep.some(Boolean)) return Number.NaN;
  const vals = a.filter((_, i) => keep[i]);
  if (weights === undefined) return vals.reduce((s, v) => s + v, 0) / vals.length;
  const ws = weights.filter((_, i) => keep[i]);
  const wsum = ws.reduce((s, v) => s + v, 0);
  if (wsum === 0) return vals.reduce((s, v) => s + v, 0) / vals.length;
  let s = 0;
  for (let i = 0; i < vals.length; i++) s += (vals[i] as number) * (ws[i] as number);
  return s / wsum;
}

interface Counts {
  labels: Label[];
  tp: number[];
  pred: number[];
  true: number[];
}

/** Per-label true-positive, predicted and true sums (`multilabel_confusion_matrix`). */
function labelCounts(yTrue: LabelArray, yPred: LabelArray, labels: Label[], w: Weights): Counts {
  const present = uniqueLabels(yTrue, yPred);
  const all = [...labels];
  const selected = new Set(labels);
  for (const l of present) if (!selected.has(l)) all.push(l);
  const t = encode(yTrue, all);
  const p = encode(yPred, all);
  const k = all.length;
  const tp = new Array<number>(k).fill(0);
  const pred = new Array<number>(k).fill(0);
  const tru = new Array<number>(k).fill(0);
  for (let i = 0; i < t.length; i++) {
    const a = t[i] as number;
    const b = p[i] as number;
    const wi = weightAt(w, i);
    if (a === b) tp[a] = (tp[a] as number) + wi;
    pred[b] = (pred[b] as number) + wi;
    tru[a] = (tru[a] as number) + wi;
  }
  const n = labels.length;
  return { labels, tp: tp.slice(0, n), pred: pred.slice(0, n), true: tru.slice(0, n) };
}

/** `_check_set_wise_labels`: the labels to score for the requested average. */
function setWiseLabels(yTrue: LabelArray, yPred: LabelArray, average: Average, labels: readonly Label[] | undefined, posLabel: Label): Label[] {
  const yType = checkTargets(yTrue, yPred);
  const present = uniqueLabels(yTrue, yPred);
  if (average === "binary") {
    if (yType === "binary") {
      if (!present.includes(posLabel) && present.length >= 2) {
        throw new MetricInputError(
          `pos_label=${labelToString(posLabel)} is not a valid label. It should be one of [${present.map(labelToString).join(", ")}]`,
        );
      }
      return [posLabel];
    }
    throw new MetricInputError(
      `Target is ${yType} but average='binary'. Please choose another average setting, one of [None, 'micro', 'macro', 'weighted'].`,
    );
  }
  return labels === undefined ? present : [...labels];
}

function compute(yTrue: LabelArray, yPred: LabelArray, options: PrfOptions): PrfPerLabel | PrfAveraged {
  const average = options.average ?? "binary";
  const beta = options.beta ?? 1;
  if (!(beta >= 0)) throw new MetricInputError(`The 'beta' parameter must be a float in the range [0.0, inf]. Got ${beta} instead.`);
  const w = options.sampleWeight;
  checkWeights(w, yTrue.length);
  const labels = setWiseLabels(yTrue, yPred, average, options.labels, options.posLabel ?? 1);
  const c = labelCounts(yTrue, yPred, labels, w);
  let tp = c.tp;
  let pred = c.pred;
  let tru = c.true;
  if (average === "micro") {
    tp = [tp.reduce((a, b) => a + b, 0)];
    pred = [pred.reduce((a, b) => a + b, 0)];
    tru = [tru.reduce((a, b) => a + b, 0)];
  }
  const zd = zeroDivisionValue(options.zeroDivision);
  const precision = prfDivide(tp, pred, zd);
  const recall = prfDivide(tp, tru, zd);
  let fScore: number[];
  if (beta === Number.POSITIVE_INFINITY) fScore = recall;
  else if (beta === 0) fScore = precision;
  else {
    const beta2 = beta * beta;
    const denom = tru.map((t, i) => beta2 * t + (pred[i] as number));
    fScore = prfDivide(
      tp.map((v) => (1 + beta2) * v),
      denom,
      zd,
    );
  }
  if (average === "none") {
    return { labels: c.labels, precision, recall, fScore, support: c.true };
  }
  const weights = average === "weighted" ? tru : undefined;
  return {
    precision: nanAverage(precision, weights),
    recall: nanAverage(recall, weights),
    fScore: nanAverage(fScore, weights),
  };
}

/**
 * Agrees with sklearn.metrics.precision_recall_fscore_support. Like scikit-learn, the default
 * average is per label ("none"); pass `average` for a single averaged triple.
 */
export function precisionRecallFscoreSupport(
  yTrue: LabelArray,
  yPred: LabelArray,
  options?: PrfOptions & { average?: "none" },
): PrfPerLabel;
export function precisionRecallFscoreSupport(
  yTrue: LabelArray,
  yPred: LabelArray,
  options: PrfOptions & { average: Exclude<Average, "none"> },
): PrfAveraged;
export function precisionRecallFscoreSupport(
  yTrue: LabelArray,
  yPred: LabelArray,
  options: PrfOptions = {},
): PrfPerLabel | PrfAveraged {
  return compute(yTrue, yPred, { ...options, average: options.average ?? "none" });
}

type Pick3 = "precision" | "recall" | "fScore";
function pick(result: PrfPerLabel | PrfAveraged, key: Pick3): number | number[] {
  return result[key];
}

/** Agrees with sklearn.metrics.precision_score. */
export function precisionScore(yTrue: LabelArray, yPred: LabelArray, options: Omit<PrfOptions, "beta"> & { average: "none" }): number[];
export function precisionScore(yTrue: LabelArray, yPred: LabelArray, options?: Omit<PrfOptions, "beta">): number;
export function precisionScore(yTrue: LabelArray, yPred: LabelArray, options: Omit<PrfOptions, "beta"> = {}): number | number[] {
  return pick(compute(yTrue, yPred, options), "precision");
}

/** Agrees with sklearn.metrics.recall_score. */
export function recallScore(yTrue: LabelArray, yPred: LabelArray, options: Omit<PrfOptions, "beta"> & { average: "none" }): number[];
export function recallScore(yTrue: LabelArray, yPred: LabelArray, options?: Omit<PrfOptions, "beta">): number;
export function recallScore(yTrue: LabelArray, yPred: LabelArray, options: Omit<PrfOptions, "beta"> = {}): number | number[] {
  return pick(compute(yTrue, yPred, options), "recall");
}

/** Agrees with sklearn.metrics.fbeta_score. */
export function fbetaScore(yTrue: LabelArray, yPred: LabelArray, options: PrfOptions & { beta: number; average: "none" }): number[];
export function fbetaScore(yTrue: LabelArray, yPred: LabelArray, options: PrfOptions & { beta: number }): number;
export function fbetaScore(yTrue: LabelArray, yPred: LabelArray, options: PrfOptions & { beta: number }): number | number[] {
  return pick(compute(yTrue, yPred, options), "fScore");
}

/** Agrees with sklearn.metrics.f1_score. */
export function f1Score(yTrue: LabelArray, yPred: LabelArray, options: Omit<PrfOptions, "beta"> & { average: "none" }): number[];
export function f1Score(yTrue: LabelArray, yPred: LabelArray, options?: Omit<PrfOptions, "beta">): number;
export function f1Score(yTrue: LabelArray, yPred: LabelArray, options: Omit<PrfOptions, "beta"> = {}): number | number[] {
  return pick(compute(yTrue, yPred, { ...options, beta: 1 }), "fScore");
}
