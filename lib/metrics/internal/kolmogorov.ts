/**
 * Kolmogorov–Smirnov distributions, ported from SciPy:
 * - `scipy/stats/_stats_py.py`: `_compute_prob_outside_square`, `_count_paths_outside_method`,
 *   `_attempt_exact_2kssamp` (exact two-sample p-values);
 * - `scipy/stats/_stats_pythran.py`: `_compute_outer_prob_inside_method`;
 * - `scipy/stats/_ksstats.py`: `_kolmogn` (the `kstwo` distribution used by the asymptotic
 *   two-sample test) with its Durbin/MTW, Pomeranz and Pelz-Good branches;
 * - `scipy/special/cephes/kolmogorov.c`: `smirnov` (one-sided exact Smirnov survival function).
 */
import { binom } from "./special";
import { polyval } from "./numeric";

const E128 = 128;
const EP128 = 2 ** 128;
const EM128 = 2 ** -128;
const SQRT2PI = Math.sqrt(2 * Math.PI);
const LOG_2PI = Math.log(2 * Math.PI);
const MIN_LOG = -708;
const SQRT3 = Math.sqrt(3);
const PI_SQUARED = Math.PI ** 2;
const PI_FOUR = Math.PI ** 4;
const PI_SIX = Math.PI ** 6;
const STIRLING_COEFFS = [
  -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
  -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
];

/** `ldexp(x, e)` without overflowing intermediate powers of two. */
export function ldexp(x: number, e: number): number {
  let r = x;
  let k = e;
  while (k > 1000) {
    r *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    r *= 2 ** -1000;
    k += 1000;
  }
  return r * 2 ** k;
}

function clipProb(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

function selectAndClip(cdfprob: number, sfprob: number, cdf: boolean): number {
  return clipProb(cdf ? cdfprob : sfprob);
}

// ---------------------------------------------------------------- exact two-sample helpers

/** SciPy `_compute_prob_outside_square(n, h)`. */
export function computeProbOutsideSquare(n: number, h: number): number {
  let P = 0.0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1.0;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1.0 - P);
    k -= 1;
  }
  return 2 * P;
}

