import { MetricInputError } from "../errors";
import { sortFloat64 } from "../internal/fast-sort";
import { type KsAlternative, attemptExact2kssamp, kstwoSf } from "../internal/kolmogorov";
import { gcd, roundHalfEven } from "../internal/numeric";

export type KsMode = "auto" | "exact" | "asymp";

export interface Ks2SampOptions {
  /** Default "two-sided". */
  alternative?: KsAlternative;
  /** Default "auto": exact when both samples have at most 10,000 values, asymptotic otherwise. */
  mode?: KsMode;
}

export interface Ks2SampResult {
  statistic: number;
  pvalue: number;
  /** The value at which the statistic is attained. */
  statisticLocation: number;
  /** +1 when the first sample's ECDF is above the second's at that point, -1 otherwise. */
  statisticSign: 1 | -1;
  /** The method actually used ("exact" falls back to "asymp" when it cannot be computed). */
  method: "exact" | "asymp";
}

const MAX_AUTO_N = 10000;
const INT32_MAX = 2147483647;

/** Agrees with scipy.stats.ks_2samp(data1, data2, alternative, method). NaN must be removed first. */
export function ks2samp(data1: ArrayLike<number>, data2: ArrayLike<number>, options: Ks2SampOptions = {}): Ks2SampResult {
  // SciPy's default nan_policy="propagate": any NaN makes the result NaN.
  for (const d of [data1, data2]) {
    for (let i = 0; i < d.length; i++) {
      if (Number.isNaN(d[i] as number)) {
        return { statistic: Number.NaN, pvalue: Number.NaN, statisticLocation: Number.NaN, statisticSign: 1, method: "exact" };
      }
    }
  }
  const a = sortFloat64(Float64Array.from(data1));
  const b = sortFloat64(Float64Array.from(data2));
  return ks2sampSorted(a, b, options);
}

/** `ks2samp` on samples already sorted ascending. */
export function ks2sampSorted(a: ArrayLike<number>, b: ArrayLike<number>, options: Ks2SampOptions = {}): Ks2SampResult {
  let mode: KsMode = options.mode ?? "auto";
  const alternative = options.alternative ?? "two-sided";
  if (!["auto", "exact", "asymp"].includes(mode)) throw new MetricInputError(`Invalid value for mode: ${mode}`);
  if (!["two-sided", "less", "greater"].includes(alternative)) {
    throw new MetricInputError(`Invalid value for alternative: ${alternative}`);
  }
  const n1 = a.length;
  const n2 = b.length;
  if (Math.min(n1, n2) === 0) throw new MetricInputError("Data passed to ks_2samp must not be empty");
  // Walk the pooled sorted values; ECDFs evaluated with searchsorted(side="right").
  let i = 0;
  let j = 0;
  let maxS = -Infinity;
  let minD = Infinity;
  let locMax = Number.NaN;
  let locMin = Number.NaN;
  while (i < n1 || j < n2) {
    let x: number;
    if (j >= n2 || (i < n1 && (a[i] as number) <= (b[j] as number))) x = a[i] as number;
    else x = b[j] as number;
    while (i < n1 && (a[i] as number) <= x) i++;
    while (j < n2 && (b[j] as number) <= x) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxS) {
      maxS = diff;
      locMax = x;
    }
    if (diff < minD) {
      minD = diff;
      locMin = x;
    }
  }
  let minS = -minD;
  minS = minS < 0 ? 0 : minS > 1 ? 1 : minS;
  let d: number;
  let loc: number;
  let sign: 1 | -1;
  if (alternative === "less" || (alternative === "two-sided" && minS > maxS)) {
    d = minS;
    loc = locMin;
    sign = -1;
  } else {
    d = maxS;
    loc = locMax;
    sign = 1;
  }
  const g = gcd(n1, n2);
  const n1g = Math.floor(n1 / g);
  const n2g = Math.floor(n2 / g);
  let prob = -Infinity;
  if (mode === "auto") mode = Math.max(n1, n2) <= MAX_AUTO_N ? "exact" : "asymp";
  else if (mode === "exact" && n1g >= INT32_MAX / n2g) mode = "asymp";
  if (mode === "exact") {
    const [success, , p] = attemptExact2kssamp(n1, n2, g, d, alternative);
    if (success) prob = p;
    else mode = "asymp";
  }
  if (mode === "asymp") {
    const m = Math.max(n1, n2);
    const n = Math.min(n1, n2);
    const en = (m * n) / (m + n);
    if (alternative === "two-sided") {
      prob = kstwoSf(d, roundHalfEven(en));
    } else {
      const z = Math.sqrt(en) * d;
      const expt = -2 * z ** 2 - (2 * z * (m + 2 * n)) / Math.sqrt(m * n * (m + n)) / 3.0;
      prob = Math.exp(expt);
    }
  }
  prob = prob < 0 ? 0 : prob > 1 ? 1 : prob;
  return { statistic: d, pvalue: prob, statisticLocation: loc, statisticSign: sign, method: mode };
}
