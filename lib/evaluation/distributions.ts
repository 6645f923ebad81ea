// Distributions of the model's inputs, output and label: the reference side against one window.
// Pure: tables and model outputs in, `ColumnDistribution[]` (snapshot JSON) out.
//
// Numbers: equal-width bins over the REFERENCE's min..max, Sturges' count `ceil(log2(n) + 1)` (n = the reference's
// values) capped at 30; bins are [e_i, e_i+1) except the last, which is closed; a constant reference has one bin
// [v, v]. The current side is counted on the same edges, and its values outside the reference range go to
// `below` / `above`. Box stats are NumPy's linear percentiles (`np.percentile`, the default method), found by
// bucket selection (no full sort). ±Infinity counts as missing (as the drift cleaning does).
//
// Categories (and booleans, text outputs, a classification label stored as numbers): the reference's 20 most
// frequent categories (ties by name), the rest as `other`; a category only the current has counts in `other`.
//
// The reference half is prepared once (`prepareReferenceDistributions`) and compared with many windows
// (`distributionsFor`); `columnDistributions` does both for one pair.
import { isNumericStorage, type Column, type Table } from "@/lib/ingest/table";
import type { WindowColumn } from "@/lib/metrics";
import { lerp, linspace } from "@/lib/metrics/internal/numeric";
import type { BoxStats, ColumnDistribution, Task } from "@/lib/contracts/snapshot-types";

/** At most this many equal-width bins for a number column. */
export const MAX_NUMERIC_BINS = 30;
/** At most this many named categories; the rest are `other`. */
export const MAX_CATEGORIES = 20;
/** The name the model output gets by default (the same as evaluate-window's OUTPUT_COLUMN). */
export const DEFAULT_OUTPUT_NAME = "(model output)";

/** A model output: P(positive) or a number (numeric), or the predicted class per row. */
export type OutputValues = WindowColumn | readonly (string | null)[];

export type DistributionRole = ColumnDistribution["role"];

/** The values of one column on one side, whatever their storage. */
type Source =
  | { kind: "numeric"; values: Float64Array }
  | { kind: "boolean"; values: Float64Array; trueName: string; falseName: string }
  | { kind: "codes"; codes: Int32Array; dictionary: readonly string[] }
  | { kind: "strings"; values: readonly (string | null)[] }
  | { kind: "absent"; rows: number };

/** The reference side of a number column (plain JSON). */
export interface NumericReference {
  kind: "numeric";
  column: string;
  role: DistributionRole;
  edges: number[];
  counts: number[];
  missing: number;
  box: BoxStats | null;
}

/** The reference side of a category column (plain JSON). */
export interface CategoricalReference {
  kind: "categorical";
  column: string;
  role: DistributionRole;
  categories: string[];
  counts: number[];
  other: number;
  missing: number;
  /** a boolean reference: a boolean current side is named by value with the reference's names */
  boolean: { trueName: string; falseName: string } | null;
}

export type PreparedColumn = NumericReference | CategoricalReference;

/** The reference half of the distributions, computed once per model version and reused for every window (plain JSON). */
export interface PreparedReferenceDistributions {
  readonly columns: readonly PreparedColumn[];
  readonly featureColumns: readonly string[];
  readonly labelColumn: string | null;
  readonly outputName: string;
}

export interface ReferenceDistributionArgs {
  reference: Table;
  /** input columns, in the order they are shown */
  featureColumns: readonly string[];
  labelColumn?: string | null;
  /** with "binary" or "multiclass", a label stored as numbers is shown as categories */
  task?: Task;
  /** the model output on the reference rows */
  output?: OutputValues | null;
  /** the output's column name (default "(model output)") */
  outputName?: string;
  /**
   * Finite values of numeric columns, ascending, when they are sorted already (the drift profile of the same
   * reference keeps them): bins, missing counts and box stats then come from the sorted values without a pass.
   */
  sortedNumeric?: Readonly<Record<string, Float64Array>>;
}

