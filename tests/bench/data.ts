/**
 * Bench data: a seeded generator for a reference and a drifted current window, and a small fast
 * CSV reader for `--data DIR` (DIR/reference.csv, DIR/current.csv in the same layout).
 * Layout: num_0..num_13 (float), cat_0..cat_5 (strings, 3-12 categories), label (0/1),
 * score (0..1), sex (2 values), age_band (4 values). Categorical columns are dictionary-encoded
 * to Int32Array codes while loading (missing = -1), as the app's ingest layer does.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Xoshiro128 } from "../../lib/metrics/uncertainty/prng";

export interface CodesColumn {
  codes: Int32Array;
  dictionary: string[];
}

export interface Window {
  rows: number;
  numeric: Record<string, Float64Array>;
  categorical: Record<string, CodesColumn>;
}

export const NUMERIC_COLUMNS = Array.from({ length: 14 }, (_, i) => `num_${i}`);
export const CATEGORICAL_COLUMNS = Array.from({ length: 6 }, (_, i) => `cat_${i}`);
export const CATEGORY_COUNTS = [3, 4, 5, 7, 9, 12];

function normal(rng: Xoshiro128): number {
  // Box-Muller
  const u = 1 - rng.nextDouble();
  const v = rng.nextDouble();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function pick(rng: Xoshiro128, cum: Float64Array): number {
  const u = rng.nextDouble();
  let k = 0;
  while (k < cum.length - 1 && u >= (cum[k] as number)) k++;
  return k;
}

function cumulative(weights: number[]): Float64Array {
  const s = weights.reduce((a, b) => a + b, 0);
  const out = new Float64Array(weights.length);
  let c = 0;
  weights.forEach((w, i) => {
    c += w / s;
    out[i] = c;
  });
  return out;
}

/** Generate one window; `drifted` shifts some distributions. */
export function generateWindow(rows: number, seed: number, drifted: boolean): Window {
  const rng = new Xoshiro128(seed);
  const numeric: Record<string, Float64Array> = {};
  const categorical: Record<string, CodesColumn> = {};
  NUMERIC_COLUMNS.forEach((name, j) => {
    const a = new Float64Array(rows);
    const shift = drifted && j % 3 === 0 ? 0.25 : 0;
    const scale = drifted && j % 4 === 1 ? 1.3 : 1;
    for (let i = 0; i < rows; i++) {
      let v = normal(rng) * scale + shift;
      if (j % 5 === 2) v = Math.exp(v * 0.5); // skewed column
      if (j % 7 === 6) v = Math.round(v * 100) / 100; // rounded: many ties
      if (j === 13 && rng.nextDouble() < 0.02) v = Number.NaN; // missing values
      a[i] = v;
    }
    numeric[name] = a;
  });
  CATEGORICAL_COLUMNS.forEach((name, j) => {
    const k = CATEGORY_COUNTS[j] as number;
    const weights = Array.from({ length: k }, (_, c) => 1 + c + (drifted && j % 2 === 0 && c === 0 ? k : 0));
    const cum = cumulative(weights);
    const codes = new Int32Array(rows);
    for (let i = 0; i < rows; i++) codes[i] = pick(rng, cum);
    categorical[name] = { codes, dictionary: Array.from({ length: k }, (_, c) => `${name}_v${c}`) };
  });
  const sexCum = cumulative([0.52, 0.48]);
  const ageCum = cumulative([0.2, 0.3, 0.3, 0.2]);
  const sex = new Int32Array(rows);
  const age = new Int32Array(rows);
  const label = new Float64Array(rows);
  const score = new Float64Array(rows);
  const num0 = numeric.num_0 as Float64Array;
  for (let i = 0; i < rows; i++) {
    sex[i] = pick(rng, sexCum);
    age[i] = pick(rng, ageCum);
    const logit = -0.8 + 0.9 * (num0[i] as number) + 0.3 * (sex[i] as number) - 0.2 * (age[i] as number) + normal(rng) * 0.8;
    const p = 1 / (1 + Math.exp(-logit));
    label[i] = rng.nextDouble() < p ? 1 : 0;
    const noisy = logit + normal(rng) * 0.6 + (drifted ? 0.15 : 0);
    score[i] = Math.round((1 / (1 + Math.exp(-noisy))) * 1e6) / 1e6; // model outputs ~6 decimals
  }
  numeric.label = label;
  numeric.score = score;
  categorical.sex = { codes: sex, dictionary: ["F", "M"] };
  categorical.age_band = { codes: age, dictionary: ["18-29", "30-44", "45-64", "65+"] };
  return { rows, numeric, categorical };
}

