/** Small numeric helpers that mirror NumPy's exact floating-point behaviour. */

/** `np.linspace(start, stop, num)` with `endpoint=True`: `i * step + start`, last element exactly `stop`. */
export function linspace(start: number, stop: number, num: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(num);
  if (num === 0) return out;
  if (num === 1) {
    out[0] = start;
    return out;
  }
  const div = num - 1;
  const delta = stop - start;
  const step = delta / div;
  if (step === 0) {
    for (let i = 0; i < num; i++) out[i] = (i / div) * delta + start;
  } else {
    for (let i = 0; i < num; i++) out[i] = i * step + start;
  }
  out[num - 1] = stop;
  return out;
}

/** `torch.linspace(start, end, steps)`: the symmetric two-halves formula torch uses on CPU. */
export function torchLinspace(start: number, end: number, steps: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(steps);
  if (steps === 1) {
    out[0] = start;
    return out;
  }
  const step = (end - start) / (steps - 1);
  const halfway = Math.floor(steps / 2);
  for (let i = 0; i < steps; i++) {
    out[i] = i < halfway ? start + step * i : end - step * (steps - i - 1);
  }
  return out;
}

/** NumPy's `_lerp` (used by `np.percentile` with the linear method). */
export function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  if (t >= 0.5) return b - diff * (1 - t);
  return a + diff * t;
}

/**
 * `np.quantile(sorted, q)` with the default linear method, on an already ascending-sorted array
 * without NaN. `q` in [0, 1].
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const virtual = (n - 1) * q;
  const prev = Math.floor(virtual);
  const gamma = virtual - prev;
  const lo = Math.min(Math.max(prev, 0), n - 1);
  const hi = Math.min(Math.max(prev + 1, 0), n - 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return lerp(a, b, gamma);
}

/** `np.percentile(sorted, p)` (p in [0, 100]); NumPy divides by 100 first. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  return quantileSorted(sorted, p / 100);
}

/** `np.round` for scalars: round half to even. */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x);
  if (Math.abs(x - Math.trunc(x)) === 0.5) {
    // Math.round rounds .5 up; choose the even neighbour instead.
    const f = Math.floor(x);
    return f % 2 === 0 ? f : f + 1;
  }
  return r;
}

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Sequential sum (matches NumPy to within rounding of pairwise summation). */
export function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] as number;
  return s;
}

/** Kahan–Babuška (Neumaier) compensated sum, for long accumulations where rounding matters. */
export function neumaierSum(values: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const t = s + v;
    if (Math.abs(s) >= Math.abs(v)) c += s - t + v;
    else c += v - t + s;
    s = t;
  }
  return s + c;
}

/** Compensated accumulator object for streaming sums. */
export class CompensatedSum {
  private s = 0;
  private c = 0;
  add(v: number): void {
    const t = this.s + v;
    if (Math.abs(this.s) >= Math.abs(v)) this.c += this.s - t + v;
    else this.c += v - t + this.s;
    this.s = t;
  }
  get value(): number {
    return this.s + this.c;
  }
}

/** `np.polyval(coeffs, x)` (highest power first, Horner). */
export function polyval(coeffs: readonly number[], x: number): number {
  let y = 0;
  for (const c of coeffs) y = y * x + c;
  return y;
}

export function clip(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