export interface ColumnDistributionArgs {
  reference: Table;
  current: Table;
  featureColumns: readonly string[];
  labelColumn?: string | null;
  task?: Task;
  output?: { reference: OutputValues; current: OutputValues } | null;
  outputName?: string;
}

// ---------------------------------------------------------------- sources

function columnSource(column: Column | undefined, rows: number): Source {
  if (!column) return { kind: "absent", rows };
  if (isNumericStorage(column)) {
    if (column.kind === "boolean") {
      return { kind: "boolean", values: column.values, trueName: column.booleanText?.true ?? "true", falseName: column.booleanText?.false ?? "false" };
    }
    return { kind: "numeric", values: column.values };
  }
  return { kind: "codes", codes: column.codes, dictionary: column.dictionary };
}

function outputSource(output: OutputValues): Source {
  if (Array.isArray(output)) return { kind: "strings", values: output as readonly (string | null)[] };
  const w = output as WindowColumn;
  if (w.type === "numeric") return { kind: "numeric", values: w.values instanceof Float64Array ? w.values : Float64Array.from(w.values) };
  const v = w.values;
  if ("codes" in v && "dictionary" in v) return { kind: "codes", codes: v.codes, dictionary: v.dictionary };
  return { kind: "strings", values: v as readonly (string | null)[] };
}

/** The numbers of a source whose reference is numeric: text that reads as a number counts, other text is missing. */
function asNumbers(source: Source): Float64Array {
  switch (source.kind) {
    case "numeric":
    case "boolean":
      return source.values;
    case "absent":
      return new Float64Array(source.rows).fill(Number.NaN);
    case "codes": {
      const parsed = source.dictionary.map(parseNumber);
      const out = new Float64Array(source.codes.length);
      for (let i = 0; i < out.length; i++) {
        const c = source.codes[i] as number;
        out[i] = c < 0 ? Number.NaN : (parsed[c] as number);
      }
      return out;
    }
    case "strings":
      return Float64Array.from(source.values, (s) => (s === null || s === undefined ? Number.NaN : parseNumber(s)));
  }
}

function parseNumber(s: string): number {
  const t = s.trim();
  return t === "" ? Number.NaN : Number(t);
}

// ---------------------------------------------------------------- numbers

interface NumericScan {
  count: number;
  missing: number;
  min: number;
  max: number;
  sum: number;
}

function scanNumbers(values: Float64Array): NumericScan {
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v - v !== 0) continue; // NaN or ±Infinity
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { count, missing: values.length - count, min, max, sum };
}

/** Equal-width edges over the reference's min..max, Sturges' count capped at {@link MAX_NUMERIC_BINS}. */
export function referenceEdges(min: number, max: number, count: number): Float64Array {
  if (count === 0) return new Float64Array(0);
  if (!(max > min)) return Float64Array.of(min, max);
  const bins = Math.min(MAX_NUMERIC_BINS, Math.ceil(Math.log2(count) + 1));
  return linspace(min, max, bins + 1);
}

/** Fine buckets per bin (as a shift: 2^10 = 1024) used to find the box stats' order statistics. */
const FINE_SHIFT = 10;

/** One pass over a side's values: counts on the edges, and fine buckets for the quantiles. */
export interface EdgePass {
  counts: number[];
  below: number;
  above: number;
  /** finite values */
  count: number;
  missing: number;
  sum: number;
  /** fine buckets over [lo, hi] (length B + 2: below at B, above at B + 1); null when the edges have no width */
  fine: Int32Array | null;
  lo: number;
  hi: number;
  scale: number;
}

