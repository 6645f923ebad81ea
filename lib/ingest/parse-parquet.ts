/**
 * Parquet to a columnar table with hyparquet, from bytes in memory (Parquet needs random access:
 * its schema sits at the end of the file).
 *
 * Type mapping (Parquet -> our kind):
 * - BOOLEAN -> boolean;
 * - INT32, INT64, FLOAT, DOUBLE, DECIMAL, FLOAT16 -> numbers, then inferred like CSV numbers
 *   (0/1 may become boolean, unique integers named like an id become an id); an INT64 column with a
 *   value beyond 2^53 (where float64 loses digits, e.g. snowflake ids) is read as text;
 * - DATE, TIMESTAMP (milli/micro/nano), INT96 and the old TIMESTAMP_* annotations -> datetime (UTC);
 * - strings (UTF8/STRING, ENUM, plain BYTE_ARRAY, UUID) -> through the same cell reader as CSV, so
 *   missing markers, number detection and inference are identical;
 * - nested columns (lists, maps, structs), JSON, BSON, intervals, geometry -> refused, naming the
 *   column. Compression: none, snappy, gzip, brotli, zstd, LZ4 and LZ4_RAW (parquet-codecs.ts); LZO is refused.
 *   Before any page is decompressed, each page's declared size must fit the values it declares, and all pages together
 *   may take at most {@link maxDecompressedBytes} (four times the upload limit) once decompressed.
 * Row numbers in errors count data rows from 1.
 */
import { type FileMetaData, type SchemaTree, parquetMetadata, parquetRead, parquetSchema } from "hyparquet";
import { type BuildOptions, buildTable } from "./build-table";
import { type ByteInput, readAllBytes } from "./byte-input";
import { ColumnBuilder } from "./column-builder";
import { IngestError, listWords } from "./ingest-error";
import { type IngestLimits, LIMIT_ENV_VARS, formatBytes, resolveLimits, tooManyColumnsError, tooManyRowsError } from "./limits";
import { MissingMatcher } from "./missing-values";
import { PARQUET_DECOMPRESSORS, READABLE_CODECS, isDenseCodec } from "./parquet-codecs";
import { ThriftReader, intField, structField } from "./thrift-compact";
import type { FileDetails, IngestResult } from "./ingest-result";
import type { RawColumn } from "./raw-column";

/** Options of {@link parseParquet}. */
export interface ParquetOptions extends BuildOptions {
  file: string;
  /** Markers applied to string columns; default {@link DEFAULT_MISSING_VALUES}. */
  missingValues?: readonly string[];
  limits?: Partial<IngestLimits>;
}

const MAGIC = [0x50, 0x41, 0x52, 0x31];
const TWO_53 = 2 ** 53;

type Mapping = "boolean" | "number" | "bigint" | "datetime" | "text";

function hasMagic(bytes: Uint8Array, at: number): boolean {
  for (let i = 0; i < 4; i++) if (bytes[at + i] !== MAGIC[i]) return false;
  return true;
}

function unsupported(file: string, column: string, what: string): IngestError {
  return new IngestError({
    code: "unsupported_parquet",
    file,
    column,
    problem: `This column holds ${what}, which Sightline cannot use as a model input or label.`,
    fix: "Drop the column or flatten it into plain columns (numbers, text, dates) before saving the file.",
  });
}

