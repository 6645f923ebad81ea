import { describe, expect, it } from "vitest";
import { type Table, cellText, decodeTable, encodeTable, parseCsv, splitWindows, windowTable } from "../../../lib/ingest";
import { expectIngestError, goodFixture } from "./helpers";

function snapshot(t: Table): unknown {
  return {
    file: t.file,
    format: t.format,
    rowCount: t.rowCount,
    firstRowNumber: t.firstRowNumber,
    rowNumbers: t.rowNumbers === undefined ? undefined : Array.from(t.rowNumbers),
    columns: t.columns.map((c) => ({ name: c.name, kind: c.kind, cells: Array.from({ length: t.rowCount }, (_, i) => cellText(c, i)) })),
  };
}

describe("encodeTable / decodeTable", () => {
  it("round-trips every kind, missing values, boolean spellings and row numbers", async () => {
    const { table } = await parseCsv(goodFixture("all-kinds.csv"), { file: "all-kinds.csv" });
    const back = decodeTable(encodeTable(table));
    expect(snapshot(back)).toEqual(snapshot(table));
    const w = splitWindows(table, "signup", "month")[1];
    if (w === undefined) throw new Error("no window");
    const slice = windowTable(table, w);
    expect(snapshot(decodeTable(encodeTable(slice)))).toEqual(snapshot(slice));
  });

  it("decodes to views on the bytes (no copy) when aligned, and copies otherwise", async () => {
    const { table } = await parseCsv("x,y\n1.5,a\n2.5,b\n,c\n", { file: "v.csv" });
    const bytes = encodeTable(table);
    const t = decodeTable(bytes);
    const x = t.columns[0];
    if (x === undefined || !("values" in x)) throw new Error("no numeric column");
    expect(x.values.buffer).toBe(bytes.buffer);
    expect(x.values.byteOffset % 8).toBe(0);
    // misaligned: the same bytes at offset 1 of a larger buffer
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const t2 = decodeTable(shifted.subarray(1));
    const x2 = t2.columns[0];
    if (x2 === undefined || !("values" in x2)) throw new Error("no numeric column");
    expect(x2.values.buffer).not.toBe(shifted.buffer);
    expect(snapshot(t2)).toEqual(snapshot(table));
  });

  it("handles an empty table and names that need escaping", () => {
    const t: Table = {
      file: 'weird "name".csv',
      format: "csv",
      rowCount: 0,
      firstRowNumber: 2,
      columns: [
        { name: "é\n\"x\"", kind: "numeric", values: new Float64Array(0) },
        { name: "c", kind: "categorical", codes: new Int32Array(0), dictionary: [] },
      ],
    };
    expect(snapshot(decodeTable(encodeTable(t)))).toEqual(snapshot(t));
  });

  it("encodes a million-row column quickly into a compact buffer", () => {
    const n = 1_000_000;
    const values = new Float64Array(n).map((_, i) => i * 0.5);
    const codes = new Int32Array(n).map((_, i) => i % 3);
    const t: Table = {
      file: "big.csv",
      format: "csv",
      rowCount: n,
      firstRowNumber: 2,
      columns: [
        { name: "x", kind: "numeric", values },
        { name: "c", kind: "categorical", codes, dictionary: ["a", "b", "c"] },
      ],
    };
    const bytes = encodeTable(t);
    expect(bytes.length).toBeLessThan(n * 12 + 1024);
    const back = decodeTable(bytes);
    expect(back.columns[0] && "values" in back.columns[0] ? back.columns[0].values[n - 1] : -1).toBe((n - 1) * 0.5);
  });

  it.each<[string, (b: Uint8Array) => Uint8Array, string]>([
    ["wrong magic", (b) => Uint8Array.from([0x50, 0x41, 0x52, 0x31, ...b.subarray(4)]), "SLTB"],
    ["cut short", (b) => b.subarray(0, b.length - 5), "runs past the end"],
    ["header cut", (b) => b.subarray(0, 20), "header"],
    [
      "code outside the dictionary",
      (b) => {
        const c = b.slice();
        const view = new Int32Array(c.buffer, c.length - 8, 2);
        view[1] = 99;
        return c;
      },
      "outside its dictionary",
    ],
  ])("a damaged copy is refused: %s", async (_name, damage, words) => {
    const { table } = await parseCsv("x,c\n1,a\n2,b\n", { file: "d.csv" });
    await expectIngestError(() => decodeTable(damage(encodeTable(table)), "d.sltb"), { code: "invalid_table", file: "d.sltb", problem: [words] });
  });
});
