// What a decision threshold does on labelled example rows: how many yes and no answers are right and wrong,
// precision, recall and the cost of the mistakes, overall and per group. Pure.

export interface ConfusionCounts {
  /** said yes, really yes */
  tp: number;
  /** said yes, really no */
  fp: number;
  /** said no, really no */
  tn: number;
  /** said no, really yes */
  fn: number;
}

export interface ThresholdResult extends ConfusionCounts {
  rows: number;
  /** tp / (tp + fp); null when the model says yes to no row */
  precision: number | null;
  /** tp / (tp + fn); null when no row is really yes */
  recall: number | null;
  /** fp x cost of a false positive + fn x cost of a false negative */
  cost: number;
}

/** Counts at `threshold` (a score at or above it means yes). Rows without a score or an outcome are left out. */
export function confusionAt(scores: ArrayLike<number | null>, outcomes: ArrayLike<boolean | null>, threshold: number, include?: (row: number) => boolean): ConfusionCounts {
  const counts: ConfusionCounts = { tp: 0, fp: 0, tn: 0, fn: 0 };
  const n = Math.min(scores.length, outcomes.length);
  for (let i = 0; i < n; i++) {
    if (include && !include(i)) continue;
    const s = scores[i];
    const y = outcomes[i];
    if (s === null || s === undefined || !Number.isFinite(s) || y === null || y === undefined) continue;
    const yes = s >= threshold;
    if (yes && y) counts.tp++;
    else if (yes) counts.fp++;
    else if (y) counts.fn++;
    else counts.tn++;
  }
  return counts;
}

export function precisionOf(c: ConfusionCounts): number | null {
  return c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp);
}

export function recallOf(c: ConfusionCounts): number | null {
  return c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn);
}

export function mistakeCost(c: ConfusionCounts, costFalsePositive: number, costFalseNegative: number): number {
  return c.fp * costFalsePositive + c.fn * costFalseNegative;
}

export interface Costs {
  falsePositive: number;
  falseNegative: number;
}

export function thresholdResult(c: ConfusionCounts, costs: Costs): ThresholdResult {
  return { ...c, rows: c.tp + c.fp + c.tn + c.fn, precision: precisionOf(c), recall: recallOf(c), cost: mistakeCost(c, costs.falsePositive, costs.falseNegative) };
}

export interface GroupColumn {
  column: string;
  /** each row's group (null: missing) */
  values: readonly (string | null)[];
}

export interface GroupResult extends ThresholdResult {
  column: string;
  group: string;
}

/** The overall result and one per group of each column (groups in order of first appearance). */
export function thresholdReport(
  scores: ArrayLike<number | null>,
  outcomes: ArrayLike<boolean | null>,
  threshold: number,
  costs: Costs,
  groups: readonly GroupColumn[] = [],
): { overall: ThresholdResult; groups: GroupResult[] } {
  const overall = thresholdResult(confusionAt(scores, outcomes, threshold), costs);
  const out: GroupResult[] = [];
  for (const g of groups) {
    const names: string[] = [];
    for (const v of g.values) if (v !== null && !names.includes(v)) names.push(v);
    for (const name of names) {
      const c = confusionAt(scores, outcomes, threshold, (row) => g.values[row] === name);
      const r = thresholdResult(c, costs);
      if (r.rows > 0) out.push({ column: g.column, group: name, ...r });
    }
  }
  return { overall, groups: out };
}

/** The threshold in [0, 1] (on a grid of `steps`) with the lowest overall cost; the lowest such threshold on ties. */
export function cheapestThreshold(scores: ArrayLike<number | null>, outcomes: ArrayLike<boolean | null>, costs: Costs, steps = 100): { threshold: number; cost: number } {
  let best = { threshold: 0, cost: Number.POSITIVE_INFINITY };
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const cost = mistakeCost(confusionAt(scores, outcomes, t), costs.falsePositive, costs.falseNegative);
    if (cost < best.cost) best = { threshold: t, cost };
  }
  return best;
}