/**
 * Counts of `values` on `edges` ([e_i, e_i+1), the last closed); finite values outside go to below / above.
 * The same pass counts the missing values, the sum, and 1,024 fine buckets per bin for {@link boxFromPass}. A
 * value's bin is its fine bucket's, checked against the edges only in the first and last fine bucket of a bin
 * (where rounding could put it on the wrong side of an edge). Nothing per row is kept: the quantiles' gathering
 * pass computes each value's fine bucket again (a multiply), which is cheaper than writing and reading a per-row
 * array of buckets (a fresh 2 MB array per million rows costs more in first-touch page faults than the pass).
 */
export function countOnEdges(values: Float64Array, edges: Float64Array): EdgePass {
  const k = edges.length - 1;
  const n = values.length;
  const lo = k >= 1 ? (edges[0] as number) : Infinity;
  const hi = k >= 1 ? (edges[k] as number) : -Infinity;
  const buckets = Math.max(k, 0) << FINE_SHIFT;
  const scale = buckets / (hi - lo);
  let below = 0;
  let above = 0;
  let missing = 0;
  let sum = 0;
  if (k >= 1 && hi > lo && Number.isFinite(scale)) {
    const fine = new Int32Array(buckets + 2);
    const moved = new Int32Array(k); // values whose bin differs from their fine bucket's
    const last = buckets - 1;
    const lastBin = k - 1;
    const mask = (1 << FINE_SHIFT) - 1;
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      if (v - v !== 0) {
        missing++; // NaN or ±Infinity
        continue;
      }
      sum += v;
      if (v < lo) {
        below++;
        continue;
      }
      if (v > hi) {
        above++;
        continue;
      }
      let f = ((v - lo) * scale) | 0;
      if (f > last) f = last;
      fine[f] = (fine[f] as number) + 1;
      if (((f + 1) & mask) < 2) {
        const b0 = f >> FINE_SHIFT;
        let b = b0;
        while (b > 0 && v < (edges[b] as number)) b--;
        while (b < lastBin && v >= (edges[b + 1] as number)) b++;
        if (b !== b0) {
          moved[b0] = (moved[b0] as number) - 1;
          moved[b] = (moved[b] as number) + 1;
        }
      }
    }
    const counts = new Array<number>(k);
    for (let b = 0; b < k; b++) {
      let c = moved[b] as number;
      for (let f = b << FINE_SHIFT; f < (b + 1) << FINE_SHIFT; f++) c += fine[f] as number;
      counts[b] = c;
    }
    fine[buckets] = below;
    fine[buckets + 1] = above;
    return { counts, below, above, count: n - missing, missing, sum, fine, lo, hi, scale };
  }
  // No reference values, or a constant reference (one bin [v, v]).
  let inside = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v - v !== 0) {
      missing++;
      continue;
    }
    sum += v;
    if (v < lo) below++;
    else if (v > hi) above++;
    else inside++;
  }
  if (k < 1) above = n - missing; // no reference values: everything is outside its (empty) range
  return { counts: k >= 1 ? [inside] : [], below, above, count: n - missing, missing, sum, fine: null, lo, hi, scale: 0 };
}

const BOX_QUANTILES = [0.01, 0.25, 0.5, 0.75, 0.99] as const;

/** Box stats (NumPy linear percentiles) of the finite values of `values`; null when there are none. */
export function boxStats(values: Float64Array): BoxStats | null {
  const scan = scanNumbers(values);
  return boxWith(scan.count, scan.sum, (ranks) => selectRanks(values, scan.min, scan.max, ranks, scan.count));
}

/** Box stats from a counting pass (its fine buckets spare a second counting pass). */
function boxFromPass(values: Float64Array, pass: EdgePass): BoxStats | null {
  const fine = pass.fine;
  if (fine === null) return boxStats(values);
  return boxWith(pass.count, pass.sum, (ranks) => pickFromBuckets(values, pass.lo, pass.hi, pass.scale, fine, ranks, pass.count));
}

