// How far a case is from the example rows: numeric differences in units of the reference data's spread (its
// interquartile range), a different category counting 1, summed over the inputs (an L1 distance, as Gower's and
// DiCE's). Pure: no React, no DOM.
import type { WhatIfFeature, WhatIfValue } from "@/lib/contracts/what-if";
import { percentile } from "./percentile";

/** How one input counts in the distance. */
export type DistanceColumn = { kind: "numeric"; scale: number } | { kind: "categorical" } | { kind: "skip" };

/**
 * One entry per feature. Numbers are divided by the reference IQR (q3 - q1). When the IQR is 0 (capital-gain: most
 * rows are 0), the full range (max - min) is used instead, so a rare non-zero value still counts; when the range is
 * 0 too (a constant column), the column is skipped: every row holds the same value, so it tells cases apart by
 * nothing. Inputs without a stored distribution ("free") have no spread to scale by and are skipped too.
 */
export function distanceColumns(features: readonly WhatIfFeature[]): DistanceColumn[] {
  return features.map((f) => {
    if (f.kind === "categorical") return { kind: "categorical" };
    if (f.kind === "free") return { kind: "skip" };
    const iqr = f.q3 - f.q1;
    if (iqr > 0) return { kind: "numeric", scale: iqr };
    const range = f.max - f.min;
    return range > 0 ? { kind: "numeric", scale: range } : { kind: "skip" };
  });
}

/**
 * What one input adds to the distance. A missing value against a present one counts 1 (like a different
 * category); two missing values count 0.
 */
export function columnDistance(a: WhatIfValue, b: WhatIfValue, column: DistanceColumn): number {
  if (column.kind === "skip") return 0;
  if (a === null || b === null) return a === b ? 0 : 1;
  if (column.kind === "categorical") return String(a) === String(b) ? 0 : 1;
  const x = typeof a === "number" ? a : Number(a);
  const y = typeof b === "number" ? b : Number(b);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return x === y ? 0 : 1;
  return Math.abs(x - y) / column.scale;
}

/** The distance between two cases (same feature order as `columns`). */
export function caseDistance(a: readonly WhatIfValue[], b: readonly WhatIfValue[], columns: readonly DistanceColumn[]): number {
  let sum = 0;
  for (let i = 0; i < columns.length; i++) sum += columnDistance(a[i] ?? null, b[i] ?? null, columns[i]!);
  return sum;
}

/** The nearest row to `point` (skipping row `skip`), or null when there is no other row. */
export function nearestRow(point: readonly WhatIfValue[], rows: readonly (readonly WhatIfValue[])[], columns: readonly DistanceColumn[], skip = -1): { index: number; distance: number } | null {
  let best: { index: number; distance: number } | null = null;
  for (let r = 0; r < rows.length; r++) {
    if (r === skip) continue;
    const d = caseDistance(point, rows[r]!, columns);
    if (best === null || d < best.distance) best = { index: r, distance: d };
  }
  return best;
}

/** Each row's distance to its nearest other row (leave-one-out); empty with fewer than two rows. */
export function leaveOneOutDistances(rows: readonly (readonly WhatIfValue[])[], columns: readonly DistanceColumn[]): number[] {
  if (rows.length < 2) return [];
  const best = new Array<number>(rows.length).fill(Number.POSITIVE_INFINITY);
  // Each pair once: the distance is symmetric.
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      const d = caseDistance(rows[i]!, rows[j]!, columns);
      if (d < best[i]!) best[i] = d;
      if (d < best[j]!) best[j] = d;
    }
  }
  return best;
}

export interface UnusualCaseReference {
  columns: DistanceColumn[];
  rows: readonly (readonly WhatIfValue[])[];
  /** the 99th percentile of the rows' leave-one-out nearest distances: a case further than this is unusual */
  threshold: number;
}

/** Prepares the flag once per sample (n² / 2 distances: about 45,000 for 300 rows). Null with fewer than 2 rows. */
export function unusualCaseReference(features: readonly WhatIfFeature[], rows: readonly (readonly WhatIfValue[])[]): UnusualCaseReference | null {
  const columns = distanceColumns(features);
  const distances = leaveOneOutDistances(rows, columns);
  if (distances.length === 0) return null;
  return { columns, rows, threshold: percentile(distances, 0.99) };
}

export interface UnusualCaseResult {
  distance: number;
  threshold: number;
  unusual: boolean;
  /** the nearest row's index in the sample */
  nearest: number;
  /** the inputs where the case differs most from its nearest row (largest part of the distance first, at most 3) */
  differences: { index: number; part: number }[];
}

/** Is the case further from every sample row than 99% of the rows are from their nearest neighbour? */
export function unusualCase(point: readonly WhatIfValue[], reference: UnusualCaseReference): UnusualCaseResult | null {
  const nearest = nearestRow(point, reference.rows, reference.columns);
  if (!nearest) return null;
  const row = reference.rows[nearest.index]!;
  const differences = reference.columns
    .map((c, index) => ({ index, part: columnDistance(point[index] ?? null, row[index] ?? null, c) }))
    .filter((d) => d.part > 0)
    .sort((a, b) => b.part - a.part || a.index - b.index)
    .slice(0, 3);
  return { distance: nearest.distance, threshold: reference.threshold, unusual: nearest.distance > reference.threshold, nearest: nearest.index, differences };
}
