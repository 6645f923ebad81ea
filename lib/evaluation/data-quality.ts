// Data quality of one table (the reference itself, or a window) against the reference.
// Pure: tables in, the snapshot's `DataQualitySection` out.
//
// Checked columns are every column of the table except row ids (and any column of kind "id"), timestamps, the
// label and the model's prediction/score columns: those are left out of every check. Duplicates and leakage look
// at the feature columns only (the checked ones the table has).
//
// Leakage: a binary model's feature that alone separates the label with ROC AUC >= 0.98 in either direction
// (max(auc, 1 - auc); numbers by value, categories ranked by their label rate in this table), or a number model's
// feature with |Spearman| >= 0.98 against the target (categories ranked by their mean target). It is computed on a
// deterministic sample of at most 50,000 labelled rows: a partial Fisher-Yates shuffle of the labelled row indices
// with xoshiro128** seeded by LEAKAGE_SAMPLE_SEED, so the same table gives the same answer. Category models
// (multiclass) are not checked for leakage.
//
// The reference half can be prepared once (`prepareQualityReference`) and reused for every window.
import { isNumericStorage, missingCount, type Column, type Table } from "@/lib/ingest/table";
import { sortFloat64 } from "@/lib/metrics/internal/fast-sort";
import { argsortFloat64 } from "@/lib/metrics/internal/sort";
import { Xoshiro128 } from "@/lib/metrics/uncertainty/prng";
import type { DataQualityProblem, DataQualitySection, Provenance, Task } from "@/lib/contracts/snapshot-types";

// ---------------------------------------------------------------- thresholds

/** A column's missing share that rose by this many percentage points over the reference's is a problem. */
export const MISSING_RISE_POINTS = 10;
/** In the reference itself, a column missing in this share of rows (or more) is a problem. */
export const REFERENCE_MISSING_SHARE = 0.2;
/** Exact duplicate rows (over the features) in this share of rows (or more) are a problem. */
export const DUPLICATE_SHARE = 0.01;
/** A single feature separating a binary label with ROC AUC (either direction) at or above this leaks it. */
export const LEAKAGE_ROC_AUC = 0.98;
/** A single feature with |Spearman| at or above this against a number target leaks it. */
export const LEAKAGE_SPEARMAN = 0.98;
/** Leakage is computed on at most this many labelled rows (a seeded sample). */
export const LEAKAGE_SAMPLE_ROWS = 50_000;
/** Seed of the leakage sample's xoshiro128** generator. */
export const LEAKAGE_SAMPLE_SEED = 20_240_601;
/** Fewer labelled rows (with the feature present) than this: no leakage verdict for that feature. */
export const LEAKAGE_MIN_ROWS = 30;
/** A binary label needs at least this many rows of each class for a leakage verdict. */
export const LEAKAGE_MIN_CLASS_ROWS = 5;
/**
 * A category feature with more distinct values than this share of the rows is not checked for leakage (ranking
 * categories by their own label rate would separate the label by overfitting alone).
 */
export const LEAKAGE_MAX_CATEGORY_SHARE = 0.1;
/** A sensitive group whose share changed by at least this fraction of its reference share ... */
export const GROUP_SHIFT_RELATIVE = 0.5;
/** ... and by at least this many percentage points is a problem. */
export const GROUP_SHIFT_POINTS = 5;
/** A label class whose share moved by this many percentage points (or more) is a problem. */
export const CLASS_SHIFT_POINTS = 10;
/** A number column used as a sensitive attribute with more distinct values than this has no group shares. */
export const MAX_GROUPS = 20;
/** A label with more distinct values than this has no class balance. */
const MAX_CLASSES = 1000;
/** Problems come in this order (worst kind first); within a kind, the largest first. */
export const PROBLEM_ORDER: readonly DataQualityProblem["kind"][] = ["leakage", "missingColumns", "missing", "duplicates", "groupShift", "classBalance"];

/** Floating-point slack for the thresholds (0.3 - 0.2 is 0.0999...). */
const EPS = 1e-9;

// ---------------------------------------------------------------- arguments