/** Box stats of `n` finite values summing to `sum`, given a way to pick the values at sorted ranks. */
function boxWith(n: number, sum: number, select: (ranks: number[]) => number[]): BoxStats | null {
  if (n === 0) return null;
  const wanted = new Set<number>([0, n - 1]);
  for (const q of BOX_QUANTILES) {
    const prev = Math.floor((n - 1) * q);
    wanted.add(prev);
    wanted.add(Math.min(prev + 1, n - 1));
  }
  const ranks = [...wanted].sort((a, b) => a - b);
  const picked = select(ranks);
  const at = new Map<number, number>();
  ranks.forEach((r, i) => at.set(r, picked[i] as number));
  const quantile = (q: number): number => {
    const virtual = (n - 1) * q;
    const prev = Math.floor(virtual);
    return lerp(at.get(prev) as number, at.get(Math.min(prev + 1, n - 1)) as number, virtual - prev);
  };
  return {
    min: at.get(0) as number,
    p01: quantile(0.01),
    q1: quantile(0.25),
    median: quantile(0.5),
    q3: quantile(0.75),
    p99: quantile(0.99),
    max: at.get(n - 1) as number,
    mean: sum / n,
  };
}

const SELECT_BUCKETS = 4096;
const SELECT_SORT_BELOW = 2048;

/**
 * The values at 0-based `ranks` (ascending) of the `count` finite values of `src` (whose min and max are given),
 * as a sort would place them: values are counted into equal-width buckets, the buckets holding a wanted rank are
 * gathered, and those are sorted when small or bucketed again (each level narrows the range, so it ends).
 * Ranks must be ascending. Also used by the slices' reference quantiles.
 */
export function selectRanks(src: Float64Array, min: number, max: number, ranks: readonly number[], count: number): number[] {
  if (!(max > min)) return ranks.map(() => min);
  const n = src.length;
  const scale = SELECT_BUCKETS / (max - min);
  if (count <= SELECT_SORT_BELOW || !Number.isFinite(scale)) {
    const finite = new Float64Array(count);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const v = src[i] as number;
      if (v - v === 0) finite[k++] = v;
    }
    finite.sort();
    return ranks.map((r) => finite[r] as number);
  }
  const buckets = SELECT_BUCKETS;
  const last = buckets - 1;
  const counts = new Int32Array(buckets + 2);
  for (let i = 0; i < n; i++) {
    const v = src[i] as number;
    if (v - v !== 0) continue;
    let b = ((v - min) * scale) | 0;
    if (b > last) b = last;
    counts[b] = (counts[b] as number) + 1;
  }
  return pickFromBuckets(src, min, max, scale, counts, ranks, count);
}

/**
 * The values at `ranks` given bucket counts of the finite values of `src`: buckets 0..B-1 split [lo, hi] at
 * `scale` per unit, `counts[B]` holds the values below lo and `counts[B + 1]` those above hi. The buckets holding
 * a wanted rank are gathered in one pass, then searched by {@link selectRanks}.
 */
