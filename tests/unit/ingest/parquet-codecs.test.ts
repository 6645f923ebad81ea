// Parquet compressed with zstd, gzip, brotli and LZ4 (Polars writes zstd by default) is read value for value; the
// decompressed size a file declares is checked against the limits before any page is decompressed.
import { gzipSync } from "node:zlib";
import { parquetMetadata } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { type Table, cellText, findColumn, parseParquet } from "../../../lib/ingest";
import { maxDecompressedBytes } from "../../../lib/ingest/parse-parquet";
import { COMPRESSED_COLUMNS, COMPRESSED_FIXTURES, COMPRESSED_ROWS } from "../../fixtures/ingest/compressed-table";
import { badFixture, expectIngestError, goodFixture } from "./helpers";

function cellsOf(t: Table, name: string): string[] {
  const c = findColumn(t, name);
  return c === undefined ? [] : Array.from({ length: t.rowCount }, (_, i) => cellText(c, i));
}
const text = (values: readonly (string | number | null)[]) => values.map((v) => (v === null ? "" : String(v)));
const gzip = (input: Uint8Array) => new Uint8Array(gzipSync(input));

describe("compressed Parquet", () => {
  it.each(Object.entries(COMPRESSED_FIXTURES))("%s (%s) is read back value for value", async (codec, file) => {
    const bytes = goodFixture(file);
    expect(bytes.length).toBeLessThan(4 * 1024);
    // the fixture really is compressed with that codec, in every column
    const codecs = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer).row_groups.flatMap((rg) =>
      rg.columns.map((c) => c.meta_data?.codec),
    );
    expect(new Set(codecs)).toEqual(new Set([codec]));

    const r = await parseParquet(bytes, { file });
    expect(r.table.rowCount).toBe(COMPRESSED_ROWS);
    expect(r.table.columns.map((c) => `${c.name}:${c.kind}`)).toEqual(["age:numeric", "hours:numeric", "sex:categorical", "income:categorical"]);
    expect(cellsOf(r.table, "age")).toEqual(text(COMPRESSED_COLUMNS.age));
    expect(cellsOf(r.table, "hours")).toEqual(text(COMPRESSED_COLUMNS.hours));
    expect(cellsOf(r.table, "sex")).toEqual(text(COMPRESSED_COLUMNS.sex));
    expect(cellsOf(r.table, "income")).toEqual(text(COMPRESSED_COLUMNS.income));
    expect(r.schema.columns.find((c) => c.name === "age")).toMatchObject({ missing: COMPRESSED_COLUMNS.age.filter((v) => v === null).length });
  });

  it("the gzip file users sent (bad/gzip-codec.parquet) is read", async () => {
    const r = await parseParquet(badFixture("gzip-codec.parquet"), { file: "gzip-codec.parquet" });
    expect(r.table.rowCount).toBe(3);
    expect(cellsOf(r.table, "age")).toEqual(["39", "50", "38"]);
  });

  it("a zstd page that is not zstd data is refused as damaged, naming the file", async () => {
    const bytes = goodFixture(COMPRESSED_FIXTURES.ZSTD).slice();
    const at = bytes.findIndex((b, i) => b === 0x28 && bytes[i + 1] === 0xb5 && bytes[i + 2] === 0x2f && bytes[i + 3] === 0xfd);
    expect(at).toBeGreaterThan(3);
    bytes[at + 3] = 0x00; // break the first page's zstd mark
    const e = await expectIngestError(() => parseParquet(bytes, { file: "broken.parquet" }), { code: "invalid_parquet", problem: ["damaged"] });
    expect(e.status).toBe(415);
  });

  it("a highly compressible file whose pages would pass four times the upload limit once decompressed is refused before decompressing", async () => {
    const n = 50_000;
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        columnData: [{ name: "x", data: Array.from({ length: n }, (_, i) => i % 4), type: "DOUBLE", encoding: "PLAIN" }],
        codec: "GZIP",
        compressors: { GZIP: gzip },
      }),
    );
    expect(bytes.length).toBeLessThan(20_000); // 400,000 bytes of doubles
    const ok = await parseParquet(bytes, { file: "dense.parquet" });
    expect(ok.table.rowCount).toBe(n);
    expect(cellsOf(ok.table, "x").slice(0, 5)).toEqual(["0", "1", "2", "3", "0"]);

    const limits = { maxBytes: bytes.length + 1 };
    expect(maxDecompressedBytes(limits)).toBeLessThan(8 * n);
    const e = await expectIngestError(() => parseParquet(bytes, { file: "dense.parquet", limits }), { code: "file_too_large", problem: ["Once decompressed", "four times the upload limit"] });
    expect(e.status).toBe(413);
    expect(e.message).toContain("SIGHTLINE_MAX_UPLOAD_MB");
  });

  it("LZO, which has no maintained JavaScript decoder, is refused naming the codec and the column", async () => {
    const bytes = new Uint8Array(
      parquetWriteBuffer({ columnData: [{ name: "age", data: [39, 50, 38], type: "INT32" }], codec: "LZO", compressors: { LZO: (input: Uint8Array) => input } }),
    );
    const e = await expectIngestError(() => parseParquet(bytes, { file: "lzo.parquet" }), { code: "unsupported_parquet", column: "age", problem: ["LZO", "zstd"] });
    expect(e.status).toBe(415);
  });
});
