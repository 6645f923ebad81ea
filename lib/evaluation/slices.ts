// Per-group slices of one evaluation window: the model's rates (or errors) for every group of every
// sensitive attribute, every pair of sensitive attributes, and every other usable feature column,
// with closed-form 95% intervals and the Aequitas disparity of the policy's fairness metric.
// Pure: tables and arrays in, the snapshot's `slices` section out (no I/O).
//
// Rules (METRICS.md, Fairness and Uncertainty):
// - The base is the rows with a label and a model answer; every other row is left out (`rows`).
// - A missing value in a sliced column forms the group "(missing)" when at least one base row has it,
//   so data gaps show. It is judged like any other group (a model that fails rows with gaps is worth
//   seeing) but is never the reference group. In an intersection a row missing either value is "(missing)".
// - Binary models decide "yes" when score >= the policy's decision threshold. Rates carry the Wilson
//   interval (statsmodels `proportion_confint(method="wilson")`); MAE and the mean prediction the normal
//   approximation (mean +- z sd / sqrt(n)); the MAE's lower bound is clipped at 0.
// - A group is judgeable with at least `minimumRows.perGroup` rows and (binary) at least
//   `minimumRows.denominator` rows in the judged rate's denominator.
// - Disparity (Aequitas): group value / reference value, the reference being the largest judgeable group
//   (ties by name); x/0 with x > 0 is 10, 0/0 is null; the reference group's own disparity is 1.
//   A disparity holds when tau <= d <= 1/tau, inclusive (with a 1e-12 relative allowance for rounding).
// - Numeric columns are cut at the 20/40/60/80% quantiles (numpy's linear method) of the REFERENCE
//   values (`prepareSliceReference`, once per reference); equal cut points merge, so zero-heavy columns
//   may get fewer bins. A numeric column with at most 5 distinct reference values is sliced by value.
// - Other categorical and boolean columns are sliced when they have at most 20 categories among the
//   window's base rows; id and datetime columns never are.
import { isNumericStorage, type Column, type NumericColumn, type Table } from "@/lib/ingest/table";
import { fairnessMetricFor } from "@/lib/governance/policy-rules";
import type { MinimumRows } from "@/lib/contracts/policy-rules";
import { MISSING_GROUP } from "@/lib/metrics/fairness/features";
import { lerp } from "@/lib/metrics/internal/numeric";
import { meanInterval, wilsonInterval } from "@/lib/metrics/uncertainty/closed-form-intervals";
import { selectRanks } from "./distributions";
import type { FairnessQuestion, Light, RateEntry, SliceColumn, SliceGroup, SliceMetric, SlicesSection, Task } from "@/lib/contracts/snapshot-types";

/** Numeric columns are cut into this many quantile bins of the reference. */
export const SLICE_BINS = 5;
/** Other (not sensitive) category columns with more categories than this in the window are not sliced. */
export const MAX_SLICE_CATEGORIES = 20;
/** A numeric column with at most this many distinct reference values is sliced by value, not binned. */
export const MAX_VALUE_GROUPS = 5;
/** Aequitas' value for x/0 with x > 0. */
export const DISPARITY_DIV_BY_ZERO = 10;
/** Name joining the two columns of an intersection ("sex × race"). */
export const INTERSECTION_JOIN = " × ";
/** Name joining the two groups of an intersection ("Female & Black"). */
export const GROUP_JOIN = " & ";

/** How one numeric column is sliced, fixed by the reference. */
export type NumericSlicing =
  /** interior cut points, ascending and distinct: bins (-inf, e0), [e0, e1), ..., [e_last, +inf) */
  | { mode: "bins"; edges: number[] }
  /** the reference's distinct values, ascending (each window value is its own group) */
  | { mode: "values"; values: number[] };

/** The prepared reference for slicing numeric columns (plain data: it can be cached as JSON). */
export interface SliceReference {
  columns: Record<string, NumericSlicing>;
}

