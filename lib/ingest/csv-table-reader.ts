/**
 * Turns CSV records into column builders: the first non-blank record is the header, every other
 * record one data row. Blank lines and rows of empty cells only are skipped (pandas skips the
 * former) but still count in row numbers. An unnamed first column counting rows (pandas' index)
 * is kept as "index"; other unnamed columns are dropped when empty and refused otherwise.
 * The first problem stops the read: a header that is not one (mostly numbers), duplicate names, a
 * one-column header that contains another delimiter, a row with the wrong number of values, a
 * cell over the length limit, too many rows or columns.
 */
import { ColumnBuilder } from "./column-builder";
import { numericStats } from "./column-stats";
import { delimiterName, likelyDelimiterIn } from "./detect-delimiter";
import { IngestError, listWords, quoteValue } from "./ingest-error";
import { type IngestLimits, cellTooLongError, formatCount, tooManyColumnsError, tooManyRowsError } from "./limits";
import type { MissingMatcher } from "./missing-values";
import { parseNumber } from "./parse-number";
import type { RawColumn } from "./raw-column";

/** "A", "B", ..., "Z", "AA": the spreadsheet letter of column `index` (0-based). */
export function columnLetter(index: number): string {
  let s = "";
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Columns and row numbering read from a CSV file. */
export interface CsvColumns {
  columns: RawColumn[];
  rowCount: number;
  /** Row number of the header (1 unless blank lines come first). */
  headerRow: number;
  /** Notes for the user. */
  warnings: string[];
  /** Set when blank lines made row numbers non-contiguous. */
  rowNumbers?: Int32Array;
}

/** Names for a file without a header: column_1, column_2, ... */
export function positionalNames(count: number): string[] {
  return Array.from({ length: count }, (_, j) => `column_${j + 1}`);
}

/** Accumulates records into columns (see the module comment). */
export class CsvTableReader {
  private names: string[] | null = null;
  private builders: ColumnBuilder[] = [];
  private rows = 0;
  private headerRow = 0;
  private rowNumbers: Int32Array | null = null;
  private readonly warnings: string[] = [];

  constructor(
    private readonly file: string,
    private readonly delimiter: string,
    private readonly limits: IngestLimits,
    private readonly missing: MissingMatcher,
    /** The file has no header: its first row is data and columns are named column_1, column_2, ... */
    private readonly firstRowIsData = false,
  ) {}

  /** Whether the header has been read. */
  get hasHeader(): boolean {
    return this.names !== null;
  }

  /** Column count once the header is read (else the column limit). */
  get columnCount(): number {
    return this.names === null ? this.limits.maxColumns : this.names.length;
  }

  /** Take a batch of records; `first` is the row number of `records[0]`. */
  readonly onRecords = (records: string[][], first: number): void => {
    const maxCell = this.limits.maxCellChars;
    for (let r = 0; r < records.length; r++) {
      const rec = records[r] as string[];
      const rowNo = first + r;
      if (rec.length === 1 && (rec[0] as string).trim() === "") continue;
      if (this.names === null) {
        if (!this.firstRowIsData) {
          this.setHeader(rec, rowNo);
          continue;
        }
        this.setHeader(positionalNames(rec.length), rowNo - 1);
      }
      const builders = this.builders;
      const names = this.names ?? [];
      // A row of empty cells only (",,,," as spreadsheets export below the data) carries nothing.
      if ((rec[0] as string).length === 0 && rec.length === builders.length && rec.every((c) => c.trim() === "")) continue;
      if (rec.length !== builders.length) throw this.raggedError(rec, rowNo);
      if (this.rows === this.limits.maxRows) throw tooManyRowsError(this.file, this.limits);
      for (let j = 0; j < rec.length; j++) {
        const cell = rec[j] as string;
        if (cell.length > maxCell) throw cellTooLongError(this.file, this.limits, rowNo, (names[j] as string) || undefined);
        (builders[j] as ColumnBuilder).push(cell);
      }
      this.trackRowNumber(rowNo);
      this.rows++;
    }
  };

  private trackRowNumber(rowNo: number): void {
    const expected = this.headerRow + 1 + this.rows;
    if (this.rowNumbers === null) {
      if (rowNo === expected) return;
      this.rowNumbers = new Int32Array(Math.max(1024, this.rows * 2));
      for (let i = 0; i < this.rows; i++) this.rowNumbers[i] = this.headerRow + 1 + i;
    }
    if (this.rows === this.rowNumbers.length) {
      const next = new Int32Array(this.rowNumbers.length * 2);
      next.set(this.rowNumbers);
      this.rowNumbers = next;
    }
    this.rowNumbers[this.rows] = rowNo;
  }

  private setHeader(rec: string[], rowNo: number): void {
    if (rec.length > this.limits.maxColumns) throw tooManyColumnsError(this.file, this.limits, rec.length);
    const names = rec.map((c) => c.trim());
    for (const n of names) if (n.length > this.limits.maxCellChars) throw cellTooLongError(this.file, this.limits, rowNo, undefined);
    if (names.length === 1) {
      const likely = likelyDelimiterIn(rec[0] as string, this.delimiter);
      if (likely !== undefined) {
        throw new IngestError({
          code: "wrong_delimiter",
          file: this.file,
          row: rowNo,
          problem: `The header reads as one single column, ${quoteValue(names[0] as string, 60)}: the values seem to be separated by ${delimiterName(likely)}, not ${delimiterName(this.delimiter)}.`,
          fix: `Choose ${delimiterName(likely)} as the delimiter (or let it be detected), or save the file again with commas.`,
        });
      }
    }
    const seen = new Map<string, number>();
    const dups: string[] = [];
    for (const n of names) {
      if (n === "") continue;
      const c = (seen.get(n) ?? 0) + 1;
      seen.set(n, c);
      if (c === 2) dups.push(n);
    }
    // Repeated names that are all numbers ("0,1,0"): the first row is data, not a header that names columns twice.
    if (dups.length > 0 && dups.every((d) => Number.isFinite(parseNumber(d)))) throw this.noHeaderError(names, rowNo);
    if (dups.length > 0) {
      throw new IngestError({
        code: "duplicate_columns",
        file: this.file,
        row: rowNo,
        problem: `The header names ${dups.length === 1 ? "a column" : "columns"} more than once: ${listWords(dups.map((d) => `"${d}"`))}.`,
        fix: "Give every column its own name, or delete the repeated column.",
      });
    }
    this.names = names;
    this.headerRow = rowNo;
    this.builders = names.map((n) => new ColumnBuilder(n, this.missing));
  }

  private raggedError(rec: string[], rowNo: number): IngestError {
    const n = this.builders.length;
    if (rec.some((c) => c.indexOf("\n") !== -1)) {
      return new IngestError({
        code: "unbalanced_quotes",
        file: this.file,
        row: rowNo,
        problem: "A quote (\") in this row opens a value that runs over the following lines, so the row does not fit the header.",
        fix: 'Close the quote, or write a quote inside a quoted value as two quotes (""), then upload the file again.',
      });
    }
    const more = rec.length > n;
    return new IngestError({
      code: "ragged_row",
      file: this.file,
      row: rowNo,
      problem: `This row has ${formatCount(rec.length)} values but the header has ${formatCount(n)} columns.`,
      fix: more
        ? `Remove the extra values, or put values that contain ${delimiterName(this.delimiter)} in double quotes.`
        : "Add the missing values (leave a cell empty between two delimiters rather than dropping it).",
    });
  }

  /**
   * A header whose names are numbers over numeric columns is a data row: the file has no header.
   * Whole numbers from 1800 to 2200 are allowed as names (years, as in wide tables).
   */
  private checkHeaderIsNotData(columns: RawColumn[]): void {
    if (this.firstRowIsData) return;
    const names = this.names ?? [];
    const suspicious: number[] = [];
    names.forEach((n, j) => {
      const v = parseNumber(n);
      if (n === "" || !Number.isFinite(v)) return;
      if (Number.isInteger(v) && v >= 1800 && v <= 2200) return;
      suspicious.push(j);
    });
    if (suspicious.length === 0) return;
    const allNumericBelow = suspicious.every((j) => columns[j]?.storage === "numeric");
    if (!allNumericBelow && suspicious.length <= names.length / 2) return;
    throw this.noHeaderError(names, this.headerRow);
  }

  private noHeaderError(names: readonly string[], row: number): IngestError {
    return new IngestError({
      code: "no_header",
      file: this.file,
      row,
      problem: `The first row looks like data (${listWords(names.slice(0, 4).map((n) => quoteValue(n, 20)), 4)}), not column names.`,
      fix: 'Add a header row with a name for each column as the first line of the file, or say that the first row is data ("First row is data" on the upload form; header=none in the API).',
    });
  }

  /** The finished columns; refuses an empty file, a header without rows and unnamed columns with data. */
  finish(): CsvColumns {
    if (this.names === null) {
      throw new IngestError({ code: "empty_file", file: this.file, problem: "The file is empty: it has no header and no rows.", fix: "Export the data again and check that the file is not empty." });
    }
    if (this.rows === 0) {
      throw new IngestError({
        code: "header_only",
        file: this.file,
        problem: `The file has a header (${listWords(this.names.slice(0, 5).map((n) => `"${n}"`), 5)}) but no data rows.`,
        fix: "Add the data rows under the header, or check that the whole sheet was exported.",
      });
    }
    const finished = this.builders.map((b) => b.finish());
    this.checkHeaderIsNotData(finished);
    const columns: RawColumn[] = [];
    const taken = new Set(finished.map((c) => c.name));
    finished.forEach((col, j) => {
      if (col.name !== "") {
        columns.push(col);
        return;
      }
      if (col.storage === "numeric") {
        const stats = numericStats(col.values);
        if (stats.count === 0) return; // a trailing delimiter: an unnamed column with no values is dropped
        if (j === 0 && stats.countsUpByOne && (stats.min === 0 || stats.min === 1)) {
          // pandas' to_csv writes its row index as a first column without a name
          let name = "index";
          for (let k = 1; taken.has(name); k++) name = `index_${k}`;
          taken.add(name);
          columns.push({ ...col, name });
          this.warnings.push(`The first column has no name and counts the rows (a pandas index); it is kept as "${name}".`);
          return;
        }
      }
      throw new IngestError({
        code: "unnamed_column",
        file: this.file,
        row: this.headerRow,
        problem: `Column ${j + 1} (${columnLetter(j)}) has values but no name in the header.`,
        fix: "Give the column a name in the header row, or delete it.",
      });
    });
    const out: CsvColumns = { columns, rowCount: this.rows, headerRow: this.headerRow, warnings: this.warnings };
    if (this.rowNumbers !== null) out.rowNumbers = this.rowNumbers.slice(0, this.rows);
    return out;
  }
}