/** Which columns play which part; the same for the reference and its windows. */
export interface QualityColumns {
  featureColumns: readonly string[];
  labelColumn?: string | null;
  task: Task;
  /** binary: the positive label (leakage is symmetric, so any class works when it is absent) */
  positiveLabel?: string | null;
  sensitiveAttributes?: readonly string[];
  /** row ids: left out of every check (columns of kind "id" are too) */
  idColumns?: readonly string[];
  /** timestamps: left out of every check */
  timestampColumns?: readonly string[];
  /** the model's prediction / score columns in the table: left out of every check */
  outputColumns?: readonly string[];
}

/** The reference's side of the comparison, plain JSON, prepared once per model version. */
export interface PreparedQualityReference {
  rows: number;
  /** checked columns, in the reference's order */
  columns: string[];
  missing: { column: string; count: number; share: number }[];
  /** each sensitive column the reference has (and can group): its groups' counts and shares of the non-missing rows */
  groups: { column: string; shares: { group: string; count: number; share: number }[] }[];
  /** label classes and their shares of the labelled rows; null for a number model or without labels */
  classes: { label: string; count: number; share: number }[] | null;
}

export interface DataQualityArgs extends QualityColumns {
  table: Table;
  /** the reference data, or its prepared summary; null when `table` is the reference itself */
  reference: Table | PreparedQualityReference | null;
  provenance?: Provenance | null;
  /** whether `table` is the reference (default: `reference` is null or the same table) */
  isReference?: boolean;
}

// ---------------------------------------------------------------- column helpers

function excludedColumns(table: Table, columns: QualityColumns): Set<string> {
  const out = new Set<string>([...(columns.idColumns ?? []), ...(columns.timestampColumns ?? []), ...(columns.outputColumns ?? [])]);
  if (columns.labelColumn) out.add(columns.labelColumn);
  for (const c of table.columns) if (c.kind === "id") out.add(c.name);
  return out;
}

function checkedColumns(table: Table, columns: QualityColumns): Column[] {
  const excluded = excludedColumns(table, columns);
  return table.columns.filter((c) => !excluded.has(c.name));
}

/** Whole numbers 0..SMALL_VALUES-1 of a number column are counted in an array rather than a map. */
const SMALL_VALUES = 1024;

interface ValueCounts {
  names: string[];
  counts: number[];
  present: number;
}

/**
 * Counts of each value of a column by its text (the dictionary entry, "true"/"false" or the file's words for a
 * boolean, the number written out); null when a number column has more than `cap` distinct values.
 */
function valueCounts(column: Column, cap: number): ValueCounts | null {
  const byName = new Map<string, number>();
  const add = (name: string, c: number): void => {
    if (c > 0) byName.set(name, (byName.get(name) ?? 0) + c);
  };
  if (!isNumericStorage(column)) {
    const perCode = new Float64Array(column.dictionary.length);
    const codes = column.codes;
    const d = perCode.length;
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i] as number;
      if (c >= 0 && c < d) perCode[c] = (perCode[c] as number) + 1;
    }
    column.dictionary.forEach((name, c) => add(name, perCode[c] as number));
  } else if (column.kind === "boolean") {
    let t = 0;
    let f = 0;
    const v = column.values;
    for (let i = 0; i < v.length; i++) {
      const x = v[i] as number;
      if (x === 1) t++;
      else if (x === 0) f++;
    }
    add(column.booleanText?.false ?? "false", f);
    add(column.booleanText?.true ?? "true", t);
  } else {
    // Small whole numbers (0/1 labels, group codes) are counted in an array, anything else in a map; `order` keeps
    // the first-seen order of all of them, as one map would.
    const small = new Float64Array(SMALL_VALUES);
    const counts = new Map<number, number>();
    const order: number[] = [];
    const v = column.values;
    for (let i = 0; i < v.length; i++) {
      const x = v[i] as number;
      if (x >= 0 && x < SMALL_VALUES && (x | 0) === x) {
        // -0 lands on 0: one value
        const c = small[x] as number;
        if (c === 0) {
          if (order.length >= cap) return null;
          order.push(x | 0);
        }
        small[x] = c + 1;
        continue;
      }
      if (Number.isNaN(x)) continue;
      const c = counts.get(x);
      if (c === undefined) {
        if (order.length >= cap) return null;
        counts.set(x, 1);
        order.push(x);
      } else counts.set(x, c + 1);
    }
    for (const x of order) add(String(x), x >= 0 && x < SMALL_VALUES && (x | 0) === x ? (small[x] as number) : (counts.get(x) as number));
  }
  const names = [...byName.keys()];
  const counts = names.map((n) => byName.get(n) as number);
  return { names, counts, present: counts.reduce((a, b) => a + b, 0) };
}

