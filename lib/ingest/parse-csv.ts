/**
 * CSV (and other delimited text) to a columnar table, streaming: bytes are decoded chunk by chunk,
 * split into records by papaparse's incremental parser, and appended to typed column buffers; no
 * per-row object outlives its chunk. Then kinds are inferred and roles suggested.
 *
 * Decisions (see also the modules named):
 * - Encoding (`text-decoding`): UTF-8; a UTF-8 byte-order mark is accepted and dropped; a file
 *   that is not UTF-8 from its first non-ASCII byte is read as Windows-1252, with a warning.
 * - Delimiter (`detect-delimiter`): detected among `,` `;` tab `|` unless given; a first line
 *   `sep=;` (as Excel writes) sets it. A header that reads as one column containing another
 *   delimiter is refused, naming that delimiter.
 * - Line ends: `\n`, `\r\n` and `\r`, mixed freely; a trailing line end or blank line is fine.
 * - Missing values (`missing-values`): empty cells and pandas' NA strings plus `?`.
 * - `NaN` spellings are missing; `inf`/`Infinity` in a numeric column is refused with its row and
 *   column (or missing with `infinity: "missing"`).
 * - Row numbers in errors are those a spreadsheet shows: the header is row 1.
 */
import { type BuildOptions, buildTable } from "./build-table";
import { type ByteInput, byteChunks } from "./byte-input";
import { CsvRecordSplitter } from "./csv-records";
import { CsvTableReader } from "./csv-table-reader";
import { type Delimiter, DELIMITERS, detectDelimiter } from "./detect-delimiter";
import { type IngestLimits, fileTooLargeError, resolveLimits } from "./limits";
import { MissingMatcher } from "./missing-values";
import type { FileDetails, IngestResult } from "./ingest-result";
import { TextChunkDecoder, type TextEncodingOption } from "./text-decoding";

/** Options of {@link parseCsv}. */
export interface CsvOptions extends BuildOptions {
  /** The file name, for messages. */
  file: string;
  /** Default "auto". */
  delimiter?: Delimiter | "auto";
  /** Default "auto" (UTF-8, Windows-1252 fallback). */
  encoding?: TextEncodingOption;
  /** Missing-value markers; default {@link DEFAULT_MISSING_VALUES}. An empty cell is always missing. */
  missingValues?: readonly string[];
  /** Limits; defaults {@link DEFAULT_LIMITS}. */
  limits?: Partial<IngestLimits>;
  /** The file has no header row: its first row is data, columns are named column_1, column_2, ... (default false) */
  firstRowIsData?: boolean;
}

const SAMPLE_CHARS = 64 * 1024;
const STRING_SLICE = 1 << 20;
const SEP_LINE = /^sep=(.)\r?\n/;

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

/** UTF-8 length of a string (without allocating). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Feeds text into the splitter, detecting the delimiter on the first 64 KB. */
class CsvTextPipeline {
  private sample = "";
  private splitter: CsvRecordSplitter | null = null;
  private reader: CsvTableReader | null = null;
  delimiter: Delimiter = ",";

  constructor(
    private readonly options: CsvOptions,
    private readonly limits: IngestLimits,
    private readonly missing: MissingMatcher,
  ) {}

  push(text: string, final: boolean): void {
    if (this.splitter === null) {
      this.sample += text;
      if (this.sample.length < SAMPLE_CHARS && !final) return;
      const sample = this.sample;
      this.sample = "";
      this.start(sample, final);
    } else if (text.length > 0) {
      this.splitter.push(text);
    }
    if (final) (this.splitter as CsvRecordSplitter).end();
  }

  private start(sample: string, final: boolean): void {
    let body = sample;
    let delimiter: Delimiter | undefined = this.options.delimiter === "auto" ? undefined : this.options.delimiter;
    const sep = SEP_LINE.exec(body);
    if (sep !== null && (DELIMITERS as readonly string[]).includes(sep[1] as string)) {
      delimiter ??= sep[1] as Delimiter;
      body = body.slice(sep[0].length);
    }
    this.delimiter = delimiter ?? detectDelimiter(body, final);
    const reader = new CsvTableReader(this.options.file, this.delimiter, this.limits, this.missing, this.options.firstRowIsData ?? false);
    const maxRecord = (this.limits.maxCellChars * 2 + 3) * this.limits.maxColumns + 1024;
    this.reader = reader;
    this.splitter = new CsvRecordSplitter(this.delimiter, this.options.file, reader.onRecords, maxRecord);
    this.splitter.push(body);
  }

  /** Row number at `textBefore` into the current chunk (for encoding errors). */
  locate(textBefore: string): number {
    const done = this.splitter?.recordCount ?? 0;
    return done + 1 + countNewlines(this.sample) + countNewlines(textBefore);
  }

  finish(): CsvTableReader {
    if (this.reader === null) this.push("", true);
    return this.reader as CsvTableReader;
  }
}

/**
 * Parse a delimited text file into a table with inferred kinds and suggested roles. Throws an
 * {@link IngestError} at the first problem; nothing half-built is returned.
 */
export async function parseCsv(input: ByteInput, options: CsvOptions): Promise<IngestResult> {
  const limits = resolveLimits(options.limits);
  const missing = new MissingMatcher(options.missingValues);
  const pipeline = new CsvTextPipeline(options, limits, missing);
  const details: FileDetails = { format: "csv", bytes: 0 };
  const warnings: string[] = [];

  if (typeof input === "string") {
    let text = input;
    if (text.charCodeAt(0) === 0xfeff) {
      text = text.slice(1);
      details.bom = true;
    }
    details.bytes = text.length > limits.maxBytes ? text.length : utf8Length(text);
    if (details.bytes > limits.maxBytes) throw fileTooLargeError(options.file, limits);
    for (let off = 0; off < text.length; off += STRING_SLICE) pipeline.push(text.slice(off, off + STRING_SLICE), false);
    pipeline.push("", true);
  } else {
    const decoder = new TextChunkDecoder(options.file, options.encoding ?? "auto", (before) => pipeline.locate(before));
    for await (const chunk of byteChunks(input)) {
      details.bytes += chunk.length;
      if (details.bytes > limits.maxBytes) throw fileTooLargeError(options.file, limits);
      const text = decoder.push(chunk);
      if (text.length > 0) pipeline.push(text, false);
    }
    pipeline.push(decoder.end(), true);
    details.encoding = decoder.encoding;
    details.bom = decoder.bom;
    warnings.push(...decoder.warnings);
  }
  const reader = pipeline.finish();
  details.delimiter = pipeline.delimiter;
  const read = reader.finish();
  warnings.push(...read.warnings);
  const firstRowNumber = read.headerRow + 1;
  const { table, schema } = buildTable(
    read.columns,
    {
      file: options.file,
      format: "csv",
      rowCount: read.rowCount,
      firstRowNumber,
      ...(read.rowNumbers === undefined ? {} : { rowNumbers: read.rowNumbers }),
    },
    options,
    warnings,
  );
  return { table, schema, details };
}
