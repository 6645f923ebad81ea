/**
 * Cleaned, prepared drift samples. Evidently's cleaning: +-Infinity becomes NaN, NaN (or null)
 * is dropped, and an empty column after cleaning is an error naming the column and the side.
 * Numeric samples are kept sorted (the reference is fixed, so it is sorted once and reused);
 * categorical samples are value counts.
 */
import { EmptyColumnError, MetricInputError } from "../errors";
import { sortFloat64 } from "../internal/fast-sort";

export type CategoryKey = string | number;

/** Pre-encoded categorical column: `codes[i]` indexes `dictionary`; -1 (or any negative) is missing. */
export interface CategoricalCodes {
  codes: Int32Array;
  dictionary: readonly string[];
}

/** Raw input accepted by the drift functions. */
export type DriftInput = ArrayLike<number> | readonly (string | null)[] | CategoricalCodes;

export interface NumericSample {
  readonly kind: "numeric";
  /** Finite values, ascending. */
  readonly sorted: Float64Array<ArrayBuffer>;
}

export interface CategoricalSample {
  readonly kind: "categorical";
  /** Distinct non-missing values and their counts. */
  readonly counts: ReadonlyMap<CategoryKey, number>;
  readonly n: number;
}

export type PreparedSample = NumericSample | CategoricalSample;

export type Side = "reference" | "current";

export function isCodes(x: unknown): x is CategoricalCodes {
  return typeof x === "object" && x !== null && "codes" in x && "dictionary" in x;
}

function isStringArray(x: DriftInput): x is readonly (string | null)[] {
  if (isCodes(x)) return false;
  const a = x as ArrayLike<unknown>;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v === null || v === undefined) continue;
    return typeof v === "string";
  }
  return Array.isArray(x) && !ArrayBuffer.isView(x) && (a.length === 0 || a[0] === null);
}

/** Clean a numeric column (Infinity -> NaN, NaN dropped) and sort it. */
export function prepareNumeric(values: ArrayLike<number>, column = "column", side: Side = "reference"): NumericSample {
  const n = values.length;
  const typed = values instanceof Float64Array || values instanceof Float32Array || values instanceof Int32Array;
  let k = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (!typed && typeof v !== "number") {
      throw new MetricInputError(`Column '${column}' in ${side} dataset should contain numerical values only.`);
    }
    // v - v is 0 for finite numbers and NaN for NaN and +-Infinity.
    if (v - v === 0) {
      k++;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (k === 0) throw new EmptyColumnError(column, side);
  if (k === n) return { kind: "numeric", sorted: sortFloat64(values, min, max) };
  const buf = new Float64Array(k);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v - v === 0) buf[j++] = v;
  }
  return { kind: "numeric", sorted: sortFloat64(buf, min, max) };
}

/** Count a categorical column (null / missing dropped). Numbers are treated as categories too. */
export function prepareCategorical(input: DriftInput, column = "column", side: Side = "reference"): CategoricalSample {
  const counts = new Map<CategoryKey, number>();
  let n = 0;
  if (isCodes(input)) {
    const { codes, dictionary } = input;
    const byCode = new Float64Array(dictionary.length);
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i] as number;
      if (c >= 0) {
        if (c >= dictionary.length) throw new MetricInputError(`Code ${c} in column '${column}' is outside its dictionary.`);
        byCode[c] = (byCode[c] as number) + 1;
      }
    }
    for (let c = 0; c < dictionary.length; c++) {
      const cnt = byCode[c] as number;
      if (cnt > 0) {
        const key = dictionary[c] as string;
        counts.set(key, (counts.get(key) ?? 0) + cnt);
        n += cnt;
      }
    }
  } else {
    const a = input as ArrayLike<string | number | null>;
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (v === null || v === undefined) continue;
      if (typeof v === "number" && !Number.isFinite(v)) continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
      n++;
    }
  }
  if (n === 0) throw new EmptyColumnError(column, side);
  return { kind: "categorical", counts, n };
}

