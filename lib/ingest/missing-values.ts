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

/**
 * Fast membership test for markers: a bit mask per first character says which lengths a marker
 * starting with it has, so most cells are ruled out without a hash lookup.
 */
export class MissingMatcher {
  private readonly set: Set<string>;
  /** Bit k set: some marker of length k (k < 31) starts with this character; bit 31: a longer one. */
  private readonly lengths = new Uint32Array(65536);

  constructor(markers: readonly string[] = DEFAULT_MISSING_VALUES) {
    const trimmed = markers.map((m) => m.trim());
    this.set = new Set(trimmed);
    for (const m of trimmed) {
      if (m.length === 0) continue;
      const c = m.charCodeAt(0);
      this.lengths[c] = (this.lengths[c] as number) | (m.length < 31 ? 1 << m.length : 1 << 31);
    }
  }

  /** True when the (already trimmed) cell is a missing marker; an empty cell is always missing. */
  isMissing(cell: string): boolean {
    const n = cell.length;
    if (n === 0) return true;
    const mask = this.lengths[cell.charCodeAt(0)] as number;
    if (mask === 0 || (mask & (n < 31 ? 1 << n : 1 << 31)) === 0) return false;
    return this.set.has(cell);
  }
}
