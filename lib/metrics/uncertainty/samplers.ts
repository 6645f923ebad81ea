/**
 * Exact discrete samplers driven by {@link Xoshiro128}: Poisson (inversion for small means,
 * Hörmann's PTRS transformed rejection for large), binomial (inversion / Hörmann's BTRS) and
 * multinomial (sequential conditional binomials).
 */
import { lgamma } from "../internal/special";
import type { Xoshiro128 } from "./prng";

// Cumulative Poisson(1) probabilities for table inversion of the per-row weight.
const POISSON1_CDF: number[] = (() => {
  const out: number[] = [];
  let p = Math.exp(-1);
  let c = 0;
  for (let k = 0; k < 30; k++) {
    c += p;
    out.push(c);
    p /= k + 1;
  }
  return out;
})();

/** Poisson(1) draw (one uniform, table inversion). */
export function poisson1(rng: Xoshiro128): number {
  const u = rng.nextDouble();
  let k = 0;
  while (k < POISSON1_CDF.length - 1 && u >= (POISSON1_CDF[k] as number)) k++;
  return k;
}

/** Poisson(lambda) draw. */
export function poisson(rng: Xoshiro128, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda < 10) {
    // Inversion by sequential search.
    let p = Math.exp(-lambda);
    let c = p;
    const u = rng.nextDouble();
    let k = 0;
    while (u > c && k < 1000) {
      k++;
      p *= lambda / k;
      c += p;
    }
    return k;
  }
  // PTRS (Hörmann 1993).
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const U = rng.nextDouble() - 0.5;
    const V = rng.nextDouble();
    const us = 0.5 - Math.abs(U);
    const k = Math.floor(((2 * a) / us + b) * U + lambda + 0.43);
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (Math.log(V) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - lgamma(k + 1)) return k;
  }
}

/** Binomial(n, p) draw. */
export function binomial(rng: Xoshiro128, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  const q = 1 - p;
  if (n * p < 10) {
    // Inversion.
    const s = p / q;
    let f = Math.exp(n * Math.log1p(-p));
    let u = rng.nextDouble();
    let k = 0;
    while (u > f && k < n) {
      u -= f;
      f *= (s * (n - k)) / (k + 1);
      k++;
    }
    return k;
  }
  // BTRS (Hörmann 1993).
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = lgamma(m + 1) + lgamma(n - m + 1);
  for (;;) {
    const u = rng.nextDouble() - 0.5;
    let v = rng.nextDouble();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= h - lgamma(k + 1) - lgamma(n - k + 1) + (k - m) * lpq) return k;
  }
}

/** Multinomial(n, counts / sum(counts)) draw into `out` (sequential conditional binomials). */
export function multinomial(rng: Xoshiro128, n: number, counts: ArrayLike<number>, out: Float64Array): void {
  let remainingN = n;
  let remainingMass = 0;
  for (let i = 0; i < counts.length; i++) remainingMass += counts[i] as number;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i] as number;
    if (i === counts.length - 1 || remainingMass <= 0) {
      out[i] = remainingMass > 0 ? remainingN : 0;
      remainingN -= out[i] as number;
      continue;
    }
    const x = c <= 0 ? 0 : binomial(rng, remainingN, Math.min(1, c / remainingMass));
    out[i] = x;
    remainingN -= x;
    remainingMass -= c;
  }
}
