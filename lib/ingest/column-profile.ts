/**
 * What the user is shown about each column before confirming roles: the kind and why, counts,
 * distinct values, range and the most frequent values.
 */
import { codeStats, numericStats } from "./column-stats";
import { type Column, type ColumnKind, cellText, isNumericStorage } from "./table";

/** A column's inferred (or declared) kind with the evidence. */
export interface ColumnProfile {
  name: string;
  kind: ColumnKind;
  /** Why this kind, in plain words (e.g. "unique per row and not numbers, so an id"). */
  reasons: string[];
  /** Non-missing values. */
  count: number;
  missing: number;
  distinct: number;
  /** Numeric, boolean and datetime columns (datetime: ms since 1970 UTC). */
  min?: number;
  max?: number;
  /** Datetime columns: the range as ISO 8601. */
  minIso?: string;
  maxIso?: string;
  /** Categorical and boolean columns: the 10 most frequent values. */
  topValues?: { value: string; count: number }[];
  /** Up to 5 distinct values, in row order (from the first 10,000 rows). */
  examples: string[];
}

const TOP = 10;
const EXAMPLE_SCAN = 10_000;

function examplesOf(column: Column): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const n = Math.min(EXAMPLE_SCAN, isNumericStorage(column) ? column.values.length : column.codes.length);
  for (let i = 0; i < n && out.length < 5; i++) {
    const s = cellText(column, i);
    if (s === "" || seen.has(s)) continue;
    seen.add(s);
    out.push(s);
  }
  return out;
}

/** Profile of a finished column. */
export function profileColumn(column: Column, reasons: string[]): ColumnProfile {
  const base = { name: column.name, kind: column.kind, reasons, examples: examplesOf(column) };
  if (isNumericStorage(column)) {
    const s = numericStats(column.values);
    const profile: ColumnProfile = { ...base, count: s.count, missing: s.missing, distinct: s.distinct };
    if (s.count > 0) {
      profile.min = s.min;
      profile.max = s.max;
      if (column.kind === "datetime") {
        profile.minIso = new Date(s.min).toISOString();
        profile.maxIso = new Date(s.max).toISOString();
      }
    }
    if (column.kind === "boolean") {
      let ones = 0;
      for (let i = 0; i < column.values.length; i++) if (column.values[i] === 1) ones++;
      profile.topValues = [
        { value: column.booleanText?.true ?? "true", count: ones },
        { value: column.booleanText?.false ?? "false", count: s.count - ones },
      ].sort((a, b) => b.count - a.count);
    }
    return profile;
  }
  const s = codeStats(column.codes, column.dictionary.length);
  const profile: ColumnProfile = { ...base, count: s.count, missing: s.missing, distinct: s.distinct };
  if (column.kind === "categorical") {
    const order = Array.from({ length: column.dictionary.length }, (_, k) => k)
      .filter((k) => (s.perCode[k] as number) > 0)
      .sort((a, b) => (s.perCode[b] as number) - (s.perCode[a] as number) || a - b)
      .slice(0, TOP);
    profile.topValues = order.map((k) => ({ value: column.dictionary[k] as string, count: s.perCode[k] as number }));
  }
  return profile;
}
