/**
 * Seeded pseudo-random numbers: xoshiro128** 1.1 (Blackman & Vigna, 2018), a 32-bit generator
 * with 128 bits of state, seeded by expanding a 32-bit seed with SplitMix32. The same seed gives
 * the same stream on every platform (only 32-bit integer arithmetic via Math.imul is used).
 */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let x = seed >>> 0;
    const next = (): number => {
      // SplitMix32
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
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
    g.s0 = a >>> 0;
    g.s1 = b >>> 0;
    g.s2 = c >>> 0;
    g.s3 = d >>> 0;
    return g;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform integer in [0, n) (n <= 2^21 keeps the product exact; larger n up to 2^32 stays unbiased within 2^-53), unbiased (Lemire). */
  nextInt(n: number): number {
    if (n <= 1) return 0;
    // Lemire's nearly-divisionless method; x * n < 2^53 so the product is exact in a double.
    let m = this.nextUint32() * n;
    let lo = m % 4294967296;
    if (lo < n) {
      const t = (4294967296 - n) % n;
      while (lo < t) {
        m = this.nextUint32() * n;
        lo = m % 4294967296;
      }
    }
    return Math.floor(m / 4294967296);
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
