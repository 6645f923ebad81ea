/**
 * Seeded pseudo-random numbers: xoshiro128** 1.1 (Blackman & Vigna, 2018), a 32-bit generator
 * with 128 bits of state, seeded by expanding a 32-bit seed with SplitMix32. The same seed gives
 * the same stream on every platform (only 32-bit integer arithmetic via Math.imul is used; the
 * state is kept as signed 32-bit integers so V8 never boxes it).
 */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let x = seed | 0;
    const next = (): number => {
      // SplitMix32
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return z ^ (z >>> 16);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator with an explicit 128-bit state (for reference test vectors). */
  static fromState(a: number, b: number, c: number, d: number): Xoshiro128 {
    const g = new Xoshiro128(0);
    g.s0 = a | 0;
    g.s1 = b | 0;
    g.s2 = c | 0;
    g.s3 = d | 0;
    return g;
  }

  /** Next output as a signed 32-bit integer (same bits as {@link nextUint32}). */
  nextInt32(): number {
    const s1 = this.s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    const s3 = this.s3;
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    return this.nextInt32() >>> 0;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number {
    const hi = this.nextInt32() >>> 5; // 27 bits
    const lo = this.nextInt32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform integer in [0, n): exactly unbiased for 1 <= n <= 2^21 (Lemire), 53-bit doubles above. */
  nextInt(n: number): number {
    if (n <= 1) return 0;
    if (n > 2097152) return Math.floor(this.nextDouble() * n);
    // Lemire's nearly-divisionless method; r * n < 2^53 so the product is exact in a double,
    // and multiplying by 2^-32 is exact too.
    let m = (this.nextInt32() >>> 0) * n;
    let hi = (m * 2.3283064365386963e-10) | 0;
    let lo = m - hi * 4294967296;
    if (lo < n) {
      const t = (4294967296 - n) % n;
      while (lo < t) {
        m = (this.nextInt32() >>> 0) * n;
        hi = (m * 2.3283064365386963e-10) | 0;
        lo = m - hi * 4294967296;
      }
    }
    return hi;
  }
}