function mappingOf(node: SchemaTree, file: string): Mapping {
  const el = node.element;
  const name = el.name;
  if (node.children.length > 0 || el.repetition_type === "REPEATED") return fail("a nested value (a list, map or struct)");
  const lt = el.logical_type?.type;
  const ct = el.converted_type;
  if (lt === "DATE" || lt === "TIMESTAMP" || ct === "DATE" || ct === "TIMESTAMP_MILLIS" || ct === "TIMESTAMP_MICROS" || el.type === "INT96") return "datetime";
  if (lt === "TIME" || ct === "TIME_MILLIS" || ct === "TIME_MICROS") return fail("times of day without a date");
  if (lt === "JSON" || ct === "JSON" || lt === "BSON" || ct === "BSON") return fail("JSON documents");
  if (lt === "INTERVAL" || ct === "INTERVAL") return fail("time intervals");
  if (lt === "GEOMETRY" || lt === "GEOGRAPHY") return fail("geometries");
  if (lt === "VARIANT") return fail("variant values");
  if (ct === "DECIMAL" || lt === "DECIMAL" || lt === "FLOAT16") return "number";
  switch (el.type) {
    case "BOOLEAN":
      return "boolean";
    case "INT32":
    case "FLOAT":
    case "DOUBLE":
      return "number";
    case "INT64":
      return "bigint";
    case "BYTE_ARRAY":
    case "FIXED_LEN_BYTE_ARRAY":
      return "text";
    default:
      return fail("values of an unknown type");
  }
  function fail(what: string): never {
    throw unsupported(file, name, what);
  }
}

/** Metadata of a Parquet file, or the error saying what is wrong with it. */
function readMetadata(bytes: Uint8Array, file: string): FileMetaData {
  if (bytes.length === 0) {
    throw new IngestError({ code: "empty_file", file, problem: "The file is empty (0 bytes).", fix: "Export the data again and check that the file is not empty." });
  }
  if (bytes.length < 4 || !hasMagic(bytes, 0)) {
    const text = bytes.subarray(0, 256).every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 128);
    throw new IngestError({
      code: "invalid_parquet",
      file,
      problem: `This is not a Parquet file: it does not start with the Parquet mark "PAR1"${text ? " and looks like text" : ""}.`,
      fix: text ? "If it is CSV, give it a .csv name and upload it again." : "Export the data again as Parquet or CSV.",
    });
  }
  if (bytes.length < 12 || !hasMagic(bytes, bytes.length - 4)) {
    throw new IngestError({
      code: "truncated_parquet",
      file,
      problem: "The Parquet file is incomplete: its end, where Parquet keeps the list of columns, is missing. The upload or the export may have been cut off.",
      fix: "Export the file again and upload the complete file.",
    });
  }
  try {
    return parquetMetadata(bytes);
  } catch (e) {
    throw new IngestError({
      code: "invalid_parquet",
      file,
      problem: `The Parquet file is damaged: its column list cannot be read (${e instanceof Error ? e.message : String(e)}).`,
      fix: "Export the file again and upload it.",
    });
  }
}

function footerError(file: string, what: string): IngestError {
  return new IngestError({
    code: "invalid_parquet_footer",
    file,
    problem: `The Parquet file's footer (where it lists its columns, rows and where their data lies) does not fit the file: ${what}. The file is damaged or was not written by a Parquet library.`,
    fix: "Export the data again with pandas, pyarrow, polars or DuckDB and upload that file, or upload it as CSV.",
  });
}

/**
 * The footer's declared rows, columns and offsets, checked against the limits and the file's own size before any
 * page is decoded: a 25 KB file may not declare millions of rows it does not hold, or data 10 GB into itself.
 */
