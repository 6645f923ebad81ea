/**
 * SciPy statistics used by the drift tests, on plain arrays: `entropy` (KL divergence),
 * `jensenshannon`, `chisquare`, `wasserstein_distance`.
 */
import { MetricInputError } from "../errors";
import { chi2Sf } from "../internal/special";
import { argsortFloat64 } from "../internal/sort";

function relEntr(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Number.POSITIVE_INFINITY;
}

function normalized(p: ArrayLike<number>): Float64Array {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += p[i] as number;
  return Float64Array.from(p, (v) => v / s);
}

/** Agrees with scipy.stats.entropy(pk, qk, base): KL divergence of the normalised vectors. */
export function entropy(pk: ArrayLike<number>, qk?: ArrayLike<number>, base?: number): number {
  const p = normalized(pk);
  let s = 0;
  if (qk === undefined) {
    for (let i = 0; i < p.length; i++) {
      const v = p[i] as number;
      s += v > 0 ? -v * Math.log(v) : v === 0 ? 0 : Number.NEGATIVE_INFINITY;
    }
  } else {
    if (qk.length !== pk.length) throw new MetricInputError("qk and pk must have same shape.");
    const q = normalized(qk);
    for (let i = 0; i < p.length; i++) s += relEntr(p[i] as number, q[i] as number);
  }
  if (base !== undefined) s /= Math.log(base);
  return s;
}

/** Agrees with scipy.spatial.distance.jensenshannon(p, q, base): the distance (square root). */
export function jensenshannon(pIn: ArrayLike<number>, qIn: ArrayLike<number>, base?: number): number {
  if (pIn.length !== qIn.length) throw new MetricInputError("p and q must have the same shape.");
  const p = normalized(pIn);
  const q = normalized(qIn);
  let left = 0;
  let right = 0;
  for (let i = 0; i < p.length; i++) {
    const m = ((p[i] as number) + (q[i] as number)) / 2.0;
    left += relEntr(p[i] as number, m);
    right += relEntr(q[i] as number, m);
  }
  let js = left + right;
  if (base !== undefined) js /= Math.log(base);
  return Math.sqrt(js / 2.0);
}

export interface ChiSquareResult {
  statistic: number;
  pvalue: number;
}

/** Agrees with scipy.stats.chisquare(f_obs, f_exp, ddof): Pearson statistic, df = k - 1 - ddof. */
export function chisquare(fObs: ArrayLike<number>, fExp?: ArrayLike<number>, ddof = 0): ChiSquareResult {
  const k = fObs.length;
  let exp: Float64Array;
  let obsSum = 0;
  for (let i = 0; i < k; i++) obsSum += fObs[i] as number;
  if (fExp === undefined) {
    exp = new Float64Array(k).fill(obsSum / k);
  } else {
    if (fExp.length !== k) throw new MetricInputError("f_obs and f_exp must have the same shape.");
    exp = Float64Array.from(fExp);
    let expSum = 0;
    for (let i = 0; i < k; i++) expSum += exp[i] as number;
    const rel = Math.abs(obsSum - expSum) / Math.min(obsSum, expSum);
    if (rel > 1e-8) {
      throw new MetricInputError(
        `For each axis slice, the sum of the observed frequencies must agree with the sum of the expected frequencies to a relative tolerance of 1e-08, but the percent differences are:\n${rel}`,
      );
    }
  }
  let stat = 0;
  for (let i = 0; i < k; i++) {
    const d = (fObs[i] as number) - (exp[i] as number);
    stat += (d * d) / (exp[i] as number);
  }
  const df = k - 1 - ddof;
  return { statistic: stat, pvalue: chi2Sf(stat, df) };
}

export interface WassersteinOptions {
  uWeights?: ArrayLike<number>;
  vWeights?: ArrayLike<number>;
}

function validateDistribution(values: ArrayLike<number>, weights: ArrayLike<number> | undefined): void {
  if (values.length === 0) throw new MetricInputError("Distribution can't be empty.");
  if (weights !== undefined) {
    if (weights.length !== values.length) {
      throw new MetricInputError("Value and weight array-likes for the same empirical distribution must be of the same size.");
    }
    let s = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] as number;
      if (w < 0) throw new MetricInputError("All weights must be non-negative.");
      s += w;
    }
    if (!(s > 0 && s < Infinity)) throw new MetricInputError("Weight array must sum to a positive finite value.");
  }
}

