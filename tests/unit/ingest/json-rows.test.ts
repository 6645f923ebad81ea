import { describe, expect, it } from "vitest";
import { cellText, ingestFile, parseJsonRows } from "../../../lib/ingest";
import { expectIngestError } from "./helpers";

describe("JSON rows", () => {
  it("reads an array of row objects; absent keys and null are missing", () => {
    const r = parseJsonRows(
      [
        { age: 39, sex: "Male", active: true },
        { age: null, sex: "Female" },
        { age: 41, sex: "?", active: false, extra: "x" },
      ],
      { file: "push.json" },
    );
    expect(r.table.columns.map((c) => `${c.name}:${c.kind}`)).toEqual(["age:numeric", "sex:categorical", "active:boolean", "extra:categorical"]);
    expect(r.table.columns.map((c) => [0, 1, 2].map((i) => cellText(c, i)))).toEqual([
      ["39", "", "41"],
      ["Male", "Female", ""],
      ["true", "", "false"],
      ["", "", "x"],
    ]);
    expect(r.table.firstRowNumber).toBe(1);
  });

  it("through ingestFile with a .json name", async () => {
    const r = await ingestFile("push.json", new TextEncoder().encode('[{"a":1},{"a":2}]'));
    expect(r.details).toEqual({ format: "json", bytes: 17 });
    expect(r.table.rowCount).toBe(2);
  });

  it.each<[string, unknown, { code: "unsupported_format" | "empty_file" | "too_many_rows"; row?: number; column?: string }]>([
    ["not an array", { a: 1 }, { code: "unsupported_format" }],
    ["empty", [], { code: "empty_file" }],
    ["a row that is not an object", [{ a: 1 }, 5], { code: "unsupported_format", row: 2 }],
    ["a nested value", [{ a: 1 }, { a: { b: 2 } }], { code: "unsupported_format", row: 2, column: "a" }],
  ])("refuses %s", async (_name, value, expected) => {
    await expectIngestError(() => parseJsonRows(value, { file: "bad.json" }), { file: "bad.json", ...expected });
  });

  it("invalid JSON text", async () => {
    await expectIngestError(() => ingestFile("bad.json", new TextEncoder().encode("[{")), { code: "unsupported_format", file: "bad.json", problem: ["not valid JSON"] });
  });

  it("row limit", async () => {
    await expectIngestError(() => parseJsonRows([{ a: 1 }, { a: 2 }, { a: 3 }], { file: "big.json", limits: { maxRows: 2 } }), { code: "too_many_rows", file: "big.json" });
  });

  it("spreadsheet workbooks are refused by name", async () => {
    await expectIngestError(() => ingestFile("data.xlsx", new Uint8Array([0x50, 0x4b, 3, 4])), { code: "unsupported_format", file: "data.xlsx", problem: ["workbooks"] });
  });
});