function checkFooter(metadata: FileMetaData, fileBytes: number, limits: IngestLimits, file: string): void {
  const dataEnd = BigInt(fileBytes - 8 - metadata.metadata_length); // the footer follows the column data
  const leaves = metadata.schema.filter((el) => !el.num_children).length;
  if (metadata.schema.length - 1 > limits.maxColumns * 4 || leaves > limits.maxColumns) {
    throw tooManyColumnsError(file, limits, Math.max(leaves, metadata.schema.length - 1));
  }
  const rows = metadata.num_rows;
  if (rows < 0n) throw footerError(file, `it declares ${rows} rows, a negative number`);
  if (rows > BigInt(limits.maxRows)) throw tooManyRowsError(file, limits);
  let sum = 0n;
  for (const [g, rg] of metadata.row_groups.entries()) {
    const where = `row group ${g + 1}`;
    if (rg.num_rows < 0n) throw footerError(file, `${where} declares ${rg.num_rows} rows, a negative number`);
    sum += rg.num_rows;
    if (rg.columns.length !== leaves) throw footerError(file, `${where} has data for ${rg.columns.length} columns, the schema lists ${leaves}`);
    for (const cc of rg.columns) {
      const meta = cc.meta_data;
      const column = meta?.path_in_schema.join(".") ?? "?";
      if (!meta) throw footerError(file, `${where} has no description of column "${column}"`);
      if (cc.file_path) throw footerError(file, `column "${column}" keeps its data in another file (${JSON.stringify(cc.file_path).slice(0, 80)})`);
      if (meta.num_values < 0n) throw footerError(file, `column "${column}" declares ${meta.num_values} values, a negative number`);
      if (meta.num_values < rg.num_rows) {
        throw footerError(file, `${where} declares ${rg.num_rows.toLocaleString("en-US")} rows but column "${column}" holds only ${meta.num_values.toLocaleString("en-US")} values`);
      }
      const start = meta.dictionary_page_offset !== undefined && meta.dictionary_page_offset > 0n ? meta.dictionary_page_offset : meta.data_page_offset;
      for (const [name, offset] of [["data", meta.data_page_offset], ["dictionary", meta.dictionary_page_offset], ["index", meta.index_page_offset]] as const) {
        if (offset === undefined || (name !== "data" && offset === 0n)) continue;
        if (offset < 4n || offset >= dataEnd) {
          throw footerError(file, `the ${name} pages of column "${column}" are said to start at byte ${offset.toLocaleString("en-US")}, outside the file's ${fileBytes.toLocaleString("en-US")} bytes of data`);
        }
      }
      if (meta.total_compressed_size < 0n || start + meta.total_compressed_size > dataEnd) {
        throw footerError(file, `column "${column}" declares ${meta.total_compressed_size.toLocaleString("en-US")} bytes from byte ${start.toLocaleString("en-US")}, past the end of the file's data`);
      }
    }
  }
  if (sum !== rows) throw footerError(file, `it declares ${rows.toLocaleString("en-US")} rows in all but its row groups hold ${sum.toLocaleString("en-US")}`);
}

/** Snappy turns 3 bytes into at most 64: a page can never grow more than this when it is decompressed. */
const MAX_EXPANSION = 22n;
const MAX_PAGES_PER_CHUNK = 100_000;
/** Bytes a page may add to its values: levels, run headers, encoding overhead. */
const PAGE_SLACK = 1024n;
const VALUE_SLACK = 16n;

/**
 * The most bytes all pages of one file may take once decompressed: four times the upload limit (800 MB by default).
 * A file past it would not fit the memory of the process that checks files anyway; this says so before trying.
 */
export function maxDecompressedBytes(limits: Pick<IngestLimits, "maxBytes">): number {
  return 4 * limits.maxBytes;
}

/** The most bytes one value of this physical type can take in a decompressed page (its encoding aside). */
function maxValueBytes(type: string, limits: IngestLimits): bigint {
  switch (type) {
    case "BOOLEAN":
      return 1n;
    case "INT32":
    case "FLOAT":
      return 4n;
    case "INT64":
    case "DOUBLE":
      return 8n;
    case "INT96":
      return 12n;
    default:
      // text: a 4-byte length, then at most 4 bytes of UTF-8 per character of the longest cell allowed
      return 4n + 4n * BigInt(limits.maxCellChars);
  }
}

