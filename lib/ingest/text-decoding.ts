/**
 * Bytes to text for delimited files, chunk by chunk.
 *
 * - The first bytes are sniffed: a byte-order mark picks UTF-8 (the mark is dropped) or UTF-16;
 *   known binary formats (Excel, zip, gzip, PDF, Parquet) and other binary data are refused with
 *   an error saying what the file seems to be.
 * - `encoding: "auto"` (the default) reads UTF-8. When an invalid UTF-8 byte comes before any
 *   non-ASCII character, the file is read as Windows-1252 (Latin-1, what Excel on Windows writes
 *   for "CSV (Comma delimited)") and a warning says so; when it comes after valid UTF-8 text the
 *   file mixes encodings and is refused with the row of the bad byte.
 */
import { IngestError } from "./ingest-error";

/** Encodings we read; "auto" is UTF-8 with the Windows-1252 fallback described above. */
export type TextEncodingOption = "auto" | "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

/** The encoding actually used. */
export type TextEncoding = Exclude<TextEncodingOption, "auto">;

const SNIFF_BYTES = 4096;
const NON_ASCII = /[^\x00-\x7f]/;

/** Row number (as a spreadsheet shows it) of the text position just after `textBefore` in the current chunk. */
export type RowLocator = (textBefore: string) => number;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Refuse known binary formats and binary data, naming what the file seems to be. */
export function sniffBinary(bytes: Uint8Array, file: string): void {
  const known: [readonly number[], string, string][] = [
    [[0x50, 0x41, 0x52, 0x31], "This is a Parquet file, not CSV text.", "Give it a .parquet name and upload it again."],
    [[0x50, 0x4b, 0x03, 0x04], "This is an Excel workbook or a zip archive, not CSV text.", 'Open it in Excel and save it as "CSV UTF-8" (File > Save As), or unzip it first.'],
    [[0xd0, 0xcf, 0x11, 0xe0], "This is an old Excel workbook (.xls), not CSV text.", 'Open it in Excel and save it as "CSV UTF-8" (File > Save As).'],
    [[0x1f, 0x8b], "This file is compressed (gzip), not CSV text.", "Decompress it first and upload the .csv file inside."],
    [[0x25, 0x50, 0x44, 0x46], "This is a PDF document, not CSV text.", "Export the data as CSV from the program that made the PDF."],
  ];
  for (const [magic, problem, fix] of known) {
    if (startsWith(bytes, magic)) throw new IngestError({ code: "unsupported_format", file, problem, fix });
  }
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) {
      control = n;
      break;
    }
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (n > 0 && control / n > 0.01) {
    throw new IngestError({
      code: "binary_file",
      file,
      problem: "This is not a text file: it contains binary data.",
      fix: 'Upload the data as CSV (in Excel: File > Save As > "CSV UTF-8") or as Parquet.',
    });
  }
}