/** The parts of the policy the slices use (a `PolicyRules` fits). */
export interface SlicePolicy {
  decisionThreshold: number;
  fairnessQuestion: FairnessQuestion | null;
  fairnessTolerance: number;
  minimumRows: Pick<MinimumRows, "perGroup" | "denominator">;
}

/**
 * Category labels of a multiclass model, one per row: strings (null, undefined or "" = missing), or codes
 * (-1 = missing). Two plain `Int32Array`s are compared code to code (they must share one code space);
 * dictionary-encoded labels compare by their text.
 */
export type SliceLabels = readonly (string | null | undefined)[] | Int32Array | { codes: Int32Array; dictionary: readonly string[] };

export interface SliceArgs {
  task: Task;
  /** the window */
  table: Table;
  /** binary: 1 = positive, any other number negative, NaN = no label; regression: the true number (NaN = none) */
  yTrue?: Float64Array;
  /** binary: the model's P(yes) (NaN = no answer) */
  score?: Float64Array;
  /** regression: the model's number (NaN = no answer) */
  prediction?: Float64Array;
  /** multiclass: the true and the predicted class of each row */
  trueLabels?: SliceLabels;
  predictedLabels?: SliceLabels;
  policy: SlicePolicy;
  /** the policy's sensitive attributes; those the table lacks are listed in `missingAttributes` */
  sensitiveAttributes: readonly string[];
  /** every other candidate feature column */
  otherColumns: readonly string[];
  /** from `prepareSliceReference`; a numeric column without an entry is binned on the window's own values */
  reference?: SliceReference | null;
  /** columns never sliced (the label, the score or prediction column), to be safe */
  excludeColumns?: readonly string[];
}

// ---------------------------------------------------------------- reference binning

/**
 * How a column of values is sliced: by value (few distinct values) or at the quantile cut points. Null: no values.
 * One pass finds the count, min, max and the first few distinct values; the cut points' order statistics are then
 * picked by bucket selection (`selectRanks`), which gives exactly the values a full sort would put at those ranks.
 */
export function numericSlicing(values: ArrayLike<number>): NumericSlicing | null {
  const src = values instanceof Float64Array ? values : Float64Array.from(values);
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  const distinct: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const v = src[i] as number;
    if (v - v !== 0) continue; // NaN or ±Infinity
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (distinct.length <= MAX_VALUE_GROUPS) {
      let seen = false;
      for (let j = 0; j < distinct.length; j++) if (distinct[j] === v) seen = true; // -0 === 0: one value
      if (!seen) distinct.push(v);
    }
  }
  if (count === 0) return null;
  if (distinct.length <= MAX_VALUE_GROUPS) return { mode: "values", values: distinct.sort((a, b) => a - b).map((v) => (v === 0 ? 0 : v)) };
  // numpy's linear quantile (as `quantileSorted`) at b / SLICE_BINS: the values at ranks floor((n - 1) q) and the next.
  const cuts: { lo: number; hi: number; gamma: number }[] = [];
  const wanted = new Set<number>();
  for (let b = 1; b < SLICE_BINS; b++) {
    const virtual = (count - 1) * (b / SLICE_BINS);
    const prev = Math.floor(virtual);
    const lo = Math.min(Math.max(prev, 0), count - 1);
    const hi = Math.min(Math.max(prev + 1, 0), count - 1);
    cuts.push({ lo, hi, gamma: virtual - prev });
    wanted.add(lo);
    wanted.add(hi);
  }
  const ranks = [...wanted].sort((a, b) => a - b);
  const picked = selectRanks(src, min, max, ranks, count);
  const at = new Map<number, number>();
  ranks.forEach((r, i) => at.set(r, picked[i] as number));
  const edges: number[] = [];
  for (const cut of cuts) {
    const e = lerp(at.get(cut.lo) as number, at.get(cut.hi) as number, cut.gamma);
    const last = edges[edges.length - 1];
    if (last === undefined || e > last) edges.push(e === 0 ? 0 : e);
  }
  return { mode: "bins", edges };
}