function pickFromBuckets(
  src: Float64Array,
  lo: number,
  hi: number,
  scale: number,
  counts: Int32Array,
  ranks: readonly number[],
  count: number,
): number[] {
  const buckets = counts.length - 2;
  // Segments in value order: below, buckets 0..B-1, above.
  const segment = (j: number): number => (j === 0 ? buckets : j === buckets + 1 ? buckets + 1 : j - 1);
  const slotOf = new Int32Array(buckets + 3).fill(-1);
  const slotSegment: number[] = [];
  const rankSlot: number[] = [];
  const localRank: number[] = [];
  let j = 0;
  let before = 0; // values in the segments before segment(j)
  for (const r of ranks) {
    while (before + (counts[segment(j)] as number) <= r) {
      before += counts[segment(j)] as number;
      j++;
    }
    const seg = segment(j);
    if (slotOf[seg] === -1) {
      slotOf[seg] = slotSegment.length;
      slotSegment.push(seg);
    }
    rankSlot.push(slotOf[seg] as number);
    localRank.push(r - before);
  }
  const slots = slotSegment.length;
  const offset = new Int32Array(slots + 1);
  for (let s = 0; s < slots; s++) offset[s + 1] = (offset[s] as number) + (counts[slotSegment[s] as number] as number);
  const gathered = new Float64Array(offset[slots] as number);
  const fill = offset.slice(0, slots);
  gather(src, lo, hi, scale, buckets, slotOf, fill, gathered);
  const out = new Array<number>(ranks.length);
  for (let s = 0; s < slots; s++) {
    const mine: number[] = [];
    const where: number[] = [];
    rankSlot.forEach((slot, i) => {
      if (slot === s) {
        mine.push(localRank[i] as number);
        where.push(i);
      }
    });
    const part = gathered.subarray(offset[s] as number, offset[s + 1] as number);
    let values: number[];
    if (part.length <= SELECT_SORT_BELOW || part.length === count) {
      // Small: sort it. (Each level narrows the range; should rounding ever keep every value in one bucket, sort too.)
      part.sort();
      values = mine.map((r) => part[r] as number);
    } else {
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < part.length; i++) {
        const v = part[i] as number;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      values = selectRanks(part, min, max, mine, part.length);
    }
    where.forEach((i, k) => (out[i] = values[k] as number));
  }
  return out;
}

/** Copy the finite values of `src` whose bucket has a slot into `gathered` (at `fill[slot]`, advancing it). */
function gather(src: Float64Array, lo: number, hi: number, scale: number, buckets: number, slotOf: Int32Array, fill: Int32Array, gathered: Float64Array): void {
  const last = buckets - 1;
  const n = src.length;
  for (let i = 0; i < n; i++) {
    const v = src[i] as number;
    if (v - v !== 0) continue;
    let seg: number;
    if (v < lo) seg = buckets;
    else if (v > hi) seg = buckets + 1;
    else {
      seg = ((v - lo) * scale) | 0;
      if (seg > last) seg = last;
    }
    const s = slotOf[seg] as number;
    if (s < 0) continue;
    const p = fill[s] as number;
    fill[s] = p + 1;
    gathered[p] = v;
  }
}

function prepareNumeric(column: string, role: DistributionRole, source: Source): NumericReference {
  const values = asNumbers(source);
  const scan = scanNumbers(values);
  const edges = referenceEdges(scan.min, scan.max, scan.count);
  const pass = countOnEdges(values, edges);
  return { kind: "numeric", column, role, edges: Array.from(edges), counts: pass.counts, missing: pass.missing, box: boxFromPass(values, pass) };
}

function numericDistribution(ref: NumericReference, source: Source): ColumnDistribution {
  const values = asNumbers(source);
  const pass = countOnEdges(values, Float64Array.from(ref.edges));
  const { counts, below, above } = pass;
  return {
    column: ref.column,
    role: ref.role,
    kind: "numeric",
    edges: ref.edges.slice(),
    reference: ref.counts.slice(),
    current: counts,
    below: { reference: 0, current: below },
    above: { reference: 0, current: above },
    missing: { reference: ref.missing, current: pass.missing },
    box: { reference: ref.box, current: boxFromPass(values, pass) },
  };
}

// ---------------------------------------------------------------- categories

