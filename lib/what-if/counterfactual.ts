// The smallest change to at most three inputs that changes the model's answer (a counterfactual), by the same
// distance as the unusual-case flag, staying within the reference data's 1st-99th percentiles and seen categories.
// A coarse grid over the marked inputs is scored in one batch, then the best hit is refined twice between it and
// the grid step nearer the case (two more batches). The scoring function is passed in, so this stays pure.
import type { WhatIfValue } from "@/lib/contracts/what-if";
import type { BatchOutputs } from "./batch";
import { caseDistance, type DistanceColumn } from "./distance";
import { numericGrid } from "./grid";

/** At most this many inputs may be marked as changeable. */
export const COUNTERFACTUAL_MAX_FEATURES = 3;

/** An input the search may change: numbers within [low, high], categories among `values`. */
export type ChangeableInput = { index: number; kind: "numeric"; low: number; high: number; integer: boolean } | { index: number; kind: "categorical"; values: readonly string[] };

/** What counts as a changed answer. */
export type CounterfactualGoal =
  | { task: "binary"; threshold: number; baseYes: boolean }
  | { task: "multiclass"; baseLabel: string }
  | { task: "regression"; target: number; upward: boolean };

/** Does row `row` of a batch reach the goal? */
export function reachesGoal(goal: CounterfactualGoal, outputs: BatchOutputs, row: number): boolean {
  if (goal.task === "binary") {
    const s = outputs.score?.[row];
    if (s === undefined || !Number.isFinite(s)) return false;
    return goal.baseYes ? s < goal.threshold : s >= goal.threshold;
  }
  if (goal.task === "multiclass") {
    const label = outputs.labels?.[row];
    return label !== undefined && label !== goal.baseLabel;
  }
  const v = outputs.value?.[row];
  if (v === undefined || !Number.isFinite(v)) return false;
  return goal.upward ? v >= goal.target : v <= goal.target;
}

export interface CounterfactualChange {
  index: number;
  from: WhatIfValue;
  to: number | string;
}

export interface CounterfactualResult {
  /** the changed case, or null when no case within the ranges reaches the goal */
  found: { values: WhatIfValue[]; changes: CounterfactualChange[]; distance: number } | null;
  /** batches scored and cases in them */
  calls: number;
  rows: number;
}

export interface CounterfactualSearch {
  base: readonly WhatIfValue[];
  changeable: readonly ChangeableInput[];
  columns: readonly DistanceColumn[];
  /** scores a batch of cases; true where the case reaches the goal */
  evaluate: (cases: WhatIfValue[][]) => Promise<boolean[]>;
  /** the most cases in one batch (default 2,000) */
  maxRows?: number;
  /** refinement rounds after the coarse grid (default 2) */
  rounds?: number;
}

/** How many values per dimension fit `maxRows` cases over `dims` dimensions (each also keeps the case's own value). */
export function valuesPerDimension(maxRows: number, dims: number, cap = 50): number {
  if (dims <= 0) return 0;
  return Math.max(2, Math.min(cap, Math.floor(Math.pow(maxRows, 1 / dims)) - 1));
}

/** Every combination of one option per dimension (the first dimension varies slowest). */
export function cartesian<T>(options: readonly (readonly T[])[]): T[][] {
  let out: T[][] = [[]];
  for (const dim of options) {
    const next: T[][] = [];
    for (const prefix of out) for (const v of dim) next.push([...prefix, v]);
    out = next;
  }
  return out;
}

interface Candidate {
  values: WhatIfValue[];
  distance: number;
  changed: number;
}

function sameValue(a: WhatIfValue, b: WhatIfValue): boolean {
  return a === b || (a !== null && b !== null && String(a) === String(b));
}

function buildCandidates(base: readonly WhatIfValue[], changeable: readonly ChangeableInput[], options: readonly (readonly WhatIfValue[])[], columns: readonly DistanceColumn[]): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const combo of cartesian(options)) {
    const values = base.slice();
    let changed = 0;
    changeable.forEach((c, k) => {
      const v = combo[k]!;
      if (!sameValue(v, base[c.index] ?? null)) changed++;
      values[c.index] = v;
    });
    if (changed === 0) continue;
    const key = JSON.stringify(changeable.map((c) => values[c.index]));
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ values, distance: caseDistance(values, base, columns), changed });
  }
  return out;
}

