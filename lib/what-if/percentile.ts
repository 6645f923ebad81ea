// Percentiles of a list of numbers, as numpy's default ("linear": type 7 of Hyndman and Fan). Pure.

/** The q-th quantile (0-1) of `values`, ignoring NaN; NaN for an empty list. */
export function percentile(values: readonly number[] | Float64Array, q: number): number {
  const sorted = Array.from(values)
    .filter((v) => !Number.isNaN(v))
    .sort((a, b) => a - b);
  return sortedPercentile(sorted, q);
}

/** The same on an already sorted list (ascending, no NaN). */
export function sortedPercentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const clamped = Math.min(1, Math.max(0, q));
  const h = (sorted.length - 1) * clamped;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return lo === hi ? a : a + (h - lo) * (b - a);
}

/** p50 and p95 (and the count) of a list of timings. */
export function timingSummary(values: readonly number[]): { count: number; p50: number; p95: number } {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return { count: sorted.length, p50: sortedPercentile(sorted, 0.5), p95: sortedPercentile(sorted, 0.95) };
}