/** Label order: numerically when every label reads as a number, otherwise by text. */
function compareLabels(names: readonly string[]): (a: string, b: string) => number {
  const numeric = names.every((n) => n.trim() !== "" && Number.isFinite(Number(n)));
  if (numeric) return (a, b) => Number(a) - Number(b);
  return (a, b) => (a < b ? -1 : a > b ? 1 : 0);
}

function sharesOf(vc: ValueCounts): { group: string; count: number; share: number }[] {
  return vc.names
    .map((group, i) => ({ group, count: vc.counts[i] as number, share: vc.present > 0 ? (vc.counts[i] as number) / vc.present : 0 }))
    .sort((a, b) => b.count - a.count || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

function classShares(table: Table, columns: QualityColumns): { label: string; count: number; share: number }[] | null {
  if (columns.task === "regression" || !columns.labelColumn) return null;
  const label = table.columns.find((c) => c.name === columns.labelColumn);
  if (!label) return null;
  const vc = valueCounts(label, MAX_CLASSES);
  if (!vc || vc.present === 0) return null;
  const order = compareLabels(vc.names);
  return vc.names
    .map((name, i) => ({ label: name, count: vc.counts[i] as number, share: (vc.counts[i] as number) / vc.present }))
    .sort((a, b) => order(a.label, b.label));
}

// ---------------------------------------------------------------- the reference summary

/** The reference's side of every comparison (missing shares, group shares, class shares); compute once, reuse. */
export function prepareQualityReference(reference: Table, columns: QualityColumns): PreparedQualityReference {
  const checked = checkedColumns(reference, columns);
  const rows = reference.rowCount;
  const missing = checked.map((c) => {
    const count = missingCount(c);
    return { column: c.name, count, share: rows > 0 ? count / rows : 0 };
  });
  const checkedByName = new Map(checked.map((c) => [c.name, c]));
  const groups: PreparedQualityReference["groups"] = [];
  for (const name of columns.sensitiveAttributes ?? []) {
    const column = checkedByName.get(name);
    if (!column) continue;
    const vc = valueCounts(column, MAX_GROUPS);
    if (vc) groups.push({ column: name, shares: sharesOf(vc) });
  }
  return { rows, columns: checked.map((c) => c.name), missing, groups, classes: classShares(reference, columns) };
}

function isPrepared(x: Table | PreparedQualityReference): x is PreparedQualityReference {
  return !("rowCount" in x);
}

// ---------------------------------------------------------------- duplicates

/** Rows hashed per block (the block's hashes stay in cache while each column streams through). */
const HASH_BLOCK = 4096;

/**
 * Rows that repeat an earlier row exactly over `columns` (pandas' `duplicated().sum()`; missing equals missing,
 * -0 equals 0). Each row gets a 32-bit hash of its values (murmur3 mixing, column by column); rows are split by
 * the hash's top bits into parts of about 1,000, each part goes into a small open-addressing table keyed by the
 * hash, and a row whose hash matches a stored row's is compared value by value, so a hash collision never counts as
 * a duplicate.
 */
export function duplicateRows(columns: readonly Column[], rows: number): number {
  if (columns.length === 0 || rows < 2) return 0;
  const hash = new Int32Array(rows).fill(0x3c6ef372);
  const numeric: Float64Array[] = [];
  const coded: Int32Array[] = [];
  for (const column of columns) {
    if (isNumericStorage(column)) numeric.push(column.values);
    else coded.push(column.codes);
  }
  // Blocks of rows, column by column inside a block: the block's hashes stay in cache while each column streams.
  const words = numeric.map((v) => new Uint32Array(v.buffer, v.byteOffset, v.length * 2));
  for (let block = 0; block < rows; block += HASH_BLOCK) {
    const end = Math.min(rows, block + HASH_BLOCK);
    for (let c = 0; c < numeric.length; c++) {
      const v = numeric[c] as Float64Array;
      const u = words[c] as Uint32Array;
      for (let i = block; i < end; i++) {
        const x = v[i] as number;
        let lo = u[2 * i] as number;
        let hi = u[2 * i + 1] as number;
        if (x !== x || x === 0) {
          lo = 0;
          hi = x === 0 ? 0 : 0x7ff80000; // -0 as 0, every NaN alike
        }
        hash[i] = mix(hash[i] as number, lo ^ Math.imul(hi, 0x9e3779b1));
      }
    }
    for (const codes of coded) {
      for (let i = block; i < end; i++) {
        const k = codes[i] as number;
        hash[i] = mix(hash[i] as number, k < 0 ? -1 : k);
      }
    }
  }
  const same = (a: number, b: number): boolean => {
    for (const v of numeric) {
      const x = v[a] as number;
      const y = v[b] as number;
      if (x !== y && !(x !== x && y !== y)) return false;
    }
    for (const c of coded) {
      const x = c[a] as number;
      const y = c[b] as number;
      if (x !== y && !(x < 0 && y < 0)) return false;
    }
    return true;
  };
  // Partition the rows by the hash's top bits (about 1,000 rows a part), then find repeats part by part in a
  // small open-addressing table ([hash, row + 1] per slot, 0 = empty) that stays in cache.
  const bits = Math.max(0, Math.min(16, Math.ceil(Math.log2(rows / 1024))));
  const parts = 1 << bits;
  const start = new Int32Array(parts + 1);
  for (let i = 0; i < rows; i++) {
    const h = fmix(hash[i] as number);
    hash[i] = h;
    const p = bits === 0 ? 0 : h >>> (32 - bits);
    start[p + 1] = (start[p + 1] as number) + 1;
  }
  let largest = 0;
  for (let p = 0; p < parts; p++) {
    largest = Math.max(largest, start[p + 1] as number);
    start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  }
  const fill = start.slice(0, parts);
  const partHash = new Int32Array(rows);
  const partRow = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const h = hash[i] as number;
    const p = bits === 0 ? 0 : h >>> (32 - bits);
    const at = fill[p] as number;
    fill[p] = at + 1;
    partHash[at] = h;
    partRow[at] = i;
  }
  let capacity = 2;
  while (capacity < largest * 2) capacity <<= 1;
  const slots = new Int32Array(capacity * 2);
  let duplicates = 0;
  for (let p = 0; p < parts; p++) {
    const from = start[p] as number;
    const to = start[p + 1] as number;
    if (to - from < 2) continue;
    let size = 2;
    while (size < (to - from) * 2) size <<= 1;
    const mask = size - 1;
    slots.fill(0, 0, size * 2);
    for (let k = from; k < to; k++) {
      const h = partHash[k] as number;
      const row = partRow[k] as number;
      let s = h & mask;
      for (;;) {
        const stored = slots[2 * s + 1] as number;
        if (stored === 0) {
          slots[2 * s] = h;
          slots[2 * s + 1] = row + 1;
          break;
        }
        if (slots[2 * s] === h && same(stored - 1, row)) {
          duplicates++;
          break;
        }
        s = (s + 1) & mask;
      }
    }
  }
  return duplicates;
}

function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

// ---------------------------------------------------------------- leakage

/** Ascending 0-based indices of at most `size` of `rows` (all of them when fewer), chosen by a seeded shuffle. */
export function sampleRows(rows: Int32Array, size: number, seed: number = LEAKAGE_SAMPLE_SEED): Int32Array {
  if (rows.length <= size) return rows;
  const pool = rows.slice();
  const rng = new Xoshiro128(seed);
  const m = pool.length;
  for (let i = 0; i < size; i++) {
    const j = i + rng.nextInt(m - i);
    const t = pool[i] as number;
    pool[i] = pool[j] as number;
    pool[j] = t;
  }
  return pool.subarray(0, size).sort();
}

/** Midranks (1-based, ties averaged, as scipy's rankdata) of `x`. */
function midranks(x: Float64Array): Float64Array {
  const n = x.length;
  const order = argsortFloat64(x);
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i + 1;
    const v = x[order[i] as number] as number;
    while (j < n && x[order[j] as number] === v) j++;
    const r = (i + j + 1) / 2;
    for (let k = i; k < j; k++) ranks[order[k] as number] = r;
    i = j;
  }
  return ranks;
}