/** SciPy `_compute_outer_prob_inside_method(m, n, g, h)` (pythran kernel). */
export function computeOuterProbInsideMethod(m0: number, n0: number, g: number, h: number): number {
  let m = m0;
  let n = n0;
  if (m < n) {
    const t = m;
    m = n;
    n = t;
  }
  const mg = Math.floor(m / g);
  const ng = Math.floor(n / g);
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(Math.max(lenA, 1)).fill(1.0);
  for (let j = minj; j < Math.min(maxj, lenA); j++) A[j] = 0.0;
  for (let i = 1; i < m + 1; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.max(Math.floor((ng * i - h) / mg) + 1, 0);
    minj = Math.min(minj, n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1.0;
    let val = minj === 0 ? 0.0 : 1.0;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = ((A[jj + minj - lastminj] as number) * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) {
      const end = Math.min(maxj - minj + (lastlen - curlen), A.length);
      for (let t = maxj - minj; t < end; t++) A[t] = 1;
    }
  }
  return A[maxj - minj - 1] as number;
}

// Pascal's triangle rows, built on demand (binomials up to N = 2,100 by exact-order additions).
const PASCAL_MAX = 2100;
const pascalRows: Float64Array[] = [Float64Array.of(1)];

function pascal(N: number, K: number): number {
  if (K < 0 || K > N) return 0;
  if (N > PASCAL_MAX) return binom(N, K);
  while (pascalRows.length <= N) {
    const prev = pascalRows[pascalRows.length - 1] as Float64Array;
    const row = new Float64Array(prev.length + 1);
    row[0] = 1;
    row[prev.length] = 1;
    for (let k = 1; k < prev.length; k++) row[k] = (prev[k - 1] as number) + (prev[k] as number);
    pascalRows.push(row);
  }
  return (pascalRows[N] as Float64Array)[K] as number;
}

/**
 * SciPy `_count_paths_outside_method(m, n, g, h)`. Returns NaN as soon as an intermediate value
 * leaves the range of a double, where SciPy raises FloatingPointError (the caller then switches to
 * the asymptotic method, as SciPy does).
 */
export function countPathsOutsideMethod(m0: number, n0: number, g: number, h: number): number {
  let m = m0;
  let n = n0;
  if (m < n) {
    const t = m;
    m = n;
    n = t;
  }
  const mg = Math.floor(m / g);
  const ng = Math.floor(n / g);
  const lxj = n + Math.floor((mg - h) / mg);
  if (lxj <= 0) return pascal(m + n, n);
  const xj = new Float64Array(lxj);
  for (let j = 0; j < lxj; j++) xj[j] = Math.floor((h + mg * j + ng - 1) / ng);
  const B = new Float64Array(lxj);
  B[0] = 1;
  for (let j = 1; j < lxj; j++) {
    const xjj = xj[j] as number;
    let Bj = pascal(xjj + j, j);
    for (let i = 0; i < j; i++) {
      const bin = pascal(xjj - (xj[i] as number) + j - i, j - i);
      Bj -= bin * (B[i] as number);
    }
    if (!Number.isFinite(Bj)) return Number.NaN;
    B[j] = Bj;
  }
  let numPaths = 0;
  for (let j = 0; j < lxj; j++) {
    const bin = pascal(m - (xj[j] as number) + (n - j), n - j);
    numPaths += (B[j] as number) * bin;
    if (!Number.isFinite(numPaths)) return Number.NaN;
  }
  return numPaths;
}

export type KsAlternative = "two-sided" | "less" | "greater";

/** SciPy `_attempt_exact_2kssamp`: returns `[success, d, prob]`. */
export function attemptExact2kssamp(
  n1: number,
  n2: number,
  g: number,
  d0: number,
  alternative: KsAlternative,
): [boolean, number, number] {
  const lcm = Math.floor(n1 / g) * n2;
  const h = roundHalfEvenInt(d0 * lcm);
  const d = (h * 1.0) / lcm;
  if (h === 0) return [true, d, 1.0];
  let prob = Number.NaN;
  if (alternative === "two-sided") {
    if (n1 === n2) prob = computeProbOutsideSquare(n1, h);
    else prob = computeOuterProbInsideMethod(n1, n2, g, h);
  } else if (n1 === n2) {
    prob = 1;
    for (let j = 0; j < h; j++) prob *= (n1 - j) / (n1 + j + 1.0);
  } else {
    // binom(n1 + n2, n1) overflowing makes SciPy fail either way; check it first to skip the loop.
    const bin = pascal(n1 + n2, n1);
    if (!Number.isFinite(bin)) return [false, d, Number.NaN];
    const numPaths = countPathsOutsideMethod(n1, n2, g, h);
    if (!Number.isFinite(numPaths) || numPaths > bin) return [false, d, Number.NaN];
    prob = numPaths / bin;
  }
  if (!(prob >= 0 && prob <= 1)) return [false, d, prob];
  return [true, d, prob];
}

function roundHalfEvenInt(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

// ---------------------------------------------------------------- kolmogn (kstwo)

function logNfactorialDivNPowN(n: number): number {
  const rn = 1.0 / n;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * polyval(STIRLING_COEFFS, rn / n);
}

function matmul(A: Float64Array, B: Float64Array, m: number): Float64Array<ArrayBuffer> {
  const C = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const a = A[i * m + k] as number;
      if (a === 0) continue;
      const rowB = k * m;
      const rowC = i * m;
      for (let j = 0; j < m; j++) C[rowC + j] = (C[rowC + j] as number) + a * (B[rowB + j] as number);
    }
  }
  return C;
}

/** Durbin matrix algorithm (Marsaglia, Tsang, Wang 2003): Pr(D_n <= d). */
function kolmognDMTW(n: number, d: number, cdf: boolean): number {
  if (d >= 1.0) return selectAndClip(1.0, 0.0, cdf);
  const nd = n * d;
  if (nd <= 0.5) return selectAndClip(0.0, 1.0, cdf);
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  let H = new Float64Array(m * m);
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  for (let j = 1; j <= m; j++) v[j - 1] = 1.0 - h ** j;
  let fac = 1.0;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (v[j - 1] as number) * fac;
  }
  const tt = Math.max(2 * h - 1.0, 0) ** m - 2 * h ** m;
  v[m - 1] = (1.0 + tt) * fac;
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - (i - 1)] as number;
  }
  for (let r = 0; r < m; r++) H[r * m] = v[r] as number;
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c] as number;

  let Hpwr = new Float64Array(m * m);
  for (let i = 0; i < m; i++) Hpwr[i * m + i] = 1;
  let nn = n;
  let expnt = 0;
  let Hexpnt = 0;
  while (nn > 0) {
    if (nn % 2) {
      Hpwr = matmul(Hpwr, H, m);
      expnt += Hexpnt;
    }
    H = matmul(H, H, m);
    Hexpnt *= 2;
    if (Math.abs(H[(k - 1) * m + (k - 1)] as number) > EP128) {
      for (let t = 0; t < H.length; t++) H[t] = (H[t] as number) / EP128;
      Hexpnt += E128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = Hpwr[(k - 1) * m + (k - 1)] as number;
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      expnt -= E128;
    }
  }
  if (expnt !== 0) p = ldexp(p, expnt);
  return selectAndClip(p, 1.0 - p, cdf);
}