/** Value counts by name (names merged when a dictionary repeats one), and the missing count. */
function countByName(source: Source, names: { trueName: string; falseName: string }): { counts: Map<string, number>; missing: number } {
  const counts = new Map<string, number>();
  const add = (name: string, c: number): void => {
    if (c > 0) counts.set(name, (counts.get(name) ?? 0) + c);
  };
  switch (source.kind) {
    case "absent":
      return { counts, missing: source.rows };
    case "codes": {
      const perCode = new Float64Array(source.dictionary.length);
      let missing = 0;
      const codes = source.codes;
      const d = perCode.length;
      for (let i = 0; i < codes.length; i++) {
        const c = codes[i] as number;
        if (c < 0 || c >= d) missing++;
        else perCode[c] = (perCode[c] as number) + 1;
      }
      source.dictionary.forEach((name, c) => add(name, perCode[c] as number));
      return { counts, missing };
    }
    case "boolean": {
      let t = 0;
      let f = 0;
      let missing = 0;
      const v = source.values;
      for (let i = 0; i < v.length; i++) {
        const x = v[i] as number;
        if (x === 1) t++;
        else if (x === 0) f++;
        else missing++;
      }
      add(names.falseName, f);
      add(names.trueName, t);
      return { counts, missing };
    }
    case "strings": {
      let missing = 0;
      const v = source.values;
      let lastName: string | null = null;
      let run = 0;
      for (let i = 0; i < v.length; i++) {
        const s = v[i];
        if (s === null || s === undefined) {
          missing++;
          continue;
        }
        if (s === lastName) {
          run++;
          continue;
        }
        if (lastName !== null) add(lastName, run);
        lastName = s;
        run = 1;
      }
      if (lastName !== null) add(lastName, run);
      return { counts, missing };
    }
    case "numeric": {
      // Numbers shown as categories (a class label stored as 0/1): small integers counted in an array.
      const v = source.values;
      const small = new Float64Array(1024);
      const other = new Map<number, number>();
      let missing = 0;
      for (let i = 0; i < v.length; i++) {
        const x = v[i] as number;
        if (x - x !== 0) {
          missing++;
          continue;
        }
        if (x >= 0 && x < 1024 && (x | 0) === x && !Object.is(x, -0)) small[x] = (small[x] as number) + 1;
        else other.set(x, (other.get(x) ?? 0) + 1);
      }
      for (let x = 0; x < 1024; x++) add(String(x), small[x] as number);
      for (const [x, c] of other) add(String(x), c);
      return { counts, missing };
    }
  }
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function booleanNames(source: Source): { trueName: string; falseName: string } {
  return source.kind === "boolean" ? { trueName: source.trueName, falseName: source.falseName } : { trueName: "true", falseName: "false" };
}

function prepareCategorical(column: string, role: DistributionRole, source: Source): CategoricalReference {
  const names = booleanNames(source);
  const { counts, missing } = countByName(source, names);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || byName(a[0], b[0]));
  const top = ranked.slice(0, MAX_CATEGORIES);
  let other = 0;
  for (let i = MAX_CATEGORIES; i < ranked.length; i++) other += (ranked[i] as [string, number])[1];
  return {
    kind: "categorical",
    column,
    role,
    categories: top.map(([name]) => name),
    counts: top.map(([, c]) => c),
    other,
    missing,
    boolean: source.kind === "boolean" ? names : null,
  };
}

function categoricalDistribution(ref: CategoricalReference, source: Source): ColumnDistribution {
  // Booleans take the reference's names when it was boolean too (true matches true); otherwise their own.
  const names = source.kind === "boolean" && ref.boolean ? ref.boolean : booleanNames(source);
  const { counts, missing } = countByName(source, names);
  const index = new Map(ref.categories.map((name, i) => [name, i]));
  const current = new Array<number>(ref.categories.length).fill(0);
  let other = 0;
  for (const [name, c] of counts) {
    const i = index.get(name);
    if (i === undefined) other += c;
    else current[i] = c;
  }
  return {
    column: ref.column,
    role: ref.role,
    kind: "categorical",
    categories: ref.categories.slice(),
    reference: ref.counts.slice(),
    current,
    other: { reference: ref.other, current: other },
    missing: { reference: ref.missing, current: missing },
  };
}

// ---------------------------------------------------------------- entry points