/**
 * ROC AUC of score `x` for 0/1 labels `y`: the share of (positive, negative) pairs the score orders rightly, ties
 * counting one half (Mann-Whitney; the same number as the trapezoid rule over the ROC curve). Positives and
 * negatives are sorted apart and merged.
 */
export function rankAuc(x: Float64Array, y: ArrayLike<number>): number {
  const n = x.length;
  let positives = 0;
  for (let i = 0; i < n; i++) if (y[i] === 1) positives++;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(n - positives);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    if (y[i] === 1) pos[a++] = x[i] as number;
    else neg[b++] = x[i] as number;
  }
  return aucOfSorted(sortFloat64(pos), sortFloat64(neg));
}

/** ROC AUC from the ascending scores of the positives and of the negatives. */
function aucOfSorted(ps: Float64Array, ns: Float64Array): number {
  const positives = ps.length;
  const negatives = ns.length;
  let below = 0; // negatives strictly below the current positive value
  let wins = 0;
  let i = 0;
  while (i < positives) {
    const v = ps[i] as number;
    let j = i + 1;
    while (j < positives && ps[j] === v) j++;
    while (below < negatives && (ns[below] as number) < v) below++;
    let equal = below;
    while (equal < negatives && ns[equal] === v) equal++;
    wins += (j - i) * (below + 0.5 * (equal - below));
    i = j;
  }
  return wins / (positives * negatives);
}

