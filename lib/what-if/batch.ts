// Many cases scored in one worker call: the cases as model columns, and what the model answered for each. Pure.
import type { WhatIfFeature, WhatIfValue } from "@/lib/contracts/what-if";

/** One model column of a batch: numbers (NaN = missing) or texts (null = missing). */
export type BatchColumn = { name: string; kind: "number"; values: Float64Array } | { name: string; kind: "text"; values: (string | null)[] };

/** What the model answered for each row of a batch (the fields its task has). */
export interface BatchOutputs {
  rows: number;
  /** binary: probability of the positive class */
  score: Float64Array | null;
  /** regression: the predicted number */
  value: Float64Array | null;
  /** classifiers: the predicted class */
  labels: string[] | null;
  /** classifiers: row-major rows x classes probabilities */
  probabilities: Float64Array | null;
  classes: string[] | null;
}

/** Cases (rows of values in `features` order) as model columns: categories as text, everything else as numbers. */
export function casesToColumns(features: readonly WhatIfFeature[], cases: readonly (readonly WhatIfValue[])[]): BatchColumn[] {
  return features.map((f, i) => {
    if (f.kind === "categorical") {
      return { name: f.name, kind: "text", values: cases.map((c) => (c[i] === null || c[i] === undefined ? null : String(c[i]))) };
    }
    const values = new Float64Array(cases.length);
    cases.forEach((c, r) => {
      const v = c[i];
      values[r] = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : Number.NaN;
    });
    return { name: f.name, kind: "number", values };
  });
}

/** The probability of `className` in row `row`, or null when the model gives no probabilities for it. */
export function classProbability(outputs: BatchOutputs, row: number, className: string): number | null {
  if (!outputs.probabilities || !outputs.classes) return null;
  const c = outputs.classes.indexOf(className);
  if (c < 0) return null;
  const v = outputs.probabilities[row * outputs.classes.length + c];
  return v === undefined ? null : v;
}

/**
 * The number a chart follows for one row: binary, the probability of "yes"; regression, the prediction;
 * multiclass, the probability of `className` (the class the model picks for the case being edited).
 */
export function curveValue(outputs: BatchOutputs, row: number, task: "binary" | "multiclass" | "regression", className: string | null): number | null {
  if (task === "binary") return outputs.score?.[row] ?? null;
  if (task === "regression") return outputs.value?.[row] ?? null;
  return className === null ? null : classProbability(outputs, row, className);
}