/** Refuses a codec Sightline cannot read (LZO, or a code it does not know), naming the column. */
function checkCodecs(metadata: FileMetaData, file: string): void {
  for (const rg of metadata.row_groups) {
    for (const cc of rg.columns) {
      const codec = cc.meta_data?.codec;
      if (codec !== undefined && !READABLE_CODECS.has(codec)) {
        throw new IngestError({
          code: "unsupported_parquet",
          file,
          column: cc.meta_data?.path_in_schema.join(".") ?? "",
          problem: `The file is compressed with ${String(codec)}, which Sightline cannot read (it reads Parquet with no compression, snappy, gzip, brotli, zstd or LZ4).`,
          fix: 'Save it again with another compression (pandas and pyarrow use snappy by default, polars zstd; in polars: write_parquet(path, compression="zstd")), or upload CSV.',
        });
      }
    }
  }
}

function decompressedTooLarge(file: string, limits: IngestLimits, declared: bigint): IngestError {
  return new IngestError({
    code: "file_too_large",
    file,
    problem: `Once decompressed, the file's data would take ${formatBytes(Number(declared))}, more than the ${formatBytes(maxDecompressedBytes(limits))} Sightline reads from one file (four times the upload limit).`,
    fix: `Split it into smaller files (for example one per week), or ask your administrator to raise ${LIMIT_ENV_VARS.maxBytes}.`,
  });
}

/**
 * Walks the page headers of every column chunk (a few bytes each; no page is decompressed or decoded): each page
 * lies inside its chunk, its declared decompressed size is one its compressed bytes can give (snappy, none) or its
 * values can fill (gzip, brotli, zstd, LZ4, which may shrink data a thousandfold), all pages together stay under
 * {@link maxDecompressedBytes}, a dictionary holds no more values than its bytes, and the data pages hold at least the
 * rows the footer declares.
 */
function checkPages(metadata: FileMetaData, bytes: Uint8Array, limits: IngestLimits, file: string): void {
  const budget = BigInt(maxDecompressedBytes(limits));
  let total = 0n;
  for (const rg of metadata.row_groups) {
    for (const cc of rg.columns) {
      const meta = cc.meta_data!;
      const column = meta.path_in_schema.join(".");
      const dense = isDenseCodec(meta.codec);
      const perValue = maxValueBytes(meta.type, limits) + VALUE_SLACK;
      const first = meta.dictionary_page_offset !== undefined && meta.dictionary_page_offset > 0n ? meta.dictionary_page_offset : meta.data_page_offset;
      const end = Number(first + meta.total_compressed_size);
      let pos = Number(first);
      let values = 0n;
      for (let pages = 0; pos < end; pages++) {
        if (pages >= MAX_PAGES_PER_CHUNK) throw footerError(file, `column "${column}" is cut into more than ${MAX_PAGES_PER_CHUNK.toLocaleString("en-US")} pages`);
        const reader = new ThriftReader(bytes, pos, end);
        let header;
        try {
          header = reader.struct();
        } catch (e) {
          throw footerError(file, `the page header of column "${column}" at byte ${pos.toLocaleString("en-US")} cannot be read (${e instanceof Error ? e.message : String(e)})`);
        }
        const type = intField(header, 1);
        const uncompressed = intField(header, 2);
        const compressed = intField(header, 3);
        const at = `a page of column "${column}" (at byte ${pos.toLocaleString("en-US")})`;
        if (type === undefined || uncompressed === undefined || compressed === undefined || uncompressed < 0n || compressed < 0n) {
          throw footerError(file, `${at} has no valid type or size`);
        }
        if (BigInt(reader.offset) + compressed > BigInt(end)) {
          throw footerError(file, `${at} declares ${compressed.toLocaleString("en-US")} bytes, past the end of the column's data`);
        }
        if (!dense && uncompressed > compressed * MAX_EXPANSION + PAGE_SLACK) {
          throw footerError(file, `${at} claims to hold ${uncompressed.toLocaleString("en-US")} bytes once decompressed, impossible for its ${compressed.toLocaleString("en-US")} compressed bytes`);
        }
        let count: bigint | undefined;
        if (type === 2n) {
          count = intField(structField(header, 7), 1) ?? -1n;
          if (count < 0n || count > uncompressed) {
            throw footerError(file, `the dictionary of column "${column}" declares ${count.toLocaleString("en-US")} values in ${uncompressed.toLocaleString("en-US")} bytes`);
          }
        } else if (type === 0n || type === 3n) {
          count = intField(structField(header, type === 0n ? 5 : 8), 1) ?? -1n;
          if (count < 0n) throw footerError(file, `${at} declares no valid number of values`);
          values += count;
        }
        if (dense && uncompressed > (count ?? 0n) * perValue + PAGE_SLACK) {
          throw footerError(
            file,
            `${at} claims to hold ${uncompressed.toLocaleString("en-US")} bytes once decompressed, more than its ${(count ?? 0n).toLocaleString("en-US")} values can take (at most ${((count ?? 0n) * perValue + PAGE_SLACK).toLocaleString("en-US")} bytes)`,
          );
        }
        total += uncompressed;
        if (total > budget) throw decompressedTooLarge(file, limits, total);
        pos = reader.offset + Number(compressed);
      }
      if (values < rg.num_rows) {
        throw footerError(file, `column "${column}" declares ${rg.num_rows.toLocaleString("en-US")} rows but its pages hold ${values.toLocaleString("en-US")} values`);
      }
    }
  }
}

