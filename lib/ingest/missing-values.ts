/**
 * Missing-value markers. A cell equal to one of them (after trimming spaces) is missing: `NaN` in
 * a numeric column, code -1 in a categorical one. The default list is pandas' `read_csv`
 * `na_values` (so data scientists get what they expect) plus `?`, which UCI data sets such as
 * Adult use. An empty cell is always missing, whatever the list. `NaN` spellings are markers, not numbers: metrics treat NaN as missing anyway.
 */

/** pandas' default NA strings plus "?". */
export const DEFAULT_MISSING_VALUES: readonly string[] = Object.freeze([
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null",
  "?",
]);

/** Fast membership test for markers (most cells start with a digit or letter no marker starts with). */
export class MissingMatcher {
  private readonly set: Set<string>;
  private readonly firstChar = new Uint8Array(65536);
  private readonly maxLength: number;

  constructor(markers: readonly string[] = DEFAULT_MISSING_VALUES) {
    const trimmed = markers.map((m) => m.trim());
    this.set = new Set(trimmed);
    let max = 0;
    for (const m of trimmed) {
      if (m.length === 0) continue;
      this.firstChar[m.charCodeAt(0)] = 1;
      if (m.length > max) max = m.length;
    }
    this.maxLength = max;
  }

  /** True when the (already trimmed) cell is a missing marker; an empty cell is always missing. */
  isMissing(cell: string): boolean {
    const n = cell.length;
    if (n === 0) return true;
    if (n > this.maxLength || this.firstChar[cell.charCodeAt(0)] === 0) return false;
    return this.set.has(cell);
  }
}
