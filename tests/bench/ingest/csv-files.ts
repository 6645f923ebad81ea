/**
 * Seeded CSV files for the ingest benchmark, written chunk by chunk so that generating a
 * 1,000,000-row file never holds more than one chunk in memory (the benchmark's peak RSS is about
 * the pipeline, not the generator).
 *
 * Values come from the metrics benchmark's generator (`tests/bench/data.ts`), one call per chunk
 * with its own seed. Layout: id, num_0..num_13 (floats written with 4 decimals, num_13 with 2%
 * empty cells), cat_0..cat_5 (strings, 3-12 categories), label (0/1). The current window uses the
 * generator's drifted distributions (shifted means and scales, a heavier first category).
 */
import { once } from "node:events";
import { createWriteStream, statSync } from "node:fs";
import { CATEGORICAL_COLUMNS, NUMERIC_COLUMNS, generateWindow, type CodesColumn } from "../data";

export const ID_COLUMN = "id";
export const LABEL_COLUMN = "label";
export const FEATURE_COLUMNS: readonly string[] = [...NUMERIC_COLUMNS, ...CATEGORICAL_COLUMNS];
export const CSV_HEADER: readonly string[] = [ID_COLUMN, ...FEATURE_COLUMNS, LABEL_COLUMN];

const CHUNK_ROWS = 50_000;

export interface WrittenCsv {
  path: string;
  rows: number;
  bytes: number;
}

/** Seed of one chunk: distinct per file seed and chunk, within 32 bits. */
function chunkSeed(seed: number, chunk: number): number {
  return (Math.imul(seed, 0x9e3779b1) + chunk) | 0;
}

const COMMA = 44;
const NEWLINE = 10;
const MINUS = 45;
const POINT = 46;
const ZERO = 48;

/**
 * ASCII bytes of one chunk, written straight into a buffer (building a string per row made the
 * garbage collector half of the generation time).
 */
class ChunkWriter {
  private bytes: Buffer;
  private at = 0;
  private readonly digits = new Uint8Array(24);

  constructor(capacity: number) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  private ensure(extra: number): void {
    if (this.at + extra <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.at + extra));
    this.bytes.copy(grown, 0, 0, this.at);
    this.bytes = grown;
  }

  byte(b: number): void {
    this.ensure(1);
    this.bytes[this.at++] = b;
  }

  raw(b: Uint8Array): void {
    this.ensure(b.length);
    this.bytes.set(b, this.at);
    this.at += b.length;
  }

  /** A non-negative integer below 2^53. */
  integer(n: number): void {
    let k = 0;
    do {
      const q = Math.floor(n / 10);
      this.digits[k++] = ZERO + (n - q * 10);
      n = q;
    } while (n > 0);
    this.ensure(k);
    while (k > 0) this.bytes[this.at++] = this.digits[--k] as number;
  }

  /**
   * The number rounded to 4 decimals, spelled as `String(Math.round(v * 1e4) / 1e4)` spells it for
   * the generator's range (no exponent, no trailing zeros); NaN is an empty cell.
   */
  decimal4(v: number): void {
    if (Number.isNaN(v)) return;
    const r = Math.round(v * 1e4);
    if (r < 0) this.byte(MINUS);
    const m = Math.abs(r);
    const whole = Math.floor(m / 1e4);
    let fraction = m - whole * 1e4;
    this.integer(whole);
    if (fraction === 0) return;
    let places = 4;
    while (fraction % 10 === 0) {
      fraction /= 10;
      places--;
    }
    this.byte(POINT);
    for (let p = places - 1; p >= 0; p--) this.byte(ZERO + (Math.floor(fraction / 10 ** p) % 10));
  }

  take(): Buffer {
    const out = this.bytes.subarray(0, this.at);
    this.bytes = Buffer.allocUnsafe(this.bytes.length);
    this.at = 0;
    return out;
  }
}

/**
 * Writes `rows` generated rows to `path`. Ids run from `firstId`. `drifted` selects the shifted
 * (current) distributions.
 */
export async function writeBenchCsv(path: string, rows: number, options: { seed: number; drifted: boolean; firstId: number }): Promise<WrittenCsv> {
  const out = createWriteStream(path);
  const write = async (bytes: Uint8Array) => {
    if (!out.write(bytes)) await once(out, "drain");
  };
  await write(Buffer.from(`${CSV_HEADER.join(",")}\n`));
  const writer = new ChunkWriter(CHUNK_ROWS * 256);
  const encoded = new Map<string, Buffer>();
  const cell = (text: string) => {
    let bytes = encoded.get(text);
    if (!bytes) {
      bytes = Buffer.from(text);
      encoded.set(text, bytes);
    }
    return bytes;
  };
  for (let chunk = 0, done = 0; done < rows; chunk++) {
    const n = Math.min(CHUNK_ROWS, rows - done);
    const w = generateWindow(n, chunkSeed(options.seed, chunk), options.drifted);
    const numeric = NUMERIC_COLUMNS.map((name) => w.numeric[name] as Float64Array);
    const categorical = CATEGORICAL_COLUMNS.map((name) => {
      const column = w.categorical[name] as CodesColumn;
      return { codes: column.codes, cells: column.dictionary.map(cell) };
    });
    const label = w.numeric.label as Float64Array;
    for (let i = 0; i < n; i++) {
      writer.integer(options.firstId + done + i);
      for (const column of numeric) {
        writer.byte(COMMA);
        writer.decimal4(column[i] as number);
      }
      for (const column of categorical) {
        writer.byte(COMMA);
        const code = column.codes[i] as number;
        if (code >= 0) writer.raw(column.cells[code] as Buffer);
      }
      writer.byte(COMMA);
      writer.integer(label[i] as number);
      writer.byte(NEWLINE);
    }
    await write(writer.take());
    done += n;
  }
  out.end();
  await once(out, "finish");
  return { path, rows, bytes: statSync(path).size };
}