/**
 * The slicing of each numeric column of the reference among `columns` (pass the sensitive and the other
 * candidate columns). Compute it once per reference and reuse it for every window.
 */
export function prepareSliceReference(reference: Table, columns: readonly string[]): SliceReference {
  const out: Record<string, NumericSlicing> = {};
  const byName = new Map(reference.columns.map((c) => [c.name, c]));
  for (const name of new Set(columns)) {
    const column = byName.get(name);
    if (!column || column.kind !== "numeric") continue;
    const slicing = numericSlicing(column.values);
    if (slicing) out[name] = slicing;
  }
  return { columns: out };
}

// ---------------------------------------------------------------- labels

const formatters = new Map<number, Intl.NumberFormat>();

function formatter(digits: number): Intl.NumberFormat {
  let f = formatters.get(digits);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { maximumSignificantDigits: digits });
    formatters.set(digits, f);
  }
  return f;
}

/** Short numbers for the edges (3 significant digits, more only where two edges would read the same). */
export function formatEdges(edges: readonly number[]): string[] {
  for (let digits = 3; digits <= 21; digits++) {
    const f = formatter(digits);
    const text = edges.map((e) => f.format(e === 0 ? 0 : e));
    if (new Set(text).size === text.length || digits === 21) return text;
  }
  return edges.map(String);
}

/** Readable bin labels for interior cut points: "under 18", "18 to 25", ..., "65 and over". */
export function binLabels(edges: readonly number[]): string[] {
  if (edges.length === 0) return ["all values"];
  const t = formatEdges(edges);
  const labels = [`under ${t[0]}`];
  for (let i = 1; i < t.length; i++) labels.push(`${t[i - 1]} to ${t[i]}`);
  labels.push(`${t[t.length - 1]} and over`);
  return labels;
}

// ---------------------------------------------------------------- row outcomes

/** Per-row outcome, computed once per window. cell: -1 left out; binary 0 tp, 1 fp, 2 tn, 3 fn; multiclass 1 right, 0 wrong; regression 0. */
interface Outcomes {
  task: Task;
  cell: Int8Array;
  base: number;
  /** regression: |error| - errShift and prediction - predShift (shifted sums keep the variance exact) */
  err?: Float64Array;
  pred?: Float64Array;
  errShift: number;
  predShift: number;
}

function checkLength(name: string, length: number, n: number): void {
  if (length !== n) throw new RangeError(`slices: ${name} has ${length} rows, the table ${n}.`);
}

function labelReader(labels: SliceLabels, n: number, name: string): (i: number) => string | null {
  if (labels instanceof Int32Array) {
    checkLength(name, labels.length, n);
    return (i) => {
      const c = labels[i] as number;
      return c < 0 ? null : String(c);
    };
  }
  if ("codes" in labels && !Array.isArray(labels)) {
    const { codes, dictionary } = labels as { codes: Int32Array; dictionary: readonly string[] };
    checkLength(name, codes.length, n);
    return (i) => {
      const c = codes[i] as number;
      return c < 0 ? null : (dictionary[c] ?? null);
    };
  }
  const arr = labels as readonly (string | null | undefined)[];
  checkLength(name, arr.length, n);
  return (i) => {
    const v = arr[i];
    return v === null || v === undefined || v === "" ? null : v;
  };
}

