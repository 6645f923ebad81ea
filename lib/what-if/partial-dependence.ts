// Partial dependence with ICE lines (individual conditional expectation): every base case is copied once per grid
// value of one input, the copies are scored in one batch, and each base case gives one line; their average is the
// partial dependence. Pure.
import type { WhatIfValue } from "@/lib/contracts/what-if";
import { evenlySpaced } from "./grid";

/** At most this many sample rows are swept (50 values x 200 rows = 10,000 cases in one call). */
export const PDP_MAX_ROWS = 200;
/** At most this many ICE lines are drawn (all of them count in the average and in the lowest and highest row of the table). */
export const PDP_MAX_DRAWN_LINES = 50;

/**
 * The batch: for each base case (in order), one copy per grid value with input `featureIndex` set to it.
 * Row `line * grid.length + g` is base case `line` at grid value `g`.
 */
export function pdpCases(bases: readonly (readonly WhatIfValue[])[], featureIndex: number, grid: readonly (number | string)[]): WhatIfValue[][] {
  const out: WhatIfValue[][] = [];
  for (const base of bases) {
    for (const v of grid) {
      const copy = base.slice();
      copy[featureIndex] = v;
      out.push(copy);
    }
  }
  return out;
}

/** The sample rows to sweep: at most `limit`, spread evenly over the sample. */
export function pdpRows<T>(rows: readonly T[], limit = PDP_MAX_ROWS): T[] {
  return evenlySpaced(rows.length, limit).map((i) => rows[i]!);
}

/** The batch's answers cut into one line per base case (`values[line * gridCount + g]`; null where none). */
export function iceLines(values: readonly (number | null)[], lineCount: number, gridCount: number): (number | null)[][] {
  return Array.from({ length: lineCount }, (_, l) => Array.from({ length: gridCount }, (_, g) => values[l * gridCount + g] ?? null));
}

/** The average of the lines at each grid value (the partial dependence), over the lines that have a value there. */
export function averageLine(lines: readonly (readonly (number | null)[])[]): (number | null)[] {
  const width = Math.max(0, ...lines.map((l) => l.length));
  return Array.from({ length: width }, (_, g) => {
    let sum = 0;
    let n = 0;
    for (const line of lines) {
      const v = line[g];
      if (v !== null && v !== undefined && Number.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    return n === 0 ? null : sum / n;
  });
}

/**
 * Which lines to draw when there are more than `max`: lines ranked by their mean and picked at evenly spaced ranks,
 * so the drawn ones keep the spread (the lowest and highest lines stay). Returns line indexes in ascending order.
 */
export function linesToDraw(lines: readonly (readonly (number | null)[])[], max = PDP_MAX_DRAWN_LINES): number[] {
  if (lines.length <= max) return lines.map((_, i) => i);
  const means = lines.map((line, index) => {
    const present = line.filter((v): v is number => v !== null && Number.isFinite(v));
    return { index, mean: present.length === 0 ? Number.NEGATIVE_INFINITY : present.reduce((a, b) => a + b, 0) / present.length };
  });
  means.sort((a, b) => a.mean - b.mean || a.index - b.index);
  return evenlySpaced(means.length, max)
    .map((rank) => means[rank]!.index)
    .sort((a, b) => a - b);
}

/** How much the average line moves: its lowest and highest points and where they are. Null without values. */
export function lineRange(line: readonly (number | null)[]): { min: number; minAt: number; max: number; maxAt: number } | null {
  let out: { min: number; minAt: number; max: number; maxAt: number } | null = null;
  line.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    if (out === null) out = { min: v, minAt: i, max: v, maxAt: i };
    else {
      if (v < out.min) out = { ...out, min: v, minAt: i };
      if (v > out.max) out = { ...out, max: v, maxAt: i };
    }
  });
  return out;
}
