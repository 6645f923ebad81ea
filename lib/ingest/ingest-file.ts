/**
 * One entry point for an uploaded file: picks the reader from the content and the name. A file
 * that starts with the Parquet mark is read as Parquet whatever its name; `.json` is JSON rows;
 * Excel, zip and other known binary formats are refused with what to do; anything else is read as
 * delimited text (CSV, TSV, ...).
 */
import { type ByteInput, byteChunks, readAllBytes } from "./byte-input";
import { fileExtension, refuseUnreadableBytes, refuseUnreadableName } from "./file-format";
import { IngestError } from "./ingest-error";
import type { IngestResult } from "./ingest-result";
import { resolveLimits } from "./limits";
import { type CsvOptions, parseCsv } from "./parse-csv";
import { parseJsonRows } from "./parse-json-rows";
import { parseParquet } from "./parse-parquet";

/** Options of {@link ingestFile}: the CSV options (the Parquet and JSON readers use the ones that apply). */
export interface IngestFileOptions extends Omit<CsvOptions, "file"> {
  /** Force a reader instead of detecting it. */
  format?: "csv" | "parquet" | "json";
}

const PAR1 = [0x50, 0x41, 0x52, 0x31];

/** The first chunk of a stream and a stream that replays it, so content can be sniffed without buffering the file. */
async function peek(input: Exclude<ByteInput, string>): Promise<{ head: Uint8Array; rest: AsyncIterable<Uint8Array>; close: () => Promise<unknown> }> {
  const it = byteChunks(input);
  const first = await it.next();
  const head = first.done === true ? new Uint8Array(0) : first.value;
  async function* replay(): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head;
    for (;;) {
      const r = await it.next();
      if (r.done === true) return;
      yield r.value;
    }
  }
  return { head, rest: replay(), close: () => it.return(undefined) };
}

/** Parse an uploaded file (CSV/TSV, Parquet or JSON rows) into a table with inferred kinds and suggested roles. */
export async function ingestFile(file: string, data: ByteInput, options: IngestFileOptions = {}): Promise<IngestResult> {
  const ext = fileExtension(file);
  if (options.format === undefined) refuseUnreadableName(file);
  let input: ByteInput = data;
  let isParquet = options.format === "parquet" || (options.format === undefined && (ext === "parquet" || ext === "pq"));
  if (typeof data !== "string") {
    // Workbooks, archives and PDFs are refused by their first bytes whatever their name (a renamed .xlsx).
    const { head, rest, close } = await peek(data);
    try {
      refuseUnreadableBytes(head, file);
    } catch (e) {
      await close(); // release the source (e.g. an open file) before the caller discards it
      throw e;
    }
    if (options.format === undefined && !isParquet) isParquet = head.length >= 4 && PAR1.every((b, i) => head[i] === b);
    input = rest;
  }
  if (isParquet) return parseParquet(input, { ...options, file });
  if (options.format === "json" || (options.format === undefined && ext === "json")) {
    const limits = resolveLimits(options.limits);
    const bytes = await readAllBytes(input, file, limits);
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch (e) {
      throw new IngestError({
        code: "unsupported_format",
        file,
        problem: `The file is not valid JSON (${e instanceof Error ? e.message : String(e)}).`,
        fix: "Send a JSON array of row objects, or upload the data as CSV.",
      });
    }
    const result = parseJsonRows(value, { ...options, file });
    return { ...result, details: { ...result.details, bytes: bytes.length } };
  }
  return parseCsv(input, { ...options, file });
}