function outcomes(args: SliceArgs): Outcomes {
  const n = args.table.rowCount;
  const cell = new Int8Array(n).fill(-1);
  let base = 0;
  const out: Outcomes = { task: args.task, cell, base: 0, errShift: 0, predShift: 0 };
  if (args.task === "binary") {
    const { yTrue, score } = args;
    if (!yTrue || !score) return out;
    checkLength("yTrue", yTrue.length, n);
    checkLength("score", score.length, n);
    const threshold = args.policy.decisionThreshold;
    for (let i = 0; i < n; i++) {
      const y = yTrue[i] as number;
      const s = score[i] as number;
      if (Number.isNaN(y) || Number.isNaN(s)) continue;
      const yes = s >= threshold;
      cell[i] = y === 1 ? (yes ? 0 : 3) : yes ? 1 : 2;
      base++;
    }
  } else if (args.task === "multiclass") {
    const { trueLabels, predictedLabels } = args;
    if (!trueLabels || !predictedLabels) return out;
    if (trueLabels instanceof Int32Array && predictedLabels instanceof Int32Array) {
      checkLength("trueLabels", trueLabels.length, n);
      checkLength("predictedLabels", predictedLabels.length, n);
      for (let i = 0; i < n; i++) {
        const t = trueLabels[i] as number;
        const p = predictedLabels[i] as number;
        if (t < 0 || p < 0) continue;
        cell[i] = t === p ? 1 : 0;
        base++;
      }
    } else {
      const t = labelReader(trueLabels, n, "trueLabels");
      const p = labelReader(predictedLabels, n, "predictedLabels");
      for (let i = 0; i < n; i++) {
        const a = t(i);
        if (a === null) continue;
        const b = p(i);
        if (b === null) continue;
        cell[i] = a === b ? 1 : 0;
        base++;
      }
    }
  } else {
    const { yTrue, prediction } = args;
    if (!yTrue || !prediction) return out;
    checkLength("yTrue", yTrue.length, n);
    checkLength("prediction", prediction.length, n);
    const err = new Float64Array(n);
    const pred = new Float64Array(n);
    let sumErr = 0;
    let sumPred = 0;
    for (let i = 0; i < n; i++) {
      const y = yTrue[i] as number;
      const p = prediction[i] as number;
      if (!Number.isFinite(y) || !Number.isFinite(p)) continue;
      cell[i] = 0;
      const e = Math.abs(y - p);
      err[i] = e;
      pred[i] = p;
      sumErr += e;
      sumPred += p;
      base++;
    }
    const errShift = base > 0 ? sumErr / base : 0;
    const predShift = base > 0 ? sumPred / base : 0;
    for (let i = 0; i < n; i++) {
      if ((cell[i] as number) < 0) continue;
      err[i] = (err[i] as number) - errShift;
      pred[i] = (pred[i] as number) - predShift;
    }
    out.err = err;
    out.pred = pred;
    out.errShift = errShift;
    out.predShift = predShift;
  }
  out.base = base;
  return out;
}

/** Statistics per task and per group (group k = "(missing)"). */
const STRIDE: Record<Task, number> = { binary: 4, multiclass: 2, regression: 5 };

/** One pass over the rows: per-group counts (binary tp fp tn fn; multiclass rows right; regression rows, sums, squares). */
function accumulate(o: Outcomes, codes: Int32Array, k: number): Float64Array {
  const stride = STRIDE[o.task];
  const stats = new Float64Array((k + 1) * stride);
  const cell = o.cell;
  const n = cell.length;
  if (o.task === "binary") {
    for (let i = 0; i < n; i++) {
      const c = cell[i] as number;
      if (c < 0) continue;
      let g = codes[i] as number;
      if (g < 0) g = k;
      const j = g * 4 + c;
      stats[j] = (stats[j] as number) + 1;
    }
  } else if (o.task === "multiclass") {
    for (let i = 0; i < n; i++) {
      const c = cell[i] as number;
      if (c < 0) continue;
      let g = codes[i] as number;
      if (g < 0) g = k;
      const j = g * 2;
      stats[j] = (stats[j] as number) + 1;
      stats[j + 1] = (stats[j + 1] as number) + c;
    }
  } else {
    const err = o.err as Float64Array;
    const pred = o.pred as Float64Array;
    for (let i = 0; i < n; i++) {
      if ((cell[i] as number) < 0) continue;
      let g = codes[i] as number;
      if (g < 0) g = k;
      const e = err[i] as number;
      const p = pred[i] as number;
      const j = g * 5;
      stats[j] = (stats[j] as number) + 1;
      stats[j + 1] = (stats[j + 1] as number) + e;
      stats[j + 2] = (stats[j + 2] as number) + e * e;
      stats[j + 3] = (stats[j + 3] as number) + p;
      stats[j + 4] = (stats[j + 4] as number) + p * p;
    }
  }
  return stats;
}