/** The finite values of `values` at `rows`. */
function finiteAt(values: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i] as number] as number;
    if (v - v === 0) out[k++] = v;
  }
  return k === out.length ? out : out.slice(0, k);
}

/**
 * ROC AUC of a category feature for 0/1 labels when each category scores its own positive rate (so at least 0.5),
 * or null when the categories are too many for the rows ({@link LEAKAGE_MAX_CATEGORY_SHARE}) or a class is too small.
 */
function categoryAuc(codes: Int32Array, dictionarySize: number, sample: Int32Array, y: Float64Array): number | null {
  const pos = new Int32Array(dictionarySize);
  const neg = new Int32Array(dictionarySize);
  let kept = 0;
  for (let k = 0; k < sample.length; k++) {
    const c = codes[sample[k] as number] as number;
    if (c < 0 || c >= dictionarySize) continue;
    kept++;
    if (y[k] === 1) pos[c] = (pos[c] as number) + 1;
    else neg[c] = (neg[c] as number) + 1;
  }
  const used: number[] = [];
  let positives = 0;
  for (let c = 0; c < dictionarySize; c++) {
    if ((pos[c] as number) + (neg[c] as number) === 0) continue;
    used.push(c);
    positives += pos[c] as number;
  }
  const negatives = kept - positives;
  if (kept < LEAKAGE_MIN_ROWS || positives < LEAKAGE_MIN_CLASS_ROWS || negatives < LEAKAGE_MIN_CLASS_ROWS) return null;
  if (used.length > Math.max(2, LEAKAGE_MAX_CATEGORY_SHARE * kept)) return null;
  // Descending positive rate (compared exactly by cross-multiplying); equal rates tie.
  const rateOrder = (a: number, b: number): number => (pos[b] as number) * ((pos[a] as number) + (neg[a] as number)) - (pos[a] as number) * ((pos[b] as number) + (neg[b] as number));
  used.sort(rateOrder);
  let above = 0; // positives in categories with a higher rate
  let wins = 0;
  let i = 0;
  while (i < used.length) {
    let j = i + 1;
    while (j < used.length && rateOrder(used[i] as number, used[j] as number) === 0) j++;
    let p = 0;
    let q = 0;
    for (let k = i; k < j; k++) {
      p += pos[used[k] as number] as number;
      q += neg[used[k] as number] as number;
    }
    wins += q * (above + 0.5 * p);
    above += p;
    i = j;
  }
  return wins / (positives * negatives);
}