function pomeranzJ1J2(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const ip1div2 = Math.floor((i + 1) / 2);
    const ip1mod2 = (i + 1) % 2;
    if (ip1mod2 === 0) {
      if (ip1div2 === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = ip1div2 - 1 - ll - roundf - 1;
        j2 = ip1div2 + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = ip1div2 - 1 - ll - 1;
      j2 = ip1div2 + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/** Pomeranz (1974) recursion: Pr(D_n <= x). */
function kolmognPomeranz(n: number, x: number, cdf: boolean): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = 1.0 * (t - ll);
  const g = Math.min(f, 1.0 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = 1.0;
  twogpower[0] = 1.0;
  onem2gpower[0] = 1.0;
  let expnt = 0;
  const gOverN = g / n;
  const twoGOverN = (2 * g) / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = ((gpower[m - 1] as number) * gOverN) / m;
    twogpower[m] = ((twogpower[m - 1] as number) * twoGOverN) / m;
    onem2gpower[m] = ((onem2gpower[m - 1] as number) * oneMinusTwoGOverN) / m;
  }
  let V0: Float64Array = new Float64Array(npwrs);
  let V1: Float64Array = new Float64Array(npwrs);
  V1[0] = 1;
  let V0s = 0;
  let V1s = 0;
  let [j1, j2] = pomeranzJ1J2(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    const tmp = V0;
    V0 = V1;
    V1 = tmp;
    const tmps = V0s;
    V0s = V1s;
    V1s = tmps;
    V1.fill(0.0);
    [j1, j2] = pomeranzJ1J2(i, n, ll, ceilf, roundf);
    let pwrs: Float64Array;
    if (i === 1 || i === 2 * n + 1) pwrs = gpower;
    else pwrs = i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      // conv = np.convolve(V0[k1 - V0s : k1 - V0s + ln2], pwrs[:ln2])
      const start = k1 - V0s;
      const aLen = Math.max(0, Math.min(ln2, V0.length - start));
      const bLen = Math.min(ln2, pwrs.length);
      const convStart = j1 - k1;
      const convLen = j2 - j1 + 1;
      let maxV = -Infinity;
      for (let q = 0; q < convLen; q++) {
        const kk = convStart + q;
        let s = 0;
        const lo = Math.max(0, kk - (bLen - 1));
        const hi = Math.min(aLen - 1, kk);
        for (let a = lo; a <= hi; a++) s += (V0[start + a] as number) * (pwrs[kk - a] as number);
        V1[q] = s;
        if (s > maxV) maxV = s;
      }
      for (let q = convLen; q < V1.length; q++) if (0 > maxV) maxV = 0;
      if (0 < maxV && maxV < EM128) {
        for (let q = 0; q < V1.length; q++) V1[q] = (V1[q] as number) * EP128;
        expnt -= E128;
      }
      V1s = V0s + j1 - k1;
    }
  }
  let ans = V1[n - V1s] as number;
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > EP128) {
      ans *= EM128;
      expnt += E128;
    }
    ans *= m;
  }
  if (expnt !== 0) ans = ldexp(ans, expnt);
  return selectAndClip(ans, 1.0 - ans, cdf);
}