function groupRows(task: Task, stats: Float64Array, g: number): number {
  if (task === "binary") return (stats[g * 4] as number) + (stats[g * 4 + 1] as number) + (stats[g * 4 + 2] as number) + (stats[g * 4 + 3] as number);
  return stats[g * STRIDE[task]] as number;
}

// ---------------------------------------------------------------- groupings

/** Group codes of the rows (-1 missing) and the name of each group. */
interface Grouping {
  codes: Int32Array;
  k: number;
  label: (g: number) => string;
  /** list groups by code (bins, values, false/true) rather than by rows */
  byIndex: boolean;
  binEdges?: number[];
}

function slicingGrouping(values: Float64Array, slicing: NumericSlicing | null): Grouping {
  const n = values.length;
  const codes = new Int32Array(n);
  if (slicing === null) {
    codes.fill(-1);
    return { codes, k: 0, label: () => "", byIndex: true };
  }
  if (slicing.mode === "bins") {
    const edges = slicing.edges;
    const m = edges.length;
    const e = Float64Array.from(edges);
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      if (Number.isNaN(v)) {
        codes[i] = -1;
        continue;
      }
      let b = 0;
      while (b < m && v >= (e[b] as number)) b++;
      codes[i] = b;
    }
    const labels = binLabels(edges);
    return { codes, k: m + 1, label: (g) => labels[g] as string, byIndex: true, binEdges: [...edges] };
  }
  // By value: the reference's values first (a short scan), any other value of the window after them.
  const known = Float64Array.from(slicing.values);
  const kn = known.length;
  const extra = new Map<number, number>();
  const extraValues: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) {
      codes[i] = -1;
      continue;
    }
    let j = 0;
    while (j < kn && known[j] !== v) j++;
    if (j < kn) {
      codes[i] = j;
      continue;
    }
    const key = v === 0 ? 0 : v;
    let c = extra.get(key);
    if (c === undefined) {
      c = kn + extraValues.length;
      extra.set(key, c);
      extraValues.push(key);
    }
    codes[i] = c;
  }
  const all = [...slicing.values, ...extraValues];
  if (extraValues.length > 0) {
    // Renumber so the codes follow the values' order.
    const order = all.map((_, i) => i).sort((a, b) => (all[a] as number) - (all[b] as number));
    const remap = new Int32Array(all.length);
    order.forEach((old, pos) => (remap[old] = pos));
    for (let i = 0; i < n; i++) {
      const c = codes[i] as number;
      if (c >= 0) codes[i] = remap[c] as number;
    }
    all.sort((a, b) => a - b);
  }
  return { codes, k: all.length, label: (g) => String(all[g]), byIndex: true };
}

function booleanGrouping(column: NumericColumn): Grouping {
  const values = column.values;
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    codes[i] = Number.isNaN(v) ? -1 : v === 0 ? 0 : 1;
  }
  const text = column.booleanText ?? { true: "true", false: "false" };
  const labels = [text.false, text.true];
  return { codes, k: 2, label: (g) => labels[g] as string, byIndex: true };
}

/** The grouping of a column, or null for a column that is never sliced (datetime; id unless sensitive). */
function groupingOf(column: Column, reference: SliceReference | null | undefined, sensitive: boolean): Grouping | null {
  if (isNumericStorage(column)) {
    if (column.kind === "datetime") return null;
    if (column.kind === "boolean") return booleanGrouping(column);
    const slicing = reference?.columns[column.name] ?? numericSlicing(column.values);
    return slicingGrouping(column.values, slicing);
  }
  if (column.kind === "id" && !sensitive) return null;
  const dictionary = column.dictionary;
  return { codes: column.codes, k: dictionary.length, label: (g) => dictionary[g] as string, byIndex: false };
}

