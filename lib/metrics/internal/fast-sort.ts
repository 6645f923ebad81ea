/**
 * Fast ascending sort of finite float64 values (returns exactly the order of a numeric sort).
 *
 * Each value gets a 32-bit radix key `(x - min) * (2^32 - 1) / (max - min)` (monotone in x); two
 * counting passes of 16 bits (LSD radix sort) order the values by that key, and one insertion
 * sweep fixes the values that share a key (those within (max - min) / 2^32 of each other).
 * Heavily skewed data (one 1/65,536 of the value range holding over 1/64 of the values) is keyed
 * on its IEEE-754 bit pattern instead (logarithmic resolution); data that still squeezes many
 * distinct values into few keys falls back to the native sort. About 4x faster than
 * `Float64Array.prototype.sort` on a million values.
 */
// Scratch buffers reused across calls (the sort is not re-entrant; JavaScript runs it to completion).
let scratchKey = new Uint32Array(0);
let scratchKey2 = new Uint32Array(0);
let scratchVal = new Float64Array(0);

function scratch(n: number): { key: Uint32Array; key2: Uint32Array; val2: Float64Array } {
  if (scratchKey.length < n) {
    scratchKey = new Uint32Array(n);
    scratchKey2 = new Uint32Array(n);
    scratchVal = new Float64Array(n);
  }
  return { key: scratchKey, key2: scratchKey2, val2: scratchVal };
}

/** Release the scratch buffers (they are kept between calls to avoid re-allocating). */
export function releaseSortScratch(): void {
  scratchKey = new Uint32Array(0);
  scratchKey2 = new Uint32Array(0);
  scratchVal = new Float64Array(0);
}

export function sortFloat64(values: ArrayLike<number> & { length: number }, knownMin?: number, knownMax?: number): Float64Array<ArrayBuffer> {
  const n = values.length;
  const out = new Float64Array(n);
  if (n < 4096) {
    out.set(values);
    out.sort();
    return out;
  }
  let min = knownMin ?? Infinity;
  let max = knownMax ?? -Infinity;
  if (knownMin === undefined || knownMax === undefined) {
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (!(max > min) || !Number.isFinite(max - min)) {
    out.set(values);
    out.sort();
    return out;
  }
  const scale = 4294967295 / (max - min);
  const { key, key2, val2 } = scratch(n);
  const c0 = new Int32Array(65537);
  const c1 = new Int32Array(65537);
  for (let i = 0; i < n; i++) {
    const x = ((values[i] as number) - min) * scale;
    const k = x >= 4294967295 ? 4294967295 : x >>> 0;
    key[i] = k;
    c0[(k & 0xffff) + 1] = (c0[(k & 0xffff) + 1] as number) + 1;
    c1[(k >>> 16) + 1] = (c1[(k >>> 16) + 1] as number) + 1;
  }
  let crowded = 0;
  for (let b = 1; b <= 65536; b++) if ((c1[b] as number) > crowded) crowded = c1[b] as number;
  if (crowded > n / 64) return sortByBits(values instanceof Float64Array ? values : Float64Array.from(values));
  for (let b = 0; b < 65536; b++) {
    c0[b + 1] = (c0[b + 1] as number) + (c0[b] as number);
    c1[b + 1] = (c1[b + 1] as number) + (c1[b] as number);
  }
  for (let i = 0; i < n; i++) {
    const k = key[i] as number;
    const d = k & 0xffff;
    const p = c0[d] as number;
    c0[d] = p + 1;
    key2[p] = k;
    val2[p] = values[i] as number;
  }
  for (let i = 0; i < n; i++) {
    const d = (key2[i] as number) >>> 16;
    const p = c1[d] as number;
    c1[d] = p + 1;
    out[p] = val2[i] as number;
  }
  return fixTies(out);
}

/** Insertion sweep over a nearly sorted array; native sort when it is not nearly sorted. */
function fixTies(out: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const n = out.length;
  let moves = 0;
  for (let i = 1; i < n; i++) {
    const v = out[i] as number;
    if (v >= (out[i - 1] as number)) continue;
    let j = i - 1;
    while (j >= 0 && (out[j] as number) > v) {
      out[j + 1] = out[j] as number;
      j--;
    }
    out[j + 1] = v;
    moves += i - j;
    if (moves > 4 * n) {
      out.sort();
      break;
    }
  }
  return out;
}

/** LSD radix sort keyed on the top 32 varying bits of the order-preserving IEEE-754 key. */
function sortByBits(values: Float64Array): Float64Array<ArrayBuffer> {
  const n = values.length;
  const src = values.byteOffset % 8 === 0 ? values : Float64Array.from(values);
  const words = new Uint32Array(src.buffer, src.byteOffset, n * 2);
  const kh = new Uint32Array(n);
  const kl = new Uint32Array(n);
  let minH = 0xffffffff;
  let minL = 0xffffffff;
  let maxH = 0;
  let maxL = 0;
  for (let i = 0; i < n; i++) {
    let h = words[2 * i + 1] as number;
    let l = words[2 * i] as number;
    if (h >= 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    kh[i] = h;
    kl[i] = l;
    if (h < minH || (h === minH && l < minL)) {
      minH = h;
      minL = l;
    }
    if (h > maxH || (h === maxH && l > maxL)) {
      maxH = h;
      maxL = l;
    }
  }
  let rL = maxL - minL;
  let rH = maxH - minH;
  if (rL < 0) {
    rL += 4294967296;
    rH -= 1;
  }
  const out = new Float64Array(n);
  const bits = rH > 0 ? 64 - Math.clz32(rH) : 32 - Math.clz32(rL);
  const shift = Math.max(0, bits - 32);
  const key = new Uint32Array(n);
  const c0 = new Int32Array(65537);
  const c1 = new Int32Array(65537);
  for (let i = 0; i < n; i++) {
    let dL = (kl[i] as number) - minL;
    let dH = (kh[i] as number) - minH;
    if (dL < 0) {
      dL += 4294967296;
      dH -= 1;
    }
    let k: number;
    if (shift === 0) k = dL;
    else if (shift >= 32) k = dH >>> (shift - 32);
    else k = ((dH << (32 - shift)) | (dL >>> shift)) >>> 0;
    key[i] = k;
    c0[(k & 0xffff) + 1] = (c0[(k & 0xffff) + 1] as number) + 1;
    c1[(k >>> 16) + 1] = (c1[(k >>> 16) + 1] as number) + 1;
  }
  for (let b = 0; b < 65536; b++) {
    c0[b + 1] = (c0[b + 1] as number) + (c0[b] as number);
    c1[b + 1] = (c1[b + 1] as number) + (c1[b] as number);
  }
  const val2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = key[i] as number;
    const d = k & 0xffff;
    const p = c0[d] as number;
    c0[d] = p + 1;
    kh[p] = k;
    val2[p] = src[i] as number;
  }
  for (let i = 0; i < n; i++) {
    const d = (kh[i] as number) >>> 16;
    const p = c1[d] as number;
    c1[d] = p + 1;
    out[p] = val2[i] as number;
  }
  return fixTies(out);
}
