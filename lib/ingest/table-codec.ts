/**
 * The stored columnar copy of a dataset: `encodeTable(table)` gives bytes, `decodeTable(bytes)`
 * the table back. Layout (little-endian):
 *
 * ```
 * 0   "SLTB"                      magic
 * 4   u32                         header length H in bytes
 * 8   header (UTF-8 JSON)         version, file, format, rowCount, row numbering, and per column
 *                                 name, kind, storage ("float64" | "int32"), byte offset, dictionary
 * ... zero padding to 8 bytes, then each column buffer at an 8-byte aligned offset
 * ```
 *
 * Decoding returns typed-array views on the given bytes (no copy) when they sit on 8-byte aligned
 * memory, which holds for bytes read from a file or a fresh `Uint8Array`; otherwise it copies.
 * The views share memory with `bytes`: do not modify them while the table is in use. The header
 * is validated with zod and every code is checked against its dictionary, so a damaged file gives
 * an {@link IngestError} (`invalid_table`) rather than wrong numbers.
 */
import { z } from "zod";
import { IngestError } from "./ingest-error";
import { type Column, type Table, COLUMN_KINDS, isNumericStorage } from "./table";

const MAGIC = [0x53, 0x4c, 0x54, 0x42]; // "SLTB"
const VERSION = 1;

const bufferRef = z.object({ offset: z.number().int().nonnegative(), length: z.number().int().nonnegative() });
const columnSchema = z.object({
  name: z.string(),
  kind: z.enum(COLUMN_KINDS as [string, ...string[]]),
  storage: z.enum(["float64", "int32"]),
  offset: z.number().int().nonnegative(),
  dictionary: z.array(z.string()).optional(),
  booleanText: z.object({ true: z.string(), false: z.string() }).optional(),
});
const headerSchema = z.object({
  version: z.literal(VERSION),
  file: z.string(),
  format: z.enum(["csv", "parquet", "json"]),
  rowCount: z.number().int().nonnegative(),
  firstRowNumber: z.number().int(),
  rowNumbers: bufferRef.optional(),
  columns: z.array(columnSchema),
});
type Header = z.infer<typeof headerSchema>;

const align8 = (n: number): number => (n + 7) & ~7;

function littleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

/** Encode a table as bytes (see the module comment for the layout). */
export function encodeTable(table: Table): Uint8Array {
  if (!littleEndian()) throw new Error("encodeTable needs a little-endian platform.");
  const n = table.rowCount;
  const header: Header = {
    version: VERSION,
    file: table.file,
    format: table.format,
    rowCount: n,
    firstRowNumber: table.firstRowNumber,
    columns: [],
  };
  // Offsets depend on the header length, which depends on the offsets: lay out relative to the data start first.
  let rel = 0;
  const placed: { col: Column; rel: number }[] = [];
  for (const col of table.columns) {
    placed.push({ col, rel });
    rel = align8(rel + n * (isNumericStorage(col) ? 8 : 4));
  }
  const rowNumbersRel = table.rowNumbers === undefined ? -1 : rel;
  if (table.rowNumbers !== undefined) rel = align8(rel + n * 4);
  const dataBytes = rel;

  let dataStart = 0;
  let json = "";
  for (;;) {
    header.columns = placed.map(({ col, rel: r }) => ({
      name: col.name,
      kind: col.kind,
      storage: isNumericStorage(col) ? ("float64" as const) : ("int32" as const),
      offset: dataStart + r,
      ...(isNumericStorage(col) ? {} : { dictionary: [...col.dictionary] }),
      ...(isNumericStorage(col) && col.booleanText !== undefined ? { booleanText: { ...col.booleanText } } : {}),
    }));
    if (rowNumbersRel >= 0) header.rowNumbers = { offset: dataStart + rowNumbersRel, length: n };
    json = JSON.stringify(header);
    const needed = align8(8 + new TextEncoder().encode(json).length);
    if (needed <= dataStart) break; // offsets only grow, so this ends after a few rounds
    dataStart = needed;
  }
  const headerBytes = new TextEncoder().encode(json);
  const out = new Uint8Array(dataStart + dataBytes);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  for (const { col, rel: r } of placed) {
    const src = isNumericStorage(col) ? col.values : col.codes;
    out.set(new Uint8Array(src.buffer, src.byteOffset, n * src.BYTES_PER_ELEMENT), dataStart + r);
  }
  if (table.rowNumbers !== undefined && rowNumbersRel >= 0) {
    const src = table.rowNumbers;
    out.set(new Uint8Array(src.buffer, src.byteOffset, n * 4), dataStart + rowNumbersRel);
  }
  return out;
}