/** True when the base rows hold more than `limit` distinct groups (stops early). */
function moreGroupsThan(o: Outcomes, grouping: Grouping, limit: number): boolean {
  const seen = new Uint8Array(grouping.k);
  const { codes } = grouping;
  const cell = o.cell;
  let count = 0;
  for (let i = 0; i < codes.length; i++) {
    if ((cell[i] as number) < 0) continue;
    const g = codes[i] as number;
    if (g < 0 || seen[g]) continue;
    seen[g] = 1;
    if (++count > limit) return true;
  }
  return false;
}

/** The groups of two columns together, numbered over the groups each has among the base rows. */
function intersect(o: Outcomes, a: Grouping, aStats: Float64Array, b: Grouping, bStats: Float64Array): Grouping {
  const present = (g: Grouping, stats: Float64Array): { map: Int32Array; list: number[] } => {
    const map = new Int32Array(g.k).fill(-1);
    const list: number[] = [];
    for (let c = 0; c < g.k; c++) {
      if (groupRows(o.task, stats, c) > 0) {
        map[c] = list.length;
        list.push(c);
      }
    }
    return { map, list };
  };
  const pa = present(a, aStats);
  const pb = present(b, bStats);
  const kb = pb.list.length;
  const n = o.cell.length;
  const codes = new Int32Array(n);
  const pairLabel = (ga: number, gb: number) => `${a.label(ga)}${GROUP_JOIN}${b.label(gb)}`;
  if (pa.list.length * kb <= 1 << 22) {
    for (let i = 0; i < n; i++) {
      const ca = a.codes[i] as number;
      const cb = b.codes[i] as number;
      const ma = ca < 0 ? -1 : (pa.map[ca] as number);
      const mb = cb < 0 ? -1 : (pb.map[cb] as number);
      codes[i] = ma < 0 || mb < 0 ? -1 : ma * kb + mb;
    }
    return {
      codes,
      k: pa.list.length * kb,
      label: (g) => pairLabel(pa.list[Math.floor(g / kb)] as number, pb.list[g % kb] as number),
      byIndex: false,
    };
  }
  // Very many groups on both sides: number only the pairs that occur.
  const index = new Map<number, number>();
  const pairs: number[] = [];
  for (let i = 0; i < n; i++) {
    const ca = a.codes[i] as number;
    const cb = b.codes[i] as number;
    if (ca < 0 || cb < 0 || (o.cell[i] as number) < 0) {
      codes[i] = -1;
      continue;
    }
    const key = ca * b.k + cb;
    let c = index.get(key);
    if (c === undefined) {
      c = pairs.length;
      index.set(key, c);
      pairs.push(key);
    }
    codes[i] = c;
  }
  return { codes, k: pairs.length, label: (g) => pairLabel(Math.floor((pairs[g] as number) / b.k), (pairs[g] as number) % b.k), byIndex: false };
}

// ---------------------------------------------------------------- groups, disparities, lights

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function rateEntry(successes: number, denominator: number, rows: number, minRows: number, minDenominator: number): RateEntry {
  if (denominator === 0) return { value: null, lower: null, upper: null, denominator: 0, judgeable: false };
  const ci = wilsonInterval(successes, denominator);
  return {
    value: successes / denominator,
    lower: finite(ci.lower),
    upper: finite(ci.upper),
    denominator,
    judgeable: rows >= minRows && denominator >= minDenominator,
  };
}

function meanEntry(n: number, sum: number, sumSquares: number, shift: number, minRows: number, floorAtZero: boolean): RateEntry {
  const ci = meanInterval(n, sum, sumSquares);
  const lower = finite(ci.lower + shift);
  return {
    value: shift + sum / n,
    lower: lower !== null && floorAtZero ? Math.max(0, lower) : lower,
    upper: finite(ci.upper + shift),
    denominator: n,
    judgeable: n >= minRows,
  };
}