/** Pelz-Good approximation to Pr(D_n <= x). */
function kolmognPelzGood(n: number, x: number, cdf: boolean): number {
  if (x <= 0.0) return selectAndClip(0.0, 1.0, cdf);
  if (x >= 1.0) return selectAndClip(1.0, 0.0, cdf);
  const z = Math.sqrt(n) * x;
  const zsquared = z ** 2;
  const zthree = z ** 3;
  const zfour = z ** 4;
  const zsix = z ** 6;
  const qlog = -PI_SQUARED / 8 / zsquared;
  if (qlog < MIN_LOG) return selectAndClip(0.0, 1.0, cdf);
  let q = Math.exp(qlog);
  const k1a = -zsquared;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * zsix + 2 * zfour;
  const k2b = ((2 * zfour - 5 * zsquared) * PI_SQUARED) / 4;
  const k2c = (PI_FOUR * (1 - 2 * zsquared)) / 16;
  const k3d = (PI_SIX * (5 - 30 * zsquared)) / 64;
  const k3c = (PI_FOUR * (-60 * zsquared + 212 * zfour)) / 16;
  const k3b = (PI_SQUARED * (135 * zfour - 96 * zsix)) / 4;
  const k3a = -30 * zsix - 90 * z ** 8;
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const msquared = m ** 2;
    const mfour = m ** 4;
    const msix = m ** 6;
    const qpower = q ** (8 * k);
    const coeffs = [
      1.0,
      k1a + k1b * msquared,
      k2a + k2b * msquared + k2c * mfour,
      k3a + k3b * msquared + k3c * mfour + k3d * msix,
    ];
    for (let t = 0; t < 4; t++) K[t] = (K[t] as number) * qpower + (coeffs[t] as number);
  }
  const denoms = [z, 6 * zfour, 72 * z ** 7, 6480 * z ** 10];
  for (let t = 0; t < 4; t++) K[t] = (((K[t] as number) * q) * SQRT2PI) / (denoms[t] as number);
  q = Math.exp(-PI_SQUARED / 2 / zsquared);
  let k2extra = 0;
  let k3extra = 0;
  const sqrt3z = SQRT3 * z;
  for (let k = maxk; k > 0; k--) {
    const ksq = k * k;
    const qp = q ** ksq;
    k2extra += ksq * qp;
    const kspi = Math.PI * k;
    k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
  }
  k2extra *= (PI_SQUARED * SQRT2PI) / (-36 * zthree);
  K[2] = (K[2] as number) + k2extra;
  k3extra *= (PI_SQUARED * SQRT2PI) / (216 * zsix);
  K[3] = (K[3] as number) + k3extra;
  for (let t = 0; t < 4; t++) K[t] = (K[t] as number) / (n * 1.0) ** (t / 2.0);
  if (!cdf) {
    for (let t = 0; t < 4; t++) K[t] = -(K[t] as number);
    K[0] = (K[0] as number) + 1;
  }
  return (K[0] as number) + (K[1] as number) + (K[2] as number) + (K[3] as number);
}

// ---------------------------------------------------------------- smirnov (one-sided, exact)

/**
 * Exact one-sided Smirnov survival function Pr(D+_n >= x) (Cephes `smirnov`, lower-sum branch
 * as used by `kolmogn`). Terms are accumulated with a mantissa/exponent binomial and log-space
 * powers; relative accuracy ~1e-12 or better for n <= 1e6.
 */
export function smirnovSf(n: number, x: number): number {
  if (!(n > 0 && x >= 0.0 && x <= 1.0)) return Number.NaN;
  if (n === 1) return 1 - x;
  if (x === 0.0) return 1.0;
  if (x === 1.0) return 0.0;
  const nx = n * x;
  let nxfl = Math.floor(nx);
  // alpha = fractional part of n*x computed exactly via two-product.
  const err = twoProductError(n, x, nx);
  let alpha = nx - nxfl + err;
  if (alpha < 0) {
    nxfl -= 1;
    alpha += 1;
  }
  if (alpha >= 1) {
    nxfl += 1;
    alpha -= 1;
  }
  if (nxfl === 0 || (nxfl === 1 && alpha === 0)) {
    const t = Math.exp((n - 1) * Math.log1p(x));
    const cdfv = x * t;
    return clipProb(1 - cdfv);
  }
  if (-2 * n * x * x < -7.451332191019412076235e2) return 0;
  if (nxfl >= n - 1) return clipProb(Math.exp(n * Math.log1p(-x)));
  if (n > 1000000) {
    const logp = -((6 * n * x + 1.0) ** 2) / 18.0 / n;
    return clipProb(Math.exp(logp));
  }
  const n1mxfl = n - nxfl - (alpha === 0 ? 0 : 1) - (alpha === 0 ? 1 : 0);
  const nTerms = n1mxfl + 1;
  const vmid = Math.floor(n / 2);
  // Binomial C(n, v) as mantissa * 2^exponent.
  let cMan = 1.0;
  let cExp = 0;
  let sum = 0;
  // v = 0 term: (1 - x)^n / x
  const a0 = Math.exp(n * Math.log1p(-x)) / x;
  sum += a0;
  [cMan, cExp] = updateBinomial(cMan, cExp, n, 0);
  for (let j = 1; j < nTerms; j++) {
    const v = j;
    const t1x = v / n + x; // x + v/n
    const t2x = (n - v) / n - x; // 1 - x - v/n
    let Aj = 0;
    if (t2x > 0) {
      const logTerm = (v - 1) * Math.log(t1x) + (n - v) * Math.log(t2x);
      const lg = logTerm + cExp * Math.LN2;
      Aj = cMan * Math.exp(lg);
      if (!Number.isFinite(Aj)) Aj = 0;
    }
    if (Aj > 0) sum += Aj;
    if (Aj !== 0) {
      if (4 * (nTerms - j) * Math.abs(Aj) < Number.EPSILON * sum && j !== nTerms - 1) break;
    } else if (j > vmid) {
      break;
    }
    [cMan, cExp] = updateBinomial(cMan, cExp, n, j);
  }
  return clipProb(x * sum);
}

