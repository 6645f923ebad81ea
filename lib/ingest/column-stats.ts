/**
 * One-pass statistics of a column's storage: counts, missing, distinct values (exact, with an
 * open-addressing hash on the float bits, about 40 ms per million values), min/max and the shape
 * facts inference needs.
 */

/** Statistics of float64 values (`NaN` = missing). */
export interface NumericStats {
  /** Non-missing values. */
  count: number;
  missing: number;
  distinct: number;
  /** +Infinity / -Infinity when there is no value. */
  min: number;
  max: number;
  /** Every value is a whole number. */
  integers: boolean;
  /** Every value is 0 or 1. */
  zeroOne: boolean;
  /** Values go up by exactly one from row to row, with none missing (a row counter). */
  countsUpByOne: boolean;
}

/** Number of distinct non-NaN values of `values` (0 and -0 are one value). */
export function countDistinct(values: Float64Array): number {
  const n = values.length;
  let cap = 16;
  while (cap < n * 2) cap <<= 1;
  const keys = new Float64Array(cap);
  const used = new Uint8Array(cap);
  const scratch = new Float64Array(1);
  const halves = new Int32Array(scratch.buffer);
  const mask = cap - 1;
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    let v = values[i] as number;
    if (v !== v) continue;
    if (v === 0) v = 0;
    scratch[0] = v;
    let h = Math.imul((halves[0] as number) ^ Math.imul(halves[1] as number, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let p = h & mask;
    while (used[p] === 1) {
      if (keys[p] === v) break;
      p = (p + 1) & mask;
    }
    if (used[p] === 0) {
      used[p] = 1;
      keys[p] = v;
      distinct++;
    }
  }
  return distinct;
}

const statsCache = new WeakMap<Float64Array, NumericStats>();

/** Statistics of a float64 column (cached per array: columns are not modified once built). */
export function numericStats(values: Float64Array): NumericStats {
  const cached = statsCache.get(values);
  if (cached !== undefined) return cached;
  const stats = computeNumericStats(values);
  statsCache.set(values, stats);
  return stats;
}

function computeNumericStats(values: Float64Array): NumericStats {
  let count = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let integers = true;
  let zeroOne = true;
  let countsUp = values.length > 0;
  let prev = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v !== v) {
      countsUp = false;
      continue;
    }
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integers && Math.floor(v) !== v) integers = false;
    if (zeroOne && v !== 0 && v !== 1) zeroOne = false;
    if (countsUp && i > 0 && v !== prev + 1) countsUp = false;
    prev = v;
  }
  return {
    count,
    missing: values.length - count,
    distinct: countDistinct(values),
    min,
    max,
    integers: integers && count > 0,
    zeroOne: zeroOne && count > 0,
    countsUpByOne: countsUp && integers,
  };
}

/** Statistics of a dictionary-encoded column. */
export interface CodeStats {
  count: number;
  missing: number;
  distinct: number;
  /** Rows per dictionary entry. */
  perCode: Int32Array;
}

/** Statistics of dictionary codes (-1 = missing). */
export function codeStats(codes: Int32Array, dictionarySize: number): CodeStats {
  const perCode = new Int32Array(dictionarySize);
  let missing = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] as number;
    if (c < 0) missing++;
    else perCode[c] = (perCode[c] as number) + 1;
  }
  let distinct = 0;
  for (let k = 0; k < dictionarySize; k++) if ((perCode[k] as number) > 0) distinct++;
  return { count: codes.length - missing, missing, distinct, perCode };
}

/** Index of the first row whose code is flagged in `bad` (by dictionary entry), or -1. */
export function firstRowWithCode(codes: Int32Array, bad: Uint8Array): number {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] as number;
    if (c >= 0 && bad[c] === 1) return i;
  }
  return -1;
}