function sliceGroup(o: Outcomes, stats: Float64Array, g: number, name: string, policy: SlicePolicy): SliceGroup {
  const minRows = policy.minimumRows.perGroup;
  const minDen = policy.minimumRows.denominator;
  const rows = groupRows(o.task, stats, g);
  const group: SliceGroup = { group: name, rows, share: o.base > 0 ? rows / o.base : 0, disparity: null, withinTolerance: null, judgeable: false };
  if (o.task === "binary") {
    const tp = stats[g * 4] as number;
    const fp = stats[g * 4 + 1] as number;
    const tn = stats[g * 4 + 2] as number;
    const fn = stats[g * 4 + 3] as number;
    group.selectionRate = rateEntry(tp + fp, rows, rows, minRows, minDen);
    group.truePositiveRate = rateEntry(tp, tp + fn, rows, minRows, minDen);
    group.falsePositiveRate = rateEntry(fp, fp + tn, rows, minRows, minDen);
    group.precision = rateEntry(tp, tp + fp, rows, minRows, minDen);
    group.accuracy = rateEntry(tp + tn, rows, rows, minRows, minDen);
  } else if (o.task === "multiclass") {
    // Category models: rows only (the denominator is the group's rows).
    group.accuracy = rateEntry(stats[g * 2 + 1] as number, rows, rows, minRows, 0);
  } else {
    const j = g * 5;
    group.mae = meanEntry(rows, stats[j + 1] as number, stats[j + 2] as number, o.errShift, minRows, true);
    group.meanPrediction = meanEntry(rows, stats[j + 3] as number, stats[j + 4] as number, o.predShift, minRows, false);
  }
  return group;
}

/** Aequitas disparity: value / reference; x/0 with x > 0 is 10, 0/0 (or an undefined side) null. */
export function sliceDisparity(value: number | null, reference: number | null): number | null {
  if (value === null || reference === null || Number.isNaN(value) || Number.isNaN(reference)) return null;
  const d = value / reference;
  if (d === Number.POSITIVE_INFINITY) return DISPARITY_DIV_BY_ZERO;
  return Number.isNaN(d) ? null : d;
}

/** tau <= d <= 1/tau, inclusive (a 1e-12 relative allowance absorbs rounding of ratios such as 0.4 / 0.5). */
export function withinBand(disparity: number, tau: number): boolean {
  const lo = Math.min(tau, 1 / tau);
  const hi = Math.max(tau, 1 / tau);
  return disparity >= lo * (1 - 1e-12) && disparity <= hi * (1 + 1e-12);
}

function judgeColumn(
  base: Omit<SliceColumn, "referenceGroup" | "groups" | "worstGroup" | "light">,
  o: Outcomes,
  grouping: Grouping,
  stats: Float64Array,
  metric: SliceMetric,
  policy: SlicePolicy,
): SliceColumn {
  const k = grouping.k;
  const listed: { g: number; group: SliceGroup }[] = [];
  for (let g = 0; g <= k; g++) {
    if (groupRows(o.task, stats, g) === 0) continue;
    const group = sliceGroup(o, stats, g, g === k ? MISSING_GROUP : grouping.label(g), policy);
    group.judgeable = group[metric]?.judgeable ?? false;
    listed.push({ g, group });
  }
  listed.sort((x, y) => {
    if (x.g === k || y.g === k) return x.g === k ? 1 : -1; // "(missing)" last
    if (grouping.byIndex) return x.g - y.g;
    if (x.group.rows !== y.group.rows) return y.group.rows - x.group.rows;
    return x.group.group < y.group.group ? -1 : x.group.group > y.group.group ? 1 : 0;
  });
  const groups = listed.map((l) => l.group);
  const missing = listed.find((l) => l.g === k)?.group;

  let reference: SliceGroup | null = null;
  for (const group of groups) {
    if (!group.judgeable || group === missing) continue;
    if (reference === null || group.rows > reference.rows || (group.rows === reference.rows && group.group < reference.group)) reference = group;
  }
  const tau = policy.fairnessTolerance;
  let judged = 0;
  let outside = false;
  let worst: SliceGroup | null = null;
  let worstDistance = -1;
  if (reference !== null) {
    const refValue = reference[metric]?.value ?? null;
    for (const group of groups) {
      if (group === reference) {
        group.disparity = 1;
        group.withinTolerance = true;
        judged++;
        continue;
      }
      group.disparity = sliceDisparity(group[metric]?.value ?? null, refValue);
      if (!group.judgeable) continue;
      judged++;
      if (group.disparity === null) continue;
      group.withinTolerance = withinBand(group.disparity, tau);
      if (!group.withinTolerance) outside = true;
      const distance = Math.abs(Math.log(group.disparity));
      if (distance > worstDistance) {
        worstDistance = distance;
        worst = group;
      }
    }
  }
  const light: Light = judged < 2 ? "gray" : outside ? "red" : "green";
  return { ...base, referenceGroup: reference?.group ?? null, groups, worstGroup: worst?.group ?? null, light };
}