function updateBinomial(man: number, expo: number, n: number, j: number): [number, number] {
  let m = (man * (n - j)) / (j + 1.0);
  let e = expo;
  if (m === 0) return [0, e];
  // frexp
  while (Math.abs(m) >= 1) {
    m /= 2;
    e += 1;
  }
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e -= 1;
  }
  return [m, e];
}

/** Error term of the floating product a*b (Dekker two-product): a*b = p + err exactly. */
function twoProductError(a: number, b: number, p: number): number {
  const SPLIT = 134217729; // 2^27 + 1
  let t = SPLIT * a;
  const ahi = t - (t - a);
  const alo = a - ahi;
  t = SPLIT * b;
  const bhi = t - (t - b);
  const blo = b - bhi;
  return alo * blo - (p - ahi * bhi - alo * bhi - ahi * blo);
}

/** SciPy `_kolmogn(n, x, cdf)`: CDF or SF of the two-sided one-sample KS statistic D_n. */
export function kolmogn(n: number, x: number, cdf: boolean): number {
  if (Number.isNaN(n)) return n;
  if (!Number.isInteger(n) || n <= 0) return Number.NaN;
  if (x >= 1.0) return selectAndClip(1.0, 0.0, cdf);
  if (x <= 0.0) return selectAndClip(0.0, 1.0, cdf);
  const t = n * x;
  if (t <= 1.0) {
    if (t <= 0.5) return selectAndClip(0.0, 1.0, cdf);
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1.0 / n) * (2 * t - 1);
    } else {
      prob = Math.exp(logNfactorialDivNPowN(n) + n * Math.log(2 * t - 1));
    }
    return selectAndClip(prob, 1.0 - prob, cdf);
  }
  if (t >= n - 1) {
    const prob = 2 * (1.0 - x) ** n;
    return selectAndClip(1 - prob, prob, cdf);
  }
  if (x >= 0.5) {
    const prob = 2 * smirnovSf(n, x);
    return selectAndClip(1.0 - prob, prob, cdf);
  }
  const nxsquared = t * x;
  if (n <= 140) {
    if (nxsquared <= 0.754693) {
      const prob = kolmognDMTW(n, x, true);
      return selectAndClip(prob, 1.0 - prob, cdf);
    }
    if (nxsquared <= 4) {
      const prob = kolmognPomeranz(n, x, true);
      return selectAndClip(prob, 1.0 - prob, cdf);
    }
    const prob = 2 * smirnovSf(n, x);
    return selectAndClip(1.0 - prob, prob, cdf);
  }
  if (!cdf) {
    if (nxsquared >= 370.0) return 0.0;
    if (nxsquared >= 2.2) return clipProb(2 * smirnovSf(n, x));
  }
  let cdfprob: number;
  if (nxsquared >= 18.0) cdfprob = 1.0;
  else if (n <= 100000 && n * x ** 1.5 <= 1.4) cdfprob = kolmognDMTW(n, x, true);
  else cdfprob = kolmognPelzGood(n, x, true);
  return selectAndClip(cdfprob, 1.0 - cdfprob, cdf);
}

/** `scipy.stats.kstwo.sf(d, n)` including the support handling of `rv_continuous.sf`. */
export function kstwoSf(d: number, n: number): number {
  if (!(n >= 1) || !Number.isInteger(n)) return Number.NaN;
  if (Number.isNaN(d)) return Number.NaN;
  const a = 0.5 / n;
  if (d <= a) return 1.0;
  if (d >= 1.0) return 0.0;
  return kolmogn(n, d, false);
}