/** First index of `sorted` whose value is at least `x` (binary search). */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The reference half of a numeric column from its sorted finite values (same numbers as {@link prepareNumeric}). */
function prepareNumericSorted(column: string, role: DistributionRole, rows: number, sorted: Float64Array): NumericReference {
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i] as number;
  const edges = n === 0 ? new Float64Array(0) : referenceEdges(sorted[0] as number, sorted[n - 1] as number, n);
  const k = edges.length - 1;
  const counts: number[] = [];
  for (let i = 0; i < k; i++) {
    const start = lowerBound(sorted, edges[i] as number);
    // Bins are [e_i, e_i+1), the last closed: every value from e_last - 1 on belongs to it.
    const end = i === k - 1 ? n : lowerBound(sorted, edges[i + 1] as number);
    counts.push(end - start);
  }
  return { kind: "numeric", column, role, edges: Array.from(edges), counts, missing: rows - n, box: boxWith(n, sum, (ranks) => ranks.map((r) => sorted[r] as number)) };
}

function prepareColumn(column: string, role: DistributionRole, source: Source, asCategories: boolean, sorted?: Float64Array): PreparedColumn {
  if (source.kind === "numeric" && !asCategories && sorted) return prepareNumericSorted(column, role, source.values.length, sorted);
  if (source.kind === "numeric" && !asCategories) return prepareNumeric(column, role, source);
  return prepareCategorical(column, role, source);
}

/** Prepare the reference half once per model version (bins, counts, box stats); pass it to {@link distributionsFor}. */
export function prepareReferenceDistributions(args: ReferenceDistributionArgs): PreparedReferenceDistributions {
  const table = args.reference;
  const byColumn = new Map(table.columns.map((c) => [c.name, c]));
  const labelColumn = args.labelColumn ?? null;
  const outputName = args.outputName ?? DEFAULT_OUTPUT_NAME;
  const columns: PreparedColumn[] = [];
  const seen = new Set<string>();
  for (const name of args.featureColumns) {
    const column = byColumn.get(name);
    if (!column || seen.has(name) || name === labelColumn) continue;
    seen.add(name);
    columns.push(prepareColumn(name, "input", columnSource(column, table.rowCount), false, args.sortedNumeric?.[name]));
  }
  if (args.output) columns.push(prepareColumn(outputName, "output", outputSource(args.output), false, args.sortedNumeric?.[outputName]));
  if (labelColumn !== null) {
    const column = byColumn.get(labelColumn);
    const classification = args.task === "binary" || args.task === "multiclass";
    if (column) columns.push(prepareColumn(labelColumn, "label", columnSource(column, table.rowCount), classification));
  }
  return { columns, featureColumns: args.featureColumns.slice(), labelColumn, outputName };
}

/**
 * One window's distributions against a prepared reference: inputs (in the reference's order), then the model
 * output, then the label. A column the window lacks counts every row as missing; without `output` the output's
 * distribution is left out.
 */
export function distributionsFor(prepared: PreparedReferenceDistributions, current: { table: Table; output?: OutputValues | null }): ColumnDistribution[] {
  const table = current.table;
  const byColumn = new Map(table.columns.map((c) => [c.name, c]));
  const out: ColumnDistribution[] = [];
  for (const ref of prepared.columns) {
    let source: Source;
    if (ref.role === "output") {
      if (!current.output) continue;
      source = outputSource(current.output);
    } else {
      source = columnSource(byColumn.get(ref.column), table.rowCount);
    }
    out.push(ref.kind === "numeric" ? numericDistribution(ref, source) : categoricalDistribution(ref, source));
  }
  return out;
}

/** The distributions of one reference and one window (prepare once with {@link prepareReferenceDistributions} for many windows). */
export function columnDistributions(args: ColumnDistributionArgs): ColumnDistribution[] {
  const prepared = prepareReferenceDistributions({
    reference: args.reference,
    featureColumns: args.featureColumns,
    labelColumn: args.labelColumn ?? null,
    ...(args.task ? { task: args.task } : {}),
    output: args.output?.reference ?? null,
    ...(args.outputName !== undefined ? { outputName: args.outputName } : {}),
  });
  return distributionsFor(prepared, { table: args.current, output: args.output?.current ?? null });
}