/** Pearson correlation of two rank vectors; NaN when either is constant. */
function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] as number;
    mb += b[i] as number;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Number.NaN;
}

/** A category feature's values on the sample, as one score per row: its category's label rate (binary) or mean target. */
function categoryScores(codes: Int32Array, sample: Int32Array, target: Float64Array): { score: Float64Array; target: Float64Array } | null {
  const sums = new Map<number, { n: number; s: number }>();
  let kept = 0;
  for (let k = 0; k < sample.length; k++) {
    const c = codes[sample[k] as number] as number;
    if (c < 0) continue;
    kept++;
    const e = sums.get(c);
    if (e) {
      e.n++;
      e.s += target[k] as number;
    } else sums.set(c, { n: 1, s: target[k] as number });
  }
  if (sums.size > Math.max(2, LEAKAGE_MAX_CATEGORY_SHARE * kept)) return null;
  const score = new Float64Array(kept);
  const y = new Float64Array(kept);
  let j = 0;
  for (let k = 0; k < sample.length; k++) {
    const c = codes[sample[k] as number] as number;
    if (c < 0) continue;
    const e = sums.get(c) as { n: number; s: number };
    score[j] = e.s / e.n;
    y[j] = target[k] as number;
    j++;
  }
  return { score, target: y };
}

/** The feature's values and the target on the sample rows where the feature is present. */
function pairs(column: Column, sample: Int32Array, target: Float64Array): { x: Float64Array; y: Float64Array } | null {
  if (!isNumericStorage(column)) {
    const scored = categoryScores(column.codes, sample, target);
    return scored ? { x: scored.score, y: scored.target } : null;
  }
  const v = column.values;
  let kept = 0;
  for (let k = 0; k < sample.length; k++) if (Number.isFinite(v[sample[k] as number] as number)) kept++;
  const x = new Float64Array(kept);
  const y = new Float64Array(kept);
  let j = 0;
  for (let k = 0; k < sample.length; k++) {
    const value = v[sample[k] as number] as number;
    if (!Number.isFinite(value)) continue;
    x[j] = value;
    y[j] = target[k] as number;
    j++;
  }
  return { x, y };
}