/** Prepare any input; `featureType` defaults to categorical for strings/codes, numeric otherwise. */
export function prepareSample(
  input: DriftInput | PreparedSample,
  featureType: "numeric" | "categorical" | undefined,
  column = "column",
  side: Side = "reference",
): PreparedSample {
  if (isPrepared(input)) {
    if (featureType === "categorical" && input.kind === "numeric") return numericAsCategorical(input);
    return input;
  }
  const type = featureType ?? (isCodes(input) || isStringArray(input) ? "categorical" : "numeric");
  if (type === "numeric") {
    if (isCodes(input) || isStringArray(input)) {
      throw new MetricInputError(`Column '${column}' in ${side} dataset should contain numerical values only.`);
    }
    return prepareNumeric(input as ArrayLike<number>, column, side);
  }
  return prepareCategorical(input, column, side);
}

export function isPrepared(x: unknown): x is PreparedSample {
  return typeof x === "object" && x !== null && "kind" in x && ((x as { kind: unknown }).kind === "numeric" || (x as { kind: unknown }).kind === "categorical") && ("sorted" in x || "counts" in x);
}

function numericAsCategorical(s: NumericSample): CategoricalSample {
  const counts = new Map<CategoryKey, number>();
  const a = s.sorted;
  let i = 0;
  while (i < a.length) {
    const v = a[i] as number;
    let j = i + 1;
    while (j < a.length && a[j] === v) j++;
    counts.set(v === 0 ? 0 : v, j - i);
    i = j;
  }
  return { kind: "categorical", counts, n: a.length };
}

/** Number of distinct values of a sorted array. */
export function distinctSorted(a: ArrayLike<number>): number {
  let u = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) u++;
  return u;
}

/** Distinct values of the union of two sorted arrays (count only, no allocation). */
export function distinctUnionSorted(a: ArrayLike<number>, b: ArrayLike<number>, stopAt = Infinity): number {
  let i = 0;
  let j = 0;
  let u = 0;
  let last = Number.NaN;
  while ((i < a.length || j < b.length) && u < stopAt) {
    let v: number;
    if (j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number))) v = a[i++] as number;
    else v = b[j++] as number;
    if (u === 0 || v !== last) {
      u++;
      last = v;
    }
  }
  return u;
}

/** Sorted union keys of two numeric samples with per-side counts (for few distinct values). */
export function numericValueCounts(ref: NumericSample, cur: NumericSample): { keys: number[]; ref: number[]; cur: number[] } {
  const keys: number[] = [];
  const rc: number[] = [];
  const cc: number[] = [];
  const a = ref.sorted;
  const b = cur.sorted;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let v: number;
    if (j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number))) v = a[i] as number;
    else v = b[j] as number;
    let ci = 0;
    while (i < a.length && a[i] === v) {
      i++;
      ci++;
    }
    let cj = 0;
    while (j < b.length && b[j] === v) {
      j++;
      cj++;
    }
    keys.push(v === 0 ? 0 : v);
    rc.push(ci);
    cc.push(cj);
  }
  return { keys, ref: rc, cur: cc };
}

function compareKeys(a: CategoryKey, b: CategoryKey): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Union keys (sorted) with per-side counts for categorical samples. */
export function categoricalValueCounts(ref: CategoricalSample, cur: CategoricalSample): { keys: CategoryKey[]; ref: number[]; cur: number[] } {
  const set = new Set<CategoryKey>([...ref.counts.keys(), ...cur.counts.keys()]);
  const keys = [...set].sort(compareKeys);
  return {
    keys,
    ref: keys.map((k) => ref.counts.get(k) ?? 0),
    cur: keys.map((k) => cur.counts.get(k) ?? 0),
  };
}

export function sampleSize(s: PreparedSample): number {
  return s.kind === "numeric" ? s.sorted.length : s.n;
}

/** Distinct values over reference and current together (`pd.concat([ref, cur]).nunique()`). */
export function distinctUnion(ref: PreparedSample, cur: PreparedSample, stopAt = Infinity): number {
  if (ref.kind === "numeric" && cur.kind === "numeric") return distinctUnionSorted(ref.sorted, cur.sorted, stopAt);
  const r = ref.kind === "categorical" ? ref : numericAsCategorical(ref);
  const c = cur.kind === "categorical" ? cur : numericAsCategorical(cur);
  const set = new Set<CategoryKey>([...r.counts.keys(), ...c.counts.keys()]);
  return set.size;
}

export function distinctCount(s: PreparedSample): number {
  return s.kind === "numeric" ? distinctSorted(s.sorted) : s.counts.size;
}

export function asCategorical(s: PreparedSample): CategoricalSample {
  return s.kind === "categorical" ? s : numericAsCategorical(s);
}
