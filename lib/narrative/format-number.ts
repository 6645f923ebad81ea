// Numbers in words' company: few decimals, but never so few that rounding moves a number onto (or across) a
// value it is compared with (a floor, a threshold, the other side of a change). Pure.

/**
 * The fewest decimals, from `base` up, at which `value` still shows on the same side of each of `against`, and
 * differs from it when both are shown (a value just below a floor must not print as the floor; "from 85.31% to
 * 85.29%", not "from 85.3% to 85.3%"). Works on the shown scale (`value` already scaled).
 */
export function decimalsFor(value: number, base: number, against: readonly number[] = []): number {
  let decimals = base;
  while (decimals < 12) {
    const shown = Number(value.toFixed(decimals));
    // Strictly on the same side, and not shown as the same number as the value it is compared with.
    const keepsSides = against.every(
      (a) => a === value || !Number.isFinite(a) || ((value < a ? shown < a : shown > a) && shown !== Number(a.toFixed(decimals))),
    );
    if (keepsSides) break;
    decimals++;
  }
  return decimals;
}

function stripZeros(text: string): string {
  if (!text.includes(".")) return text;
  return text.replace(/\.?0+$/, "");
}

function noNegativeZero(text: string): string {
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** Thousands separated the en-US way, with exactly `decimals` decimals. */
function grouped(value: number, decimals: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });
}

/** A plain number: 3 decimals below 10, 2 below 100, none above; more when needed to stay on the right side of `against`. */
export function formatNumber(value: number, against?: number | readonly number[]): string {
  const list = against === undefined ? [] : typeof against === "number" ? [against] : against;
  const base = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 2 : 3;
  return value.toFixed(decimalsFor(value, base, list));
}

/** A share (0.853) as a percentage ("85.3%"): one decimal, trailing zeros dropped, more decimals when needed. */
export function formatPercent(share: number, against: readonly number[] = []): string {
  const value = share * 100;
  const decimals = decimalsFor(value, 1, against.map((a) => a * 100));
  return `${noNegativeZero(stripZeros(value.toFixed(decimals)))}%`;
}

/** A ratio as a bare number ("0.62"); the caller adds "times". */
export function formatRatio(ratio: number, against: readonly number[] = []): string {
  return noNegativeZero(stripZeros(ratio.toFixed(decimalsFor(ratio, 2, against))));
}

/** A score without a unit (log loss 0.352). */
export function formatScore(value: number, against: readonly number[] = []): string {
  return noNegativeZero(stripZeros(value.toFixed(decimalsFor(value, 3, against))));
}

const PREFIX_UNITS = new Set(["$", "€", "£", "¥", "₹"]);

/** An amount in the target's unit: "$1,234", "3.4 days", "12.5" (no unit given). */
export function formatAmount(value: number, unit?: string, against: readonly number[] = []): string {
  const size = Math.abs(value);
  const base = size >= 100 ? 0 : size >= 10 ? 1 : 2;
  const text = noNegativeZero(stripZeros(grouped(value, decimalsFor(value, base, against))));
  if (!unit) return text;
  if (PREFIX_UNITS.has(unit)) return text.startsWith("-") ? `-${unit}${text.slice(1)}` : `${unit}${text}`;
  return `${text} ${unit}`;
}

/** A count of rows: "1,234". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}
