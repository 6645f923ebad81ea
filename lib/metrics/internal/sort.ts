/**
 * Sorting helpers on typed arrays. `argsortFloat64` is a stable ascending argsort (equal keys keep
 * their input order, like NumPy's `kind="mergesort"`), implemented as an LSD radix sort on the
 * IEEE-754 bit pattern (4 passes of 16 bits) for large inputs. -0 sorts before +0 but compares
 * equal, which no caller distinguishes.
 */

const RADIX_MIN = 2048;

/** Stable ascending argsort of numbers without NaN (+-Infinity allowed). */
export function argsortFloat64(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (n < RADIX_MIN) {
    const v = values;
    const arr = Array.from(idx);
    arr.sort((a, b) => {
      const x = v[a] as number;
      const y = v[b] as number;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    for (let i = 0; i < n; i++) idx[i] = arr[i] as number;
    return idx;
  }
  const f = values instanceof Float64Array ? values : Float64Array.from(values);
  const u = new Uint32Array(f.buffer, f.byteOffset, n * 2);
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = u[2 * i + 1] as number;
    let l = u[2 * i] as number;
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    hi[i] = h;
    lo[i] = l;
  }
  let curIdx = idx;
  let tHi = new Uint32Array(n);
  let tLo = new Uint32Array(n);
  let tIdx = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const shift = (pass & 1) * 16;
    const useLo = pass < 2;
    const src = useLo ? lo : hi;
    count.fill(0);
    for (let i = 0; i < n; i++) {
      const d = ((src[i] as number) >>> shift) & 0xffff;
      count[d] = (count[d] as number) + 1;
    }
    // Skip passes where all keys share the digit.
    let nonEmpty = 0;
    for (let j = 0; j < 65536 && nonEmpty < 2; j++) if ((count[j] as number) > 0) nonEmpty++;
    if (nonEmpty < 2) continue;
    let total = 0;
    for (let j = 0; j < 65536; j++) {
      const c = count[j] as number;
      count[j] = total;
      total += c;
    }
    for (let i = 0; i < n; i++) {
      const d = ((src[i] as number) >>> shift) & 0xffff;
      const p = count[d] as number;
      count[d] = p + 1;
      tHi[p] = hi[i] as number;
      tLo[p] = lo[i] as number;
      tIdx[p] = curIdx[i] as number;
    }
    let s = hi;
    hi = tHi;
    tHi = s;
    s = lo;
    lo = tLo;
    tLo = s;
    s = curIdx;
    curIdx = tIdx;
    tIdx = s;
  }
  return curIdx;
}

/** Ascending numeric sort of a copy (NaN must be removed first). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(values);
  out.sort();
  return out;
}

/** Number of elements of ascending `sorted` that are `< x` (side "left") or `<= x` (side "right"). */
export function searchSorted(sorted: ArrayLike<number>, x: number, side: "left" | "right"): number {
  let lo = 0;
  let hi = sorted.length;
  if (side === "left") {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
  } else {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
  }
  return lo;
}