/**
 * Parse a Parquet file into a table with inferred kinds and suggested roles. Throws an
 * {@link IngestError} at the first problem.
 */
export async function parseParquet(input: ByteInput, options: ParquetOptions): Promise<IngestResult> {
  const file = options.file;
  const limits = resolveLimits(options.limits);
  const bytes = await readAllBytes(input, file, limits);
  const metadata = readMetadata(bytes, file);
  checkFooter(metadata, bytes.length, limits, file);
  checkCodecs(metadata, file);
  checkPages(metadata, bytes, limits, file);
  let tree: SchemaTree;
  try {
    tree = parquetSchema(metadata);
  } catch (e) {
    throw footerError(file, `its list of columns is inconsistent (${e instanceof Error ? e.message : String(e)})`);
  }
  const nodes = tree.children;
  if (nodes.length > limits.maxColumns) throw tooManyColumnsError(file, limits, nodes.length);
  const rowCount = Number(metadata.num_rows);
  const names = nodes.map((n) => n.element.name);
  const seen = new Set<string>();
  const dups = names.filter((n) => (seen.has(n) ? true : (seen.add(n), false)));
  if (dups.length > 0) {
    throw new IngestError({ code: "duplicate_columns", file, problem: `The file names columns more than once: ${listWords([...new Set(dups)].map((d) => `"${d}"`))}.`, fix: "Give every column its own name." });
  }
  if (nodes.length === 0 || rowCount === 0) {
    throw new IngestError({
      code: nodes.length === 0 ? "empty_file" : "header_only",
      file,
      problem: nodes.length === 0 ? "The Parquet file has no columns." : `The Parquet file has columns (${listWords(names.slice(0, 5).map((n) => `"${n}"`), 5)}) but no rows.`,
      fix: "Export the data again and check that the table is not empty.",
    });
  }
  const mappings = nodes.map((n) => mappingOf(n, file));

  const chunks: { rowStart: number; data: ArrayLike<unknown> }[][] = names.map(() => []);
  const index = new Map(names.map((n, i) => [n, i]));
  try {
    await parquetRead({
      file: { byteLength: bytes.byteLength, slice: (s, e) => bytes.buffer.slice(bytes.byteOffset + s, bytes.byteOffset + (e ?? bytes.byteLength)) as ArrayBuffer },
      metadata,
      compressors: PARQUET_DECOMPRESSORS,
      utf8: true,
      parsers: {
        timestampFromMilliseconds: (v: bigint) => Number(v),
        timestampFromMicroseconds: (v: bigint) => Number(v / 1000n),
        timestampFromNanoseconds: (v: bigint) => Number(v / 1000000n),
        dateFromDays: (d: number) => d * 86_400_000,
      },
      onChunk: (chunk) => {
        const k = index.get(chunk.columnName);
        if (k !== undefined) (chunks[k] as { rowStart: number; data: ArrayLike<unknown> }[]).push({ rowStart: chunk.rowStart, data: chunk.columnData as ArrayLike<unknown> });
      },
    });
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError({
      code: "invalid_parquet",
      file,
      problem: `The Parquet file is damaged: its data cannot be read (${e instanceof Error ? e.message : String(e)}).`,
      fix: "Export the file again and upload it.",
    });
  }

  const missing = new MissingMatcher(options.missingValues);
  const raw: RawColumn[] = names.map((name, k) => {
    const parts = (chunks[k] as { rowStart: number; data: ArrayLike<unknown> }[]).sort((a, b) => a.rowStart - b.rowStart);
    return toRawColumn(name, mappings[k] as Mapping, parts, rowCount, missing, limits, file);
  });
  const { table, schema } = buildTable(raw, { file, format: "parquet", rowCount, firstRowNumber: 1 }, options);
  const details: FileDetails = { format: "parquet", bytes: bytes.length };
  return { table, schema, details };
}

