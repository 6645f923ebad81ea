import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, LIMIT_ENV_VARS, ingestFile, limitsFromEnv, parseCsv, resolveLimits } from "../../../lib/ingest";
import { expectIngestError } from "./helpers";

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** An endless CSV stream that counts the chunks it was asked for. */
function endless(counter: { chunks: number }, row = "1,abc,2.5\n", rowsPerChunk = 1000): AsyncIterable<Uint8Array> {
  const chunk = enc(row.repeat(rowsPerChunk));
  return {
    async *[Symbol.asyncIterator]() {
      yield enc("a,b,c\n");
      for (;;) {
        counter.chunks++;
        yield chunk;
      }
    },
  };
}

describe("limits", () => {
  it("defaults: 200 MB, 5,000,000 rows, 500 columns, 1,000 characters per cell", () => {
    expect(DEFAULT_LIMITS).toEqual({ maxBytes: 200 * 1024 * 1024, maxRows: 5_000_000, maxColumns: 500, maxCellChars: 1000 });
    expect(resolveLimits({ maxRows: 10 })).toEqual({ ...DEFAULT_LIMITS, maxRows: 10 });
    expect(() => resolveLimits({ maxRows: 0 })).toThrow(/maxRows/);
    expect(() => resolveLimits({ maxColumns: 1.5 })).toThrow(/maxColumns/);
  });

  it("reads the environment variables (megabytes for the size)", () => {
    expect(limitsFromEnv({ SIGHTLINE_MAX_UPLOAD_MB: "1.5", SIGHTLINE_MAX_ROWS: "1000", SIGHTLINE_MAX_COLUMNS: " 20 ", SIGHTLINE_MAX_CELL_CHARS: "" })).toEqual({
      maxBytes: 1572864,
      maxRows: 1000,
      maxColumns: 20,
      maxCellChars: 1000,
    });
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
    expect(() => limitsFromEnv({ SIGHTLINE_MAX_ROWS: "lots" })).toThrow(/SIGHTLINE_MAX_ROWS="lots"/);
    expect(() => limitsFromEnv({ SIGHTLINE_MAX_UPLOAD_MB: "-5" })).toThrow(/SIGHTLINE_MAX_UPLOAD_MB/);
    expect(Object.values(LIMIT_ENV_VARS)).toEqual(["SIGHTLINE_MAX_UPLOAD_MB", "SIGHTLINE_MAX_ROWS", "SIGHTLINE_MAX_COLUMNS", "SIGHTLINE_MAX_CELL_CHARS"]);
  });

  it("a file over the size limit stops as soon as the limit is passed, naming the limit and its variable", async () => {
    const counter = { chunks: 0 };
    const e = await expectIngestError(() => parseCsv(endless(counter), { file: "huge.csv", limits: { maxBytes: 1024 * 1024 } }), {
      code: "file_too_large",
      file: "huge.csv",
      problem: ["1 MB"],
    });
    expect(e.fix).toContain("SIGHTLINE_MAX_UPLOAD_MB");
    expect(e.status).toBe(413);
    expect(counter.chunks).toBeLessThanOrEqual(Math.ceil((1024 * 1024) / 10_000) + 1);
  });

  it("the size limit also holds for strings, bytes and Parquet", async () => {
    await expectIngestError(() => parseCsv(`a\n${"1\n".repeat(600)}`, { file: "s.csv", limits: { maxBytes: 1000 } }), { code: "file_too_large", file: "s.csv" });
    await expectIngestError(() => parseCsv(enc(`a\n${"1\n".repeat(600)}`), { file: "b.csv", limits: { maxBytes: 1000 } }), { code: "file_too_large", file: "b.csv" });
    await expectIngestError(() => ingestFile("p.parquet", new Uint8Array(2000), { limits: { maxBytes: 1000 } }), { code: "file_too_large", file: "p.parquet" });
  });

  it("too many rows stops early", async () => {
    const counter = { chunks: 0 };
    const e = await expectIngestError(() => parseCsv(endless(counter), { file: "rows.csv", limits: { maxRows: 5000 } }), {
      code: "too_many_rows",
      file: "rows.csv",
      problem: ["5,000 data rows"],
    });
    expect(e.fix).toContain("SIGHTLINE_MAX_ROWS");
    expect(counter.chunks).toBeLessThan(70);
  });

  it("too many columns", async () => {
    const e = await expectIngestError(() => parseCsv("a,b,c,d\n1,2,3,4\n", { file: "wide.csv", limits: { maxColumns: 3 } }), {
      code: "too_many_columns",
      file: "wide.csv",
      problem: ["4 columns", "limit is 3"],
    });
    expect(e.fix).toContain("SIGHTLINE_MAX_COLUMNS");
  });

  it("a cell over the length limit names the row and column", async () => {
    await expectIngestError(() => parseCsv("a,b\n1,short\n2,muchtoolong\n", { file: "c.csv", limits: { maxCellChars: 8 } }), {
      code: "cell_too_long",
      file: "c.csv",
      row: 3,
      column: "b",
    });
  });

  it("a line with no end at all is refused instead of growing without bound", async () => {
    await expectIngestError(() => parseCsv(enc(`a,b\n1,${"x".repeat(300_000)}`), { file: "l.csv", limits: { maxCellChars: 100, maxColumns: 2 } }), {
      code: "cell_too_long",
      file: "l.csv",
      row: 2,
    });
  });
});
