import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { type Table, cellText, findColumn, ingestFile, parseParquet } from "../../../lib/ingest";
import { expectIngestError, goodFixture, streamOf } from "./helpers";

function cellsOf(t: Table, name: string): string[] {
  const c = findColumn(t, name);
  return c === undefined ? [] : Array.from({ length: t.rowCount }, (_, i) => cellText(c, i));
}

describe("parseParquet", () => {
  it("maps Parquet types to column kinds", async () => {
    const r = await parseParquet(goodFixture("all-kinds.parquet"), { file: "all-kinds.parquet" });
    expect(r.details).toEqual({ format: "parquet", bytes: goodFixture("all-kinds.parquet").length });
    expect(r.table.columns.map((c) => `${c.name}:${c.kind}`)).toEqual([
      "customer_id:id",
      "age:numeric",
      "income:numeric",
      "plan:categorical",
      "active:boolean",
      "signup:datetime",
      "visits:numeric",
      "label:boolean",
    ]);
    expect(cellsOf(r.table, "age")).toEqual(["34", "51", "", "29"]);
    expect(cellsOf(r.table, "income")).toEqual(["52000.5", "71000.25", "38000", ""]);
    expect(cellsOf(r.table, "plan")).toEqual(["basic", "pro", "", "basic"]);
    expect(cellsOf(r.table, "active")).toEqual(["true", "false", "true", ""]);
    expect(cellsOf(r.table, "signup")).toEqual(["2026-01-05T10:00:00.000Z", "2026-01-12T00:00:00.000Z", "", "2026-02-17T23:59:59.000Z"]);
    expect(cellsOf(r.table, "visits")).toEqual(["3", "5", "0", "12"]);
    expect(r.table.firstRowNumber).toBe(1);
    expect(r.schema.roles.label?.column).toBe("label");
  });

  it("reads several row groups in order, from a stream, and applies missing markers to strings", async () => {
    const n = 2500;
    const buf = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: "x", data: Array.from({ length: n }, (_, i) => i * 0.25), type: "DOUBLE" },
          { name: "g", data: Array.from({ length: n }, (_, i) => (i % 10 === 0 ? "?" : `g${i % 3}`)), type: "STRING" },
          { name: "num_text", data: Array.from({ length: n }, (_, i) => String(i % 7)), type: "STRING" },
        ],
        rowGroupSize: 1000,
      }),
    );
    const r = await ingestFile("groups.parquet", streamOf(buf, 333));
    expect(r.table.rowCount).toBe(n);
    const x = cellsOf(r.table, "x");
    expect(x[0]).toBe("0");
    expect(x[2499]).toBe("624.75");
    expect(r.schema.columns.find((c) => c.name === "g")).toMatchObject({ kind: "categorical", missing: 250, distinct: 3 });
    // strings that are all numbers are read as numbers, as in CSV
    expect(findColumn(r.table, "num_text")?.kind).toBe("numeric");
  });

  it("an INT64 beyond 2^53 is read as text so no digit is lost", async () => {
    const buf = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: "order_id", data: [9007199254740993n, 12n, 9223372036854775807n], type: "INT64" }] }));
    const r = await parseParquet(buf, { file: "ids.parquet" });
    expect(cellsOf(r.table, "order_id")).toEqual(["9007199254740993", "12", "9223372036854775807"]);
    expect(findColumn(r.table, "order_id")?.kind).toBe("id");
  });

  it("Infinity in a DOUBLE column is refused with its row, NaN is missing", async () => {
    const buf = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: "x", data: [1, Number.NaN, Number.POSITIVE_INFINITY], type: "DOUBLE" }] }));
    await expectIngestError(() => parseParquet(buf, { file: "inf.parquet" }), { code: "infinite_value", file: "inf.parquet", row: 3, column: "x" });
    const ok = await parseParquet(buf, { file: "inf.parquet", infinity: "missing" });
    expect(ok.schema.columns[0]?.missing).toBe(2);
  });

  it("row and column limits are checked from the metadata, before reading data", async () => {
    const buf = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: "a", data: [1, 2, 3], type: "INT32" }, { name: "b", data: [1, 2, 3], type: "INT32" }] }));
    await expectIngestError(() => parseParquet(buf, { file: "l.parquet", limits: { maxRows: 2 } }), { code: "too_many_rows", file: "l.parquet", problem: ["2 data rows"] });
    await expectIngestError(() => parseParquet(buf, { file: "l.parquet", limits: { maxColumns: 1 } }), { code: "too_many_columns", file: "l.parquet" });
    await expectIngestError(() => parseParquet(buf, { file: "l.parquet", limits: { maxBytes: 100 } }), { code: "file_too_large", file: "l.parquet" });
  });

  it("a Parquet file with a .csv name is read as Parquet", async () => {
    const r = await ingestFile("export.csv", goodFixture("all-kinds.parquet"));
    expect(r.details.format).toBe("parquet");
  });
});
