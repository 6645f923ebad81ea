/**
 * Evidently's `get_binned_data` and the NumPy histogram pieces it relies on
 * (`np.histogram_bin_edges(..., bins="sturges")`, `np.histogram` with explicit edges).
 */
import { linspace } from "../internal/numeric";
import { searchSorted } from "../internal/sort";
import {
  type PreparedSample,
  asCategorical,
  categoricalValueCounts,
  distinctCount,
  numericValueCounts,
  sampleSize,
} from "./sample";

/**
 * `np.histogram_bin_edges(a, bins="sturges")` for data with `size` values spanning [min, max]:
 * width `ptp / (log2(size) + 1)`, `ceil(ptp / width)` equal bins (exactly NumPy's float steps).
 */
export function sturgesEdges(min: number, max: number, size: number): Float64Array<ArrayBuffer> {
  let first = min;
  let last = max;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const ptp = max - min;
  const width = ptp / (Math.log2(size) + 1.0);
  const nBins = width ? Math.ceil((last - first) / width) : 1;
  return linspace(first, last, nBins + 1);
}

/** `np.histogram(sorted, edges)[0]` for ascending `sorted` (last bin closed). */
export function histogramSorted(sorted: ArrayLike<number>, edges: ArrayLike<number>): Float64Array<ArrayBuffer> {
  const nb = edges.length - 1;
  const cum = new Float64Array(nb + 1);
  for (let i = 0; i < nb; i++) cum[i] = searchSorted(sorted, edges[i] as number, "left");
  cum[nb] = searchSorted(sorted, edges[nb] as number, "right");
  const counts = new Float64Array(nb);
  for (let i = 0; i < nb; i++) counts[i] = (cum[i + 1] as number) - (cum[i] as number);
  return counts;
}

export interface BinnedShares {
  reference: Float64Array<ArrayBuffer>;
  current: Float64Array<ArrayBuffer>;
  /** "sturges" when equal-width bins were used, otherwise "values" (one bin per distinct value). */
  binning: "sturges" | "values";
  /** Bin edges for "sturges", the distinct values for "values". */
  bins: (number | string)[];
}

/**
 * Evidently `get_binned_data`: a numeric column whose reference has more than 20 distinct values
 * uses Sturges bins over min..max of both samples; otherwise one bin per distinct value over the
 * union. Shares are `count / length`. With `fillZeroes`, each side's zero shares become
 * `m / 1e6` if its smallest non-zero share `m <= 1e-4`, else `1e-4`.
 */
export function binnedShares(
  ref: PreparedSample,
  cur: PreparedSample,
  fillZeroes: boolean,
): BinnedShares {
  const nRef = sampleSize(ref);
  const nCur = sampleSize(cur);
  let r: Float64Array<ArrayBuffer>;
  let c: Float64Array<ArrayBuffer>;
  let binning: "sturges" | "values";
  let bins: (number | string)[];
  if (ref.kind === "numeric" && cur.kind === "numeric" && distinctCount(ref) > 20) {
    const a = ref.sorted;
    const b = cur.sorted;
    const min = Math.min(a[0] as number, b[0] as number);
    const max = Math.max(a[a.length - 1] as number, b[b.length - 1] as number);
    const edges = sturgesEdges(min, max, nRef + nCur);
    r = histogramSorted(a, edges);
    c = histogramSorted(b, edges);
    binning = "sturges";
    bins = Array.from(edges);
  } else {
    let vc: { keys: (number | string)[]; ref: number[]; cur: number[] };
    if (ref.kind === "numeric" && cur.kind === "numeric") vc = numericValueCounts(ref, cur);
    else vc = categoricalValueCounts(asCategorical(ref), asCategorical(cur));
    r = Float64Array.from(vc.ref);
    c = Float64Array.from(vc.cur);
    binning = "values";
    bins = vc.keys;
  }
  for (let i = 0; i < r.length; i++) r[i] = (r[i] as number) / nRef;
  for (let i = 0; i < c.length; i++) c[i] = (c[i] as number) / nCur;
  if (fillZeroes) {
    fillZeroShares(r);
    fillZeroShares(c);
  }
  return { reference: r, current: c, binning, bins };
}

function fillZeroShares(p: Float64Array): void {
  let m = Infinity;
  for (let i = 0; i < p.length; i++) {
    const v = p[i] as number;
    if (v !== 0 && v < m) m = v;
  }
  const fill = m <= 0.0001 ? m / 10 ** 6 : 0.0001;
  for (let i = 0; i < p.length; i++) if (p[i] === 0) p[i] = fill;
}