function damaged(file: string, why: string): IngestError {
  return new IngestError({ code: "invalid_table", file, problem: `The stored columnar copy is damaged: ${why}.`, fix: "Rebuild it from the original upload." });
}

function view<T extends Float64Array | Int32Array>(bytes: Uint8Array, offset: number, length: number, Ctor: { new (b: ArrayBufferLike, o: number, l: number): T; new (l: number): T; BYTES_PER_ELEMENT: number }): T {
  const abs = bytes.byteOffset + offset;
  if (abs % Ctor.BYTES_PER_ELEMENT === 0) return new Ctor(bytes.buffer, abs, length);
  const copy = new Ctor(length);
  new Uint8Array(copy.buffer).set(bytes.subarray(offset, offset + length * Ctor.BYTES_PER_ELEMENT));
  return copy;
}

/** Decode bytes made by {@link encodeTable}; `file` names the stored copy in errors. */
export function decodeTable(bytes: Uint8Array, file = "columnar copy"): Table {
  if (!littleEndian()) throw new Error("decodeTable needs a little-endian platform.");
  if (bytes.length < 8 || MAGIC.some((m, i) => bytes[i] !== m)) throw damaged(file, "it does not start with the SLTB mark");
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (8 + headerLength > bytes.length) throw damaged(file, "the header runs past the end");
  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(8, 8 + headerLength)));
  } catch {
    throw damaged(file, "the header is not valid JSON");
  }
  const parsed = headerSchema.safeParse(parsedJson);
  if (!parsed.success) throw damaged(file, `the header is invalid (${parsed.error.issues[0]?.message ?? "unknown"})`);
  const h = parsed.data;
  const n = h.rowCount;
  const columns: Column[] = h.columns.map((c) => {
    const width = c.storage === "float64" ? 8 : 4;
    if (c.offset + n * width > bytes.length) throw damaged(file, `column "${c.name}" runs past the end`);
    const numericKind = c.kind === "numeric" || c.kind === "boolean" || c.kind === "datetime";
    if (numericKind !== (c.storage === "float64")) throw damaged(file, `column "${c.name}" has kind ${c.kind} with ${c.storage} storage`);
    if (c.storage === "float64") {
      const values = view(bytes, c.offset, n, Float64Array);
      return { name: c.name, kind: c.kind as "numeric" | "boolean" | "datetime", values, ...(c.booleanText === undefined ? {} : { booleanText: c.booleanText }) };
    }
    const dictionary = c.dictionary ?? [];
    const codes = view(bytes, c.offset, n, Int32Array);
    for (let i = 0; i < n; i++) {
      const k = codes[i] as number;
      if (k < -1 || k >= dictionary.length) throw damaged(file, `column "${c.name}" has a code outside its dictionary`);
    }
    return { name: c.name, kind: c.kind as "categorical" | "id", codes, dictionary };
  });
  const table: Table = { file: h.file, format: h.format, rowCount: n, columns, firstRowNumber: h.firstRowNumber };
  if (h.rowNumbers !== undefined) {
    if (h.rowNumbers.length !== n || h.rowNumbers.offset + n * 4 > bytes.length) throw damaged(file, "the row numbers do not fit");
    return { ...table, rowNumbers: view(bytes, h.rowNumbers.offset, n, Int32Array) };
  }
  return table;
}