function toRawColumn(
  name: string,
  mapping: Mapping,
  parts: readonly { rowStart: number; data: ArrayLike<unknown> }[],
  rowCount: number,
  missing: MissingMatcher,
  limits: IngestLimits,
  file: string,
): RawColumn {
  const cell = (i: number, v: unknown): never => {
    throw new IngestError({ code: "invalid_parquet", file, row: i + 1, column: name, problem: `A value of an unexpected type (${typeof v}) was found.`, fix: "Export the file again and upload it." });
  };
  if (mapping === "text" || (mapping === "bigint" && parts.some((p) => someBeyond53(p.data)))) {
    const b = new ColumnBuilder(name, missing, rowCount);
    for (const p of parts) {
      for (let j = 0; j < p.data.length; j++) {
        const v = p.data[j];
        if (v === null || v === undefined) b.push("");
        else if (typeof v === "string") {
          if (v.length > limits.maxCellChars) throw new IngestError({ code: "cell_too_long", file, row: p.rowStart + j + 1, column: name, problem: `A value is longer than ${limits.maxCellChars} characters, the limit for one cell.`, fix: "Shorten it, or ask your administrator to raise SIGHTLINE_MAX_CELL_CHARS." });
          b.push(v);
        } else if (typeof v === "bigint" || typeof v === "number") b.push(String(v));
        else if (v instanceof Uint8Array) b.push(Array.from(v, (x) => x.toString(16).padStart(2, "0")).join(""));
        else cell(p.rowStart + j, v);
      }
    }
    return b.finish();
  }
  const values = new Float64Array(rowCount).fill(Number.NaN);
  let firstInfinite: { index: number; text: string } | undefined;
  for (const p of parts) {
    for (let j = 0; j < p.data.length; j++) {
      const i = p.rowStart + j;
      if (i >= rowCount) break;
      const v = p.data[j];
      let x: number;
      if (v === null || v === undefined) continue;
      if (typeof v === "number") x = v;
      else if (typeof v === "bigint") x = Number(v);
      else if (typeof v === "boolean") x = v ? 1 : 0;
      else if (v instanceof Date) x = v.getTime();
      else return cell(i, v);
      if (x - x !== 0 && !Number.isNaN(x) && firstInfinite === undefined) firstInfinite = { index: i, text: String(x) };
      values[i] = x;
    }
  }
  const fixedKind = mapping === "boolean" ? "boolean" : mapping === "datetime" ? "datetime" : "numeric";
  return { name, storage: "numeric", values, fixedKind, ...(firstInfinite === undefined ? {} : { firstInfinite }) };
}

function someBeyond53(data: ArrayLike<unknown>): boolean {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (typeof v === "bigint" && (v > BigInt(TWO_53) || v < -BigInt(TWO_53))) return true;
  }
  return false;
}
