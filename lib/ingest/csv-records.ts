/**
 * Splits streamed CSV text into records with papaparse, one chunk at a time: the incomplete last
 * record of a chunk is carried into the next one. Line ends are normalised first (`\r\n` and a lone
 * `\r` become `\n`, also inside quoted values), so files mixing line ends read fine. Records are
 * numbered from 1 as a spreadsheet numbers rows (blank lines count; a quoted value spanning lines
 * stays one record).
 *
 * Quote problems stop the parse with the row where the bad quote opens: a quoted value still open
 * at the end of the file, a closing quote followed by something other than the delimiter or the
 * line end, or an open quote that has swallowed more text than any legitimate record can hold.
 */
import { IngestError } from "./ingest-error";
import { createPapaParser, type PapaParser } from "./papa-parser";

/** Receives each batch of complete records; `firstRecord` is the row number of `records[0]`. */
export type RecordSink = (records: string[][], firstRecord: number) => void;

function quoteError(file: string, row: number, unclosed: boolean): IngestError {
  return new IngestError({
    code: "unbalanced_quotes",
    file,
    row,
    problem: unclosed
      ? "A quote (\") opens a value in this row and is never closed, so the rest of the file would be read as one value."
      : "A quoted value in this row is not closed properly: after the closing quote (\") there must be the delimiter or the end of the line.",
    fix: 'Close the quote, or write a quote inside a quoted value as two quotes (""), then upload the file again.',
  });
}

/** Incremental record splitter over papaparse's parser. */
export class CsvRecordSplitter {
  private readonly parser: PapaParser;
  private carry = "";
  private pendingCr = false;
  private records = 0;

  /**
   * @param maxRecordChars the longest record that can be legitimate; an open quote that carries
   * more than this is reported as unbalanced.
   */
  constructor(
    delimiter: string,
    private readonly file: string,
    private readonly sink: RecordSink,
    private readonly maxRecordChars: number,
  ) {
    this.parser = createPapaParser(delimiter);
  }

  /** Number of records emitted so far (the header and blank lines included). */
  get recordCount(): number {
    return this.records;
  }

  /** Feed the next piece of text. */
  push(text: string): void {
    this.run(this.normalize(text, false), false);
  }

  /** Flush the last record at the end of the input. */
  end(): void {
    this.run(this.normalize("", true), true);
  }

  private normalize(text: string, final: boolean): string {
    let t = text;
    if (this.pendingCr) {
      t = `\r${t}`;
      this.pendingCr = false;
    }
    if (t.indexOf("\r") === -1) return t;
    if (!final && t.charCodeAt(t.length - 1) === 13) {
      this.pendingCr = true;
      t = t.slice(0, -1);
    }
    return t.replace(/\r\n?/g, "\n");
  }

  private run(text: string, final: boolean): void {
    const input = this.carry.length === 0 ? text : this.carry + text;
    if (input.length === 0) return;
    // A final "\n" ends the last record; papaparse would otherwise add an empty record after it.
    const body = final && input.charCodeAt(input.length - 1) === 10 ? input.slice(0, -1) : input;
    const result = this.parser.parse(body, 0, !final);
    const data = result.data;
    for (const e of result.errors) {
      if (e.row < data.length || final) throw quoteError(this.file, this.records + e.row + 1, e.code === "MissingQuotes");
    }
    if (final) {
      this.carry = "";
    } else {
      this.carry = body.slice(result.meta.cursor);
      if (this.carry.length > this.maxRecordChars) {
        const row = this.records + data.length + 1;
        if (this.carry.indexOf('"') !== -1) throw quoteError(this.file, row, true);
        this.records += data.length;
        if (data.length > 0) this.sink(data, this.records - data.length + 1);
        throw new IngestError({
          code: "cell_too_long",
          file: this.file,
          row,
          problem: `This row is longer than ${this.maxRecordChars.toLocaleString("en-US")} characters without a line end.`,
          fix: "Check that the file is a CSV file with one record per line.",
        });
      }
    }
    if (data.length === 0) return;
    const first = this.records + 1;
    this.records += data.length;
    this.sink(data, first);
  }
}
