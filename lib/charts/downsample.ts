// Downsampling a series for a chart, on the server, so no chart draws more than MAX_CHART_POINTS points.
// Pure: no I/O, no React. Two methods:
// - largest-triangle-three-buckets (Steinarsson 2013, "Downsampling Time Series for Visual Representation"):
//   keeps the first and the last point and, per bucket, the point that spans the largest triangle with the point
//   kept before it and the mean of the next bucket; keeps the shape of a line.
// - min/max per bucket: keeps each bucket's lowest and highest point (in x order), so no spike is lost; for
//   series whose extremes matter more than their shape.
// Points whose y is null (a gap: "too few rows to judge") are kept as they are: a gap must stay a gap.

/** The most points one series may send to the browser. */
export const MAX_CHART_POINTS = 500;

export interface XY {
  x: number;
  y: number | null;
}

function checkThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 3) throw new RangeError(`A series needs at least 3 points to downsample; got ${threshold}.`);
}

/** Splits `points` into runs of consecutive points with a value, separated by the gaps (null y) between them. */
function runs<T extends XY>(points: readonly T[]): { gap: boolean; items: T[] }[] {
  const out: { gap: boolean; items: T[] }[] = [];
  for (const p of points) {
    const gap = p.y === null || !Number.isFinite(p.y);
    const last = out[out.length - 1];
    if (last && last.gap === gap) last.items.push(p);
    else out.push({ gap, items: [p] });
  }
  return out;
}

/** Shares `budget` points among runs in proportion to their length (at least 1 per run), or null when it cannot. */
function shareBudget(lengths: number[], budget: number): number[] | null {
  if (lengths.length > budget) return null;
  const total = lengths.reduce((s, n) => s + n, 0);
  const share = lengths.map((n) => Math.min(n, Math.max(2, Math.floor((n / total) * budget))));
  let used = share.reduce((s, n) => s + n, 0);
  // Trim the largest shares until the budget holds (the minimums can overshoot it).
  while (used > budget) {
    let at = 0;
    for (let i = 1; i < share.length; i++) if ((share[i] ?? 0) > (share[at] ?? 0)) at = i;
    share[at] = (share[at] ?? 0) - 1;
    used--;
  }
  return share;
}

/** LTTB on points that all have a value (the caller removes gaps). */
function lttbDense<T extends XY>(data: readonly T[], threshold: number): T[] {
  if (data.length <= threshold) return [...data];
  if (threshold <= 2) return threshold === 1 ? [data[0]!] : [data[0]!, data[data.length - 1]!];
  const sampled: T[] = [data[0]!];
  const every = (data.length - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    // The mean of the next bucket (the last bucket's "next" is the final point).
    const nextStart = Math.floor((i + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((i + 2) * every) + 1, data.length);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += data[j]!.x;
      avgY += data[j]!.y as number;
    }
    const n = nextEnd - nextStart;
    avgX /= n;
    avgY /= n;
    const start = Math.floor(i * every) + 1;
    const end = Math.floor((i + 1) * every) + 1;
    const pa = data[a]!;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const p = data[j]!;
      const area = Math.abs((pa.x - avgX) * ((p.y as number) - (pa.y as number)) - (pa.x - p.x) * (avgY - (pa.y as number)));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    sampled.push(data[best]!);
    a = best;
  }
  sampled.push(data[data.length - 1]!);
  return sampled;
}

/** min/max per bucket on points that all have a value: each bucket keeps its lowest and highest point, in x order. */
function minMaxDense<T extends XY>(data: readonly T[], threshold: number): T[] {
  if (data.length <= threshold) return [...data];
  if (threshold < 2) return [data[0]!];
  const buckets = Math.floor(threshold / 2);
  const size = data.length / buckets;
  const out: T[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(Math.floor((b + 1) * size), data.length);
    let lo = start;
    let hi = start;
    for (let j = start + 1; j < end; j++) {
      if ((data[j]!.y as number) < (data[lo]!.y as number)) lo = j;
      if ((data[j]!.y as number) > (data[hi]!.y as number)) hi = j;
    }
    if (lo === hi) out.push(data[lo]!);
    else if (lo < hi) out.push(data[lo]!, data[hi]!);
    else out.push(data[hi]!, data[lo]!);
  }
  return out;
}

function withGaps<T extends XY>(points: readonly T[], threshold: number, dense: (d: readonly T[], t: number) => T[]): T[] {
  checkThreshold(threshold);
  if (points.length <= threshold) return [...points];
  const parts = runs(points);
  const gapPoints = parts.filter((r) => r.gap).reduce((s, r) => s + r.items.length, 0);
  const valued = parts.filter((r) => !r.gap);
  const budgets = shareBudget(
    valued.map((r) => r.items.length),
    threshold - gapPoints,
  );
  // Gaps are kept whole; too many of them to fit means the series cannot be drawn honestly in `threshold` points.
  if (!budgets) throw new RangeError(`The series has ${gapPoints} missing values in ${valued.length + parts.length - valued.length} runs; they do not fit in ${threshold} points.`);
  const out: T[] = [];
  let v = 0;
  for (const r of parts) {
    if (r.gap) out.push(...r.items);
    else out.push(...dense(r.items, budgets[v++] ?? 1));
  }
  return out;
}

/**
 * Largest-triangle-three-buckets: at most `threshold` points (default MAX_CHART_POINTS), the first and last kept.
 * Points must be sorted by x. Returns the input unchanged (a copy) when it is short enough.
 */
export function downsampleLttb<T extends XY>(points: readonly T[], threshold = MAX_CHART_POINTS): T[] {
  return withGaps(points, threshold, lttbDense);
}

/** Min/max per bucket: at most `threshold` points; every bucket's lowest and highest point survive. Sorted by x. */
export function downsampleMinMax<T extends XY>(points: readonly T[], threshold = MAX_CHART_POINTS): T[] {
  return withGaps(points, threshold, minMaxDense);
}
