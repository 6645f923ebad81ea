/**
 * mulberry32: a 32-bit-state PRNG by Tommy Ettinger (public domain), returning floats in [0, 1).
 * Small, fast and identical on every platform (integer arithmetic only), which is what the
 * byte-for-byte reproducible demo needs; not for cryptography.
 */
export type Random = () => number;

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates shuffle of 0..n-1. */
export function shuffledIndices(n: number, random: Random): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = order[i] as number;
    order[i] = order[j] as number;
    order[j] = tmp;
  }
  return order;
}

/**
 * Weighted sampling of `k` items without replacement (Efraimidis and Spirakis 2006): each item gets
 * the key u^(1/w) and the k largest keys win. Returns the chosen indices in ascending order.
 */
export function weightedSample(weights: ArrayLike<number>, k: number, random: Random): number[] {
  const keys: { index: number; key: number }[] = [];
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    const u = random();
    if (w > 0) keys.push({ index: i, key: Math.log(u) / w });
  }
  keys.sort((a, b) => b.key - a.key || a.index - b.index);
  return keys
    .slice(0, k)
    .map((e) => e.index)
    .sort((a, b) => a - b);
}