function leakage(table: Table, columns: QualityColumns, features: readonly Column[]): DataQualitySection["leakage"] {
  if (!columns.labelColumn || features.length === 0) return [];
  const label = table.columns.find((c) => c.name === columns.labelColumn);
  if (!label) return [];
  const rows = table.rowCount;
  // The target per row (NaN when missing): 0/1 for binary, the number for regression.
  let target: Float64Array;
  if (columns.task === "binary") {
    const vc = valueCounts(label, MAX_CLASSES);
    if (!vc || vc.names.length < 2) return [];
    const given = columns.positiveLabel ?? null;
    const positive = given !== null && vc.names.includes(given) ? given : ([...vc.names].sort(compareLabels(vc.names)).at(-1) as string);
    target = binaryTarget(label, positive);
  } else if (columns.task === "regression") {
    if (!isNumericStorage(label) || label.kind === "boolean") return [];
    target = label.values;
  } else {
    return [];
  }
  const labelled = new Int32Array(rows);
  let m = 0;
  for (let i = 0; i < rows; i++) if (Number.isFinite(target[i] as number)) labelled[m++] = i;
  const sample = sampleRows(labelled.subarray(0, m), LEAKAGE_SAMPLE_ROWS);
  if (sample.length < LEAKAGE_MIN_ROWS) return [];
  const y = new Float64Array(sample.length);
  for (let k = 0; k < sample.length; k++) y[k] = target[sample[k] as number] as number;
  const hits: DataQualitySection["leakage"] = [];
  let fullTargetRanks: Float64Array | null = null;
  // Binary: the sampled rows of each class, so a number feature's values are gathered straight into two arrays.
  let positiveRows = 0;
  for (let k = 0; k < y.length; k++) if (y[k] === 1) positiveRows++;
  const samplePositives = new Int32Array(positiveRows);
  const sampleNegatives = new Int32Array(y.length - positiveRows);
  for (let k = 0, a = 0, b = 0; k < y.length; k++) {
    if (y[k] === 1) samplePositives[a++] = sample[k] as number;
    else sampleNegatives[b++] = sample[k] as number;
  }
  for (const column of features) {
    if (columns.task === "binary") {
      let auc: number | null;
      if (isNumericStorage(column)) {
        const ps = finiteAt(column.values, samplePositives);
        const ns = finiteAt(column.values, sampleNegatives);
        const enough = ps.length + ns.length >= LEAKAGE_MIN_ROWS && ps.length >= LEAKAGE_MIN_CLASS_ROWS && ns.length >= LEAKAGE_MIN_CLASS_ROWS;
        auc = enough ? aucOfSorted(sortFloat64(ps), sortFloat64(ns)) : null;
      } else {
        auc = categoryAuc(column.codes, column.dictionary.length, sample, y);
      }
      if (auc === null) continue;
      const score = Math.max(auc, 1 - auc);
      if (score >= LEAKAGE_ROC_AUC - EPS) hits.push({ column: column.name, method: "roc_auc", score });
    } else {
      const p = pairs(column, sample, y);
      if (!p || p.x.length < LEAKAGE_MIN_ROWS) continue;
      let yRanks: Float64Array;
      if (p.y.length === y.length) yRanks = fullTargetRanks ??= midranks(y); // no row dropped: the same target order
      else yRanks = midranks(p.y);
      const rho = pearson(midranks(p.x), yRanks);
      if (Number.isFinite(rho) && Math.abs(rho) >= LEAKAGE_SPEARMAN - EPS) hits.push({ column: column.name, method: "spearman", score: rho });
    }
  }
  return hits.sort((a, b) => Math.abs(b.score) - Math.abs(a.score) || (a.column < b.column ? -1 : 1));
}

function binaryTarget(label: Column, positive: string): Float64Array {
  const n = isNumericStorage(label) ? label.values.length : label.codes.length;
  const out = new Float64Array(n);
  if (!isNumericStorage(label)) {
    const isPositive = label.dictionary.map((d) => (d === positive ? 1 : 0));
    for (let i = 0; i < n; i++) {
      const c = label.codes[i] as number;
      out[i] = c < 0 ? Number.NaN : (isPositive[c] as number);
    }
    return out;
  }
  const v = label.values;
  const positiveValue = label.kind === "boolean" ? (positive === (label.booleanText?.true ?? "true") ? 1 : 0) : Number(positive);
  for (let i = 0; i < n; i++) {
    const x = v[i] as number;
    out[i] = Number.isNaN(x) ? Number.NaN : x === positiveValue ? 1 : 0;
  }
  return out;
}

// ---------------------------------------------------------------- the section

const points = (share: number): number => share * 100;

/**
 * The data quality of `table` against the reference (a table, its prepared summary, or null when `table` is the
 * reference itself): missing shares, class balance, group shares, duplicates, leakage, missing and new columns,
 * and the problems found, worst first.
 */
