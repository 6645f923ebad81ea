/**
 * Label handling shared by the classification metrics. Labels may be numbers (typed arrays or
 * plain arrays) or strings; like scikit-learn, the set of labels is sorted (numbers numerically,
 * strings by code unit) and rows are encoded as indices into that sorted list.
 */
import { MetricInputError } from "../errors";

export type Label = number | string;
/** Labels as a typed array, a plain number array or a string array. */
export type LabelArray = ArrayLike<number> | readonly string[];
/** Optional per-row sample weights. */
export type Weights = ArrayLike<number> | undefined;

export function labelAt(y: LabelArray, i: number): Label {
  return y[i] as Label;
}

export function compareLabels(a: Label, b: Label): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  throw new MetricInputError("Labels mix numbers and strings; use one type for all labels.");
}

/** Sorted unique labels of one or more arrays (`np.unique` / `unique_labels`). */
export function uniqueLabels(...arrays: LabelArray[]): Label[] {
  const seen = new Set<Label>();
  for (const y of arrays) {
    for (let i = 0; i < y.length; i++) {
      const v = y[i] as Label;
      if (typeof v === "number" && Number.isNaN(v)) {
        throw new MetricInputError("Input contains NaN.");
      }
      seen.add(v);
    }
  }
  return [...seen].sort(compareLabels);
}

/** Index of every row's label in `classes`, or -1 when absent. */
export function encode(y: LabelArray, classes: readonly Label[]): Int32Array {
  const index = new Map<Label, number>();
  classes.forEach((c, i) => index.set(c, i));
  const out = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const k = index.get(y[i] as Label);
    out[i] = k === undefined ? -1 : k;
  }
  return out;
}

export function checkSameLength(name: string, ...arrays: (ArrayLike<unknown> | undefined)[]): void {
  let n = -1;
  const lengths: number[] = [];
  for (const a of arrays) {
    if (a === undefined) continue;
    lengths.push(a.length);
    if (n === -1) n = a.length;
    else if (a.length !== n) {
      throw new MetricInputError(
        `Found input variables with inconsistent numbers of samples: [${lengths.join(", ")}${
          arrays.length > lengths.length ? ", ..." : ""
        }] (${name}).`,
      );
    }
  }
}

export function checkWeights(w: Weights, n: number): void {
  if (w === undefined) return;
  if (w.length !== n) {
    throw new MetricInputError(
      `sample_weight.shape == (${w.length},), expected (${n},)!`,
    );
  }
  for (let i = 0; i < w.length; i++) {
    if (!Number.isFinite(w[i] as number)) throw new MetricInputError("Input sample_weight contains NaN or infinity.");
  }
}

export function weightAt(w: Weights, i: number): number {
  return w === undefined ? 1 : (w[i] as number);
}

export function assertFinite(name: string, x: ArrayLike<number>): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isFinite(v)) {
      throw new MetricInputError(
        Number.isNaN(v) ? `Input ${name} contains NaN.` : `Input ${name} contains infinity or a value too large for dtype('float64').`,
      );
    }
  }
}

export function labelToString(l: Label): string {
  return typeof l === "string" ? `'${l}'` : String(l);
}