// ---------------------------------------------------------------- the section

/**
 * The slices of one window: each sensitive attribute the table has, each pair of them, and each other
 * usable column, with per-group rates and the disparity of the policy's fairness metric.
 */
export function computeSlices(args: SliceArgs): SlicesSection {
  const { table, policy, task } = args;
  const metric = fairnessMetricFor(task, policy.fairnessQuestion);
  const o = outcomes(args);
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const excluded = new Set(args.excludeColumns ?? []);
  const sensitiveNames = [...new Set(args.sensitiveAttributes)].filter((name) => !excluded.has(name));
  const missingAttributes = sensitiveNames.filter((name) => !byName.has(name));
  const columns: SliceColumn[] = [];

  const sensitive: { name: string; grouping: Grouping; stats: Float64Array }[] = [];
  for (const name of sensitiveNames) {
    const column = byName.get(name);
    if (!column) continue;
    const grouping = groupingOf(column, args.reference, true);
    if (!grouping) continue;
    const stats = accumulate(o, grouping.codes, grouping.k);
    sensitive.push({ name, grouping, stats });
    columns.push(
      judgeColumn({ name, columns: [name], kind: "sensitive", ...(grouping.binEdges ? { binEdges: grouping.binEdges } : {}) }, o, grouping, stats, metric, policy),
    );
  }
  for (let i = 0; i < sensitive.length; i++) {
    for (let j = i + 1; j < sensitive.length; j++) {
      const a = sensitive[i]!;
      const b = sensitive[j]!;
      const grouping = intersect(o, a.grouping, a.stats, b.grouping, b.stats);
      const stats = accumulate(o, grouping.codes, grouping.k);
      columns.push(judgeColumn({ name: `${a.name}${INTERSECTION_JOIN}${b.name}`, columns: [a.name, b.name], kind: "intersection" }, o, grouping, stats, metric, policy));
    }
  }
  const taken = new Set([...sensitiveNames, ...excluded]);
  for (const name of new Set(args.otherColumns)) {
    if (taken.has(name)) continue;
    const column = byName.get(name);
    if (!column) continue;
    const grouping = groupingOf(column, args.reference, false);
    if (!grouping) continue;
    if (!grouping.binEdges && grouping.k > MAX_SLICE_CATEGORIES && moreGroupsThan(o, grouping, MAX_SLICE_CATEGORIES)) continue;
    const stats = accumulate(o, grouping.codes, grouping.k);
    columns.push(
      judgeColumn({ name, columns: [name], kind: "other", ...(grouping.binEdges ? { binEdges: grouping.binEdges } : {}) }, o, grouping, stats, metric, policy),
    );
  }

  return {
    metric,
    question: policy.fairnessQuestion,
    tolerance: policy.fairnessTolerance,
    minimumRows: policy.minimumRows.perGroup,
    minimumDenominator: policy.minimumRows.denominator,
    columns,
    missingAttributes,
    rows: o.base,
  };
}