export function dataQuality(args: DataQualityArgs): DataQualitySection {
  const { table } = args;
  const isReference = args.isReference ?? (args.reference === null || args.reference === table);
  const own = prepareQualityReference(table, args);
  const reference: PreparedQualityReference =
    args.reference === null || args.reference === table ? own : isPrepared(args.reference) ? args.reference : prepareQualityReference(args.reference, args);
  const rows = table.rowCount;
  const checked = checkedColumns(table, args);
  const checkedNames = new Set(checked.map((c) => c.name));
  const referenceNames = new Set(reference.columns);

  // Missing values.
  const missing = own.missing;
  const referenceMissing = new Map(reference.missing.map((m) => [m.column, m.share]));

  // Class balance: this table's classes, plus the reference's classes it lacks (count 0).
  let classBalance = own.classes;
  if (classBalance && reference.classes && !isReference) {
    const have = new Set(classBalance.map((c) => c.label));
    const all = [...classBalance, ...reference.classes.filter((c) => !have.has(c.label)).map((c) => ({ label: c.label, count: 0, share: 0 }))];
    const order = compareLabels(all.map((c) => c.label));
    classBalance = all.sort((a, b) => order(a.label, b.label));
  }

  // Group shares against the reference's.
  const groupShares: DataQualitySection["groupShares"] = [];
  const referenceGroups = new Map(reference.groups.map((g) => [g.column, g.shares]));
  for (const mine of own.groups) {
    const theirs = referenceGroups.get(mine.column);
    if (!theirs) continue;
    const shareNow = new Map(mine.shares.map((s) => [s.group, s.share]));
    const seen = new Set<string>();
    for (const r of theirs) {
      const share = shareNow.get(r.group) ?? 0;
      seen.add(r.group);
      groupShares.push({ column: mine.column, group: r.group, share, referenceShare: r.share, changePoints: points(share - r.share) });
    }
    for (const s of mine.shares) {
      if (!seen.has(s.group)) groupShares.push({ column: mine.column, group: s.group, share: s.share, referenceShare: 0, changePoints: points(s.share) });
    }
  }

  // Duplicates and leakage over the features.
  const featureNames = new Set(args.featureColumns);
  const features = checked.filter((c) => featureNames.has(c.name));
  const duplicateCount = duplicateRows(features, rows);
  const duplicates = { count: duplicateCount, share: rows > 0 ? duplicateCount / rows : 0 };
  const leaks = leakage(table, args, features);

  const missingColumns = reference.columns.filter((c) => !checkedNames.has(c));
  const newColumns = checked.map((c) => c.name).filter((c) => !referenceNames.has(c));

  // Problems, worst kind first; within a kind the largest first.
  const problems: DataQualityProblem[] = [];
  for (const hit of leaks) problems.push({ kind: "leakage", ...hit });
  if (missingColumns.length > 0 && !isReference) problems.push({ kind: "missingColumns", columns: missingColumns });
  const missingProblems: Extract<DataQualityProblem, { kind: "missing" }>[] = [];
  for (const m of missing) {
    if (isReference) {
      if (m.share >= REFERENCE_MISSING_SHARE - EPS) missingProblems.push({ kind: "missing", column: m.column, share: m.share, referenceShare: m.share });
      continue;
    }
    const referenceShare = referenceMissing.get(m.column);
    if (referenceShare === undefined) continue;
    if (points(m.share - referenceShare) >= MISSING_RISE_POINTS - EPS) missingProblems.push({ kind: "missing", column: m.column, share: m.share, referenceShare });
  }
  missingProblems.sort((a, b) => b.share - b.referenceShare - (a.share - a.referenceShare) || b.share - a.share);
  problems.push(...missingProblems);
  if (rows > 0 && duplicates.share >= DUPLICATE_SHARE - EPS) problems.push({ kind: "duplicates", ...duplicates });
  if (!isReference) {
    const shifted = groupShares.filter((g) => {
      const change = Math.abs(g.share - g.referenceShare);
      return change >= GROUP_SHIFT_RELATIVE * g.referenceShare - EPS && points(change) >= GROUP_SHIFT_POINTS - EPS;
    });
    shifted.sort((a, b) => Math.abs(b.changePoints) - Math.abs(a.changePoints));
    for (const g of shifted) problems.push({ kind: "groupShift", column: g.column, group: g.group, share: g.share, referenceShare: g.referenceShare });
    if (classBalance && reference.classes) {
      const referenceShares = new Map(reference.classes.map((c) => [c.label, c.share]));
      const moved = classBalance
        .map((c) => ({ kind: "classBalance" as const, label: c.label, share: c.share, referenceShare: referenceShares.get(c.label) ?? 0 }))
        .filter((c) => points(Math.abs(c.share - c.referenceShare)) >= CLASS_SHIFT_POINTS - EPS)
        .sort((a, b) => Math.abs(b.share - b.referenceShare) - Math.abs(a.share - a.referenceShare));
      problems.push(...moved);
    }
  }

  return {
    rows,
    missing,
    classBalance,
    groupShares,
    duplicates,
    leakage: leaks,
    missingColumns,
    newColumns,
    provenance: args.provenance ?? null,
    problems,
  };
}
