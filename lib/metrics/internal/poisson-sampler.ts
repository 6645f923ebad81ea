/**
 * Poisson(lambda) draws for a fixed lambda, with the constants of `poisson()` (uncertainty/
 * samplers.ts: inversion below 10, Hörmann's PTRS above) computed once. Draw for draw identical
 * to `poisson(rng, lambda)`: the same uniforms are consumed and the same arithmetic is done; only
 * the per-call square root and logarithms of lambda are hoisted. Used where one cell is drawn
 * thousands of times (bootstrap resamples).
 */
import type { Xoshiro128 } from "../uncertainty/prng";
import { lgamma } from "./special";

export type PoissonSampler = (rng: Xoshiro128) => number;

export function poissonSampler(lambda: number): PoissonSampler {
  if (lambda <= 0) return () => 0;
  if (lambda < 10) {
    const p0 = Math.exp(-lambda);
    return (rng) => {
      let p = p0;
      let c = p;
      const u = rng.nextDouble();
      let k = 0;
      while (u > c && k < 1000) {
        k++;
        p *= lambda / k;
        c += p;
      }
      return k;
    };
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const logInvalpha = Math.log(invalpha);
  const vr = 0.9277 - 3.6224 / (b - 2);
  return (rng) => {
    for (;;) {
      const U = rng.nextDouble() - 0.5;
      const V = rng.nextDouble();
      const us = 0.5 - Math.abs(U);
      const k = Math.floor(((2 * a) / us + b) * U + lambda + 0.43);
      if (us >= 0.07 && V <= vr) return k;
      if (k < 0 || (us < 0.013 && V > us)) continue;
      if (Math.log(V) + logInvalpha - Math.log(a / (us * us) + b) <= -lambda + k * loglam - lgamma(k + 1)) return k;
    }
  };
}