/** The closest hit: smallest distance, then fewer changed inputs, then the earlier candidate. */
function closest(candidates: readonly Candidate[], hits: readonly boolean[]): Candidate | null {
  let best: Candidate | null = null;
  candidates.forEach((c, i) => {
    if (!hits[i]) return;
    if (best === null || c.distance < best.distance - 1e-12 || (Math.abs(c.distance - best.distance) <= 1e-12 && c.changed < best.changed)) best = c;
  });
  return best;
}

/** The value one grid step from `value` toward `toward` among `options` (sorted numbers), or `toward` itself. */
function stepToward(value: number, toward: number, options: readonly number[]): number {
  if (value === toward) return value;
  if (value > toward) {
    const lower = options.filter((o) => o < value && o >= toward);
    return lower.length > 0 ? Math.max(...lower) : toward;
  }
  const higher = options.filter((o) => o > value && o <= toward);
  return higher.length > 0 ? Math.min(...higher) : toward;
}

/** Searches the smallest change that reaches the goal. */
export async function searchCounterfactual(search: CounterfactualSearch): Promise<CounterfactualResult> {
  const { base, columns, evaluate } = search;
  const changeable = search.changeable.slice(0, COUNTERFACTUAL_MAX_FEATURES);
  const maxRows = search.maxRows ?? 2000;
  const rounds = search.rounds ?? 2;
  let calls = 0;
  let rows = 0;
  const score = async (candidates: Candidate[]): Promise<boolean[]> => {
    if (candidates.length === 0) return [];
    calls++;
    rows += candidates.length;
    return evaluate(candidates.map((c) => c.values));
  };
  if (changeable.length === 0) return { found: null, calls, rows };

  // Coarse round: a grid per input (numbers spread over their range; every seen category), plus the case's value.
  const numericDims = changeable.filter((c) => c.kind === "numeric").length;
  const categoricalSize = changeable.reduce((n, c) => n * (c.kind === "categorical" ? c.values.length + 1 : 1), 1);
  const perNumeric = valuesPerDimension(Math.max(1, Math.floor(maxRows / categoricalSize)), numericDims);
  const grids: number[][] = changeable.map((c) => (c.kind === "numeric" ? numericGrid(c.low, c.high, perNumeric, c.integer) : []));
  const coarseOptions = changeable.map((c, k): WhatIfValue[] => {
    const own = base[c.index] ?? null;
    const values: WhatIfValue[] = c.kind === "numeric" ? grids[k]! : [...c.values];
    return values.some((v) => sameValue(v, own)) ? values : [own, ...values];
  });
  const coarse = buildCandidates(base, changeable, coarseOptions, columns);
  let best = closest(coarse, await score(coarse));
  if (!best) return { found: null, calls, rows };

  // Refinement: between the best hit and one step nearer the case, for each number the hit changed.
  let steps: number[][] = grids;
  for (let round = 0; round < rounds; round++) {
    const current: Candidate = best;
    const refineDims = changeable.map((c, k) => {
      const own = base[c.index];
      const at = current.values[c.index];
      return c.kind === "numeric" && typeof own === "number" && typeof at === "number" && at !== own ? k : -1;
    }).filter((k) => k >= 0);
    if (refineDims.length === 0) break;
    const perDim = valuesPerDimension(maxRows, refineDims.length, 40);
    const nextSteps: number[][] = steps.map((s) => s.slice());
    const options = changeable.map((c, k): WhatIfValue[] => {
      const at = current.values[c.index] ?? null;
      if (!refineDims.includes(k) || c.kind !== "numeric") return [at];
      const value = at as number;
      const near = stepToward(value, base[c.index] as number, steps[k]!);
      const fine = numericGrid(near, value, perDim, c.integer).filter((v) => v >= c.low - 1e-12 && v <= c.high + 1e-12);
      nextSteps[k] = fine;
      return fine.some((v) => v === value) ? fine : [...fine, value];
    });
    steps = nextSteps;
    const refined = buildCandidates(base, changeable, options, columns);
    const hit = closest(refined, await score(refined));
    if (hit && hit.distance <= current.distance) best = hit;
    else break;
  }

  const found: Candidate = best;
  const changes = changeable
    .filter((c) => !sameValue(found.values[c.index] ?? null, base[c.index] ?? null))
    .map((c) => ({ index: c.index, from: base[c.index] ?? null, to: found.values[c.index] as number | string }));
  return { found: { values: found.values, changes, distance: found.distance }, calls, rows };
}
