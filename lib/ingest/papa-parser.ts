/**
 * Typed access to papaparse's incremental `Parser` (the engine behind `Papa.parse` in chunk
 * mode), which we drive ourselves so that the input can be a web stream in any runtime.
 * `parse(text, 0, ignoreLastRow)` splits `text` into records; with `ignoreLastRow` the last,
 * possibly incomplete record is left out and `meta.cursor` says where it starts. When `text` has
 * no quote character papaparse takes its fast path (a plain split).
 */
import Papa from "papaparse";

/** One error papaparse reports (only quote errors are possible with our settings). */
export interface PapaError {
  code: string;
  /** Index, in this call's records, of the record the error belongs to. */
  row: number;
}

/** What one `parse` call returns. */
export interface PapaResult {
  data: string[][];
  errors: PapaError[];
  meta: { cursor: number };
}

/** An incremental papaparse parser with a fixed delimiter and "\n" line ends. */
export interface PapaParser {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): PapaResult;
}

/** A papaparse `Parser` for `delimiter`, records ending in "\n", `"` as quote and escape. */
export function createPapaParser(delimiter: string, preview = 0): PapaParser {
  const parser: { parse(input: string, baseIndex: number, ignoreLastRow: boolean): unknown } = new Papa.Parser({
    delimiter,
    newline: "\n",
    quoteChar: '"',
    escapeChar: '"',
    preview,
  });
  return { parse: (input, baseIndex, ignoreLastRow) => parser.parse(input, baseIndex, ignoreLastRow) as PapaResult };
}