/** Index of the first byte that makes `bytes` invalid UTF-8, or -1 (an incomplete sequence at the end is not an error). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return -1;
      const c = bytes[i + k] as number;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Windows-1252 code points of bytes 0x80-0x9F (WHATWG encoding standard); other bytes map to themselves. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Windows-1252 to text. Done by hand because some runtimes (Node 20) decode the "windows-1252"
 * label as ISO-8859-1, which turns 0x80 into a control character instead of the euro sign.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const codes = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    codes[i] = b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] as number) : b;
  }
  let out = "";
  for (let off = 0; off < codes.length; off += 8192) out += String.fromCharCode(...codes.subarray(off, off + 8192));
  return out;
}

/** Decodes a delimited file chunk by chunk (see the module comment). */
export class TextChunkDecoder {
  /** The encoding in use (known after the first chunk). */
  encoding: TextEncoding = "utf-8";
  /** Whether the file started with a byte-order mark (dropped). */
  bom = false;
  /** Notes for the user (e.g. the Windows-1252 fallback). */
  readonly warnings: string[] = [];
  private decoder: TextDecoder | null = null;
  private started = false;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private sawNonAscii = false;
  private tail: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly file: string,
    private readonly option: TextEncodingOption,
    private readonly locate: RowLocator,
  ) {}

  /** Text of the next chunk ("" while the first bytes are still being sniffed). */
  push(chunk: Uint8Array): string {
    if (!this.started) {
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      if (this.pendingBytes < SNIFF_BYTES) return "";
      return this.start(false);
    }
    return this.decode(chunk, false);
  }

  /** Text of whatever is left at the end of the input. */
  end(): string {
    if (!this.started) return this.start(true);
    return this.decode(new Uint8Array(0), true);
  }

  private start(final: boolean): string {
    const all = new Uint8Array(this.pendingBytes);
    let off = 0;
    for (const p of this.pending) {
      all.set(p, off);
      off += p.length;
    }
    this.pending = [];
    let body = all;
    let enc: TextEncoding = this.option === "auto" ? "utf-8" : this.option;
    if (startsWith(all, [0xef, 0xbb, 0xbf])) {
      this.bom = true;
      if (this.option === "auto") enc = "utf-8";
      body = all.subarray(3);
    } else if (startsWith(all, [0xff, 0xfe]) || startsWith(all, [0xfe, 0xff])) {
      this.bom = true;
      enc = all[0] === 0xff ? "utf-16le" : "utf-16be";
      body = all.subarray(2);
    }
    if (enc !== "utf-16le" && enc !== "utf-16be") sniffBinary(body, this.file);
    this.encoding = enc;
    this.started = true;
    this.decoder = enc === "windows-1252" ? null : new TextDecoder(enc, { fatal: enc === "utf-8", ignoreBOM: true });
    return this.decode(body, final);
  }

  private decode(chunk: Uint8Array, final: boolean): string {
    if (this.encoding === "windows-1252") return decodeWindows1252(chunk);
    const decoder = this.decoder as TextDecoder;
    if (this.encoding !== "utf-8") return decoder.decode(chunk, { stream: !final });
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: !final });
    } catch {
      return this.recover(chunk);
    }
    if (!this.sawNonAscii && (NON_ASCII.test(text) || this.hasHighTail(chunk))) this.sawNonAscii = true;
    this.tail = chunk.length >= 3 ? chunk.subarray(chunk.length - 3) : chunk;
    return text;
  }

  private hasHighTail(chunk: Uint8Array): boolean {
    for (let i = Math.max(0, chunk.length - 3); i < chunk.length; i++) if ((chunk[i] as number) >= 0x80) return true;
    return false;
  }

  /** Invalid UTF-8 in this chunk: fall back to Windows-1252 if nothing non-ASCII came before, else refuse. */
  private recover(chunk: Uint8Array): string {
    const bad = firstInvalidUtf8(chunk);
    const at = bad < 0 ? chunk.length : bad;
    const prefix = new TextDecoder("utf-8").decode(chunk.subarray(0, at));
    const canFallBack = this.option === "auto" && !this.sawNonAscii && !NON_ASCII.test(prefix);
    if (canFallBack) {
      this.encoding = "windows-1252";
      this.decoder = null;
      this.warnings.push(
        'The file is not UTF-8 text; it was read as Windows-1252 (Latin-1), the encoding Excel on Windows uses for "CSV (Comma delimited)". Check that accented letters look right.',
      );
      return decodeWindows1252(chunk);
    }
    const byte = chunk[at] ?? this.tail[0] ?? 0;
    throw new IngestError({
      code: "invalid_encoding",
      file: this.file,
      row: this.locate(prefix),
      problem: `The file is not valid UTF-8 text: byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} cannot be read${
        this.sawNonAscii || NON_ASCII.test(prefix) ? ", after other lines that are UTF-8, so the file mixes two encodings" : ""
      }.`,
      fix: 'Save the file as "CSV UTF-8" (in Excel: File > Save As > CSV UTF-8) and upload it again.',
    });
  }
}
