// Adapters from the ingest table to the metrics engine's inputs, without copying where possible.
import { isNumericStorage, type Column, type Table } from "@/lib/ingest/table";
import type { WindowColumn } from "@/lib/metrics";

export function columnByName(table: Table): Map<string, Column> {
  return new Map(table.columns.map((c) => [c.name, c]));
}

/** The drift view of a column: numbers stay numbers; categories, ids and booleans are categories. */
export function toWindowColumn(column: Column): WindowColumn {
  if (isNumericStorage(column)) {
    // Booleans compare as two categories; numbers and timestamps as numbers.
    if (column.kind === "boolean") return { type: "categorical", values: booleanCodes(column.values) };
    return { type: "numeric", values: column.values };
  }
  return { type: "categorical", values: { codes: column.codes, dictionary: column.dictionary } };
}

function booleanCodes(values: Float64Array): { codes: Int32Array; dictionary: string[] } {
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    codes[i] = Number.isNaN(v) ? -1 : v === 1 ? 1 : 0;
  }
  return { codes, dictionary: ["false", "true"] };
}

/**
 * 0/1 labels from a label column for a positive label ("1", ">50K", "yes"): NaN where the label is missing.
 * Numbers compare numerically ("1" matches 1.0), text compares exactly.
 */
export function binaryLabels(column: Column, positiveLabel: string): Float64Array {
  const out = new Float64Array(isNumericStorage(column) ? column.values.length : column.codes.length);
  if (isNumericStorage(column)) {
    const positive = column.kind === "boolean" ? (["true", "yes", "1"].includes(positiveLabel.toLowerCase()) ? 1 : 0) : Number(positiveLabel);
    for (let i = 0; i < out.length; i++) {
      const v = column.values[i] as number;
      out[i] = Number.isNaN(v) ? Number.NaN : v === positive ? 1 : 0;
    }
    return out;
  }
  const isPositive = column.dictionary.map((d) => (d === positiveLabel ? 1 : 0));
  for (let i = 0; i < out.length; i++) {
    const code = column.codes[i] as number;
    out[i] = code < 0 ? Number.NaN : (isPositive[code] as number);
  }
  return out;
}

/** Numeric labels (regression targets); NaN where missing. Refuses a text column. */
export function numericLabels(column: Column): Float64Array | null {
  return column.kind === "numeric" ? column.values : null;
}

/** Indices of rows where every given array holds a number. */
export function completeRows(...arrays: ArrayLike<number>[]): Int32Array {
  const n = arrays[0]?.length ?? 0;
  const keep = new Int32Array(n);
  let k = 0;
  outer: for (let i = 0; i < n; i++) {
    for (const a of arrays) if (Number.isNaN(a[i] as number)) continue outer;
    keep[k++] = i;
  }
  return keep.subarray(0, k);
}

export function takeNumbers(values: ArrayLike<number>, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i] as number] as number;
  return out;
}

export function takeCodes(column: Column, rows: Int32Array): { codes: Int32Array; dictionary: readonly string[] } {
  if (isNumericStorage(column)) {
    // A numeric sensitive attribute (e.g. 0/1): its distinct values become the groups.
    const dictionary: string[] = [];
    const index = new Map<number, number>();
    const codes = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const v = column.values[rows[i] as number] as number;
      if (Number.isNaN(v)) {
        codes[i] = -1;
        continue;
      }
      let code = index.get(v);
      if (code === undefined) {
        code = dictionary.length;
        index.set(v, code);
        dictionary.push(String(v));
      }
      codes[i] = code;
    }
    return { codes, dictionary };
  }
  const codes = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) codes[i] = column.codes[rows[i] as number] as number;
  return { codes, dictionary: column.dictionary };
}