/** Read DIR/{name}.csv with the bench layout; categorical columns are dictionary-encoded. */
export function readWindow(dir: string, name: "reference" | "current"): Window {
  const text = readFileSync(join(dir, `${name}.csv`), "latin1");
  let pos = 0;
  const nextLineEnd = (): number => {
    const e = text.indexOf("\n", pos);
    return e === -1 ? text.length : e;
  };
  const headerEnd = nextLineEnd();
  const header = text.slice(0, headerEnd).replace(/\r$/, "").split(",").map((h) => h.trim().replace(/^"|"$/g, ""));
  pos = headerEnd + 1;
  const isNumeric = header.map((h) => h.startsWith("num_") || h === "label" || h === "score");
  // Count rows first to size the arrays.
  let rows = 0;
  for (let p = pos; p < text.length; ) {
    const e = text.indexOf("\n", p);
    const end = e === -1 ? text.length : e;
    if (end > p && !(end === p + 1 && text.charCodeAt(p) === 13)) rows++;
    p = end + 1;
  }
  const nums: (Float64Array | null)[] = header.map((_, j) => (isNumeric[j] ? new Float64Array(rows) : null));
  const codes: (Int32Array | null)[] = header.map((_, j) => (isNumeric[j] ? null : new Int32Array(rows)));
  const dicts: Map<string, number>[] = header.map(() => new Map<string, number>());
  let r = 0;
  while (pos < text.length && r < rows) {
    let col = 0;
    let start = pos;
    let i = pos;
    for (;;) {
      const ch = i < text.length ? text.charCodeAt(i) : 10;
      if (ch === 44 || ch === 10 || ch === 13) {
        let a = start;
        let b = i;
        if (b > a && text.charCodeAt(a) === 34 && text.charCodeAt(b - 1) === 34) {
          a++;
          b--;
        }
        const num = nums[col];
        if (num !== undefined && num !== null) {
          num[r] = b > a ? Number(text.slice(a, b)) : Number.NaN;
        } else {
          const c = codes[col];
          if (c !== undefined && c !== null) {
            if (b === a) c[r] = -1;
            else {
              const v = text.slice(a, b);
              const dict = dicts[col] as Map<string, number>;
              let k = dict.get(v);
              if (k === undefined) {
                k = dict.size;
                dict.set(v, k);
              }
              c[r] = k;
            }
          }
        }
        col++;
        if (ch !== 44) {
          i++;
          if (ch === 13 && i < text.length && text.charCodeAt(i) === 10) i++;
          break;
        }
        start = i + 1;
      }
      i++;
    }
    pos = i;
    r++;
  }
  const numeric: Record<string, Float64Array> = {};
  const categorical: Record<string, CodesColumn> = {};
  header.forEach((h, j) => {
    const num = nums[j];
    const c = codes[j];
    if (num) numeric[h] = num;
    else if (c) categorical[h] = { codes: c, dictionary: [...(dicts[j] as Map<string, number>).keys()] };
  });
  return { rows, numeric, categorical };
}

/** Write a window as DIR/{name}.csv in the bench layout (NaN and missing codes as empty fields). */
export function writeWindow(dir: string, name: "reference" | "current", w: Window): void {
  mkdirSync(dir, { recursive: true });
  const numericNames = Object.keys(w.numeric);
  const catNames = Object.keys(w.categorical);
  const header = [...NUMERIC_COLUMNS, ...CATEGORICAL_COLUMNS, "label", "score", "sex", "age_band"].filter(
    (h) => numericNames.includes(h) || catNames.includes(h),
  );
  const chunks: string[] = [header.join(",")];
  let lines: string[] = [];
  for (let i = 0; i < w.rows; i++) {
    const fields = header.map((h) => {
      const num = w.numeric[h];
      if (num !== undefined) {
        const v = num[i] as number;
        return Number.isNaN(v) ? "" : String(v);
      }
      const c = w.categorical[h] as CodesColumn;
      const k = c.codes[i] as number;
      return k < 0 ? "" : (c.dictionary[k] as string);
    });
    lines.push(fields.join(","));
    if (lines.length === 50000) {
      chunks.push(lines.join("\n"));
      lines = [];
    }
  }
  if (lines.length) chunks.push(lines.join("\n"));
  writeFileSync(join(dir, `${name}.csv`), chunks.join("\n") + "\n");
}