/** Agrees with scipy.stats.wasserstein_distance(u, v, u_weights, v_weights) (1-D, p = 1). */
export function wassersteinDistance(u: ArrayLike<number>, v: ArrayLike<number>, options: WassersteinOptions = {}): number {
  validateDistribution(u, options.uWeights);
  validateDistribution(v, options.vWeights);
  const uo = argsortFloat64(u);
  const vo = argsortFloat64(v);
  const us = Float64Array.from(uo, (i) => u[i] as number);
  const vs = Float64Array.from(vo, (i) => v[i] as number);
  const uw = options.uWeights === undefined ? undefined : Float64Array.from(uo, (i) => options.uWeights?.[i] as number);
  const vw = options.vWeights === undefined ? undefined : Float64Array.from(vo, (i) => options.vWeights?.[i] as number);
  return wassersteinSorted(us, vs, uw, vw);
}

/**
 * `_cdf_distance(1, u, v)` on ascending-sorted samples (weights aligned with the sorted order).
 * Unweighted samples use the equivalent quantile form `integral |F_u^-1(t) - F_v^-1(t)| dt`,
 * a branch-light merge of the breakpoints i/n_u and j/n_v; both forms sum the same non-negative
 * areas, so they agree to rounding.
 */
export function wassersteinSorted(
  us: ArrayLike<number>,
  vs: ArrayLike<number>,
  uw?: ArrayLike<number>,
  vw?: ArrayLike<number>,
): number {
  const nu = us.length;
  const nv = vs.length;
  const finite =
    Number.isFinite(us[0] as number) && Number.isFinite(us[nu - 1] as number) && Number.isFinite(vs[0] as number) && Number.isFinite(vs[nv - 1] as number);
  if (uw === undefined && vw === undefined && finite) return wassersteinQuantile(us, vs);
  let uTot = nu;
  let vTot = nv;
  if (uw !== undefined) {
    uTot = 0;
    for (let i = 0; i < nu; i++) uTot += uw[i] as number;
  }
  if (vw !== undefined) {
    vTot = 0;
    for (let i = 0; i < nv; i++) vTot += vw[i] as number;
  }
  let i = 0;
  let j = 0;
  let uCum = 0;
  let vCum = 0;
  let total = 0;
  let block = 0;
  let count = 0;
  let prev = Number.NaN;
  let first = true;
  // Walk the pooled sample in ascending order; each step adds |F_u - F_v| * (x - previous x)
  // (SciPy's sum over np.diff of the pooled values, so infinities propagate the same way).
  while (i < nu || j < nv) {
    const takeU = j >= nv || (i < nu && (us[i] as number) <= (vs[j] as number));
    const x = takeU ? (us[i] as number) : (vs[j] as number);
    if (!first) block += Math.abs(uCum / uTot - vCum / vTot) * (x - prev);
    first = false;
    if (takeU) {
      uCum += uw === undefined ? 1 : (uw[i] as number);
      i++;
    } else {
      vCum += vw === undefined ? 1 : (vw[j] as number);
      j++;
    }
    prev = x;
    if (++count === 1024) {
      total += block;
      block = 0;
      count = 0;
    }
  }
  return total + block;
}

/** Unweighted Wasserstein-1 in quantile form on sorted samples. */
function wassersteinQuantile(us: ArrayLike<number>, vs: ArrayLike<number>): number {
  const nu = us.length;
  const nv = vs.length;
  let total = 0;
  if (nu === nv) {
    let block = 0;
    for (let k = 0; k < nu; k++) {
      block += Math.abs((us[k] as number) - (vs[k] as number));
      if ((k & 1023) === 1023) {
        total += block;
        block = 0;
      }
    }
    return (total + block) / nu;
  }
  // Breakpoints t = (i+1)/nu and (j+1)/nv compared exactly as integers (i+1)*nv vs (j+1)*nu.
  let i = 0;
  let j = 0;
  let prevT = 0;
  let block = 0;
  let count = 0;
  while (i < nu && j < nv) {
    const a = (i + 1) * nv;
    const b = (j + 1) * nu;
    const t = a <= b ? (i + 1) / nu : (j + 1) / nv;
    block += Math.abs((us[i] as number) - (vs[j] as number)) * (t - prevT);
    prevT = t;
    if (a <= b) i++;
    if (b <= a) j++;
    if (++count === 1024) {
      total += block;
      block = 0;
      count = 0;
    }
  }
  return total + block;
}
