import { describe, expect, it } from "vitest";
import { type Table, cellText, findColumn, joinLabels, parseCsv } from "../../../lib/ingest";
import { expectIngestError } from "./helpers";

async function t(text: string, file: string): Promise<Table> {
  return (await parseCsv(text, { file })).table;
}

function cells(table: Table, name: string): string[] {
  const c = findColumn(table, name);
  return c === undefined ? [] : Array.from({ length: table.rowCount }, (_, i) => cellText(c, i));
}

describe("joinLabels", () => {
  it("adds a label column by id; unknown ids are counted, not refused", async () => {
    const window = await t("customer_id,age\nC1,30\nC2,40\nC3,50\n", "window.csv");
    const labels = await t("customer_id,churned\nC3,1\nC1,0\nX9,1\n", "labels.csv");
    const r = joinLabels(window, labels, { targetId: "customer_id", label: "churned" });
    expect(cells(r.table, "churned")).toEqual(["0", "", "1"]);
    expect(findColumn(r.table, "churned")?.kind).toBe("boolean");
    expect(r).toMatchObject({ matched: 2, unmatched: 1, unmatchedExamples: ["X9"] });
  });

  it("updates an existing label column: new labels win, others are kept; numeric ids match by value", async () => {
    const window = await t("id,y\n1,yes\n2,\n3,no\n", "window.csv");
    const labels = await t("row,y\n2,no\n3,yes\n", "labels.csv");
    const r = joinLabels(window, labels, { targetId: "id", labelsId: "row", label: "y" });
    expect(cells(r.table, "y")).toEqual(["yes", "no", "yes"]);
    expect(r.table.columns.map((c) => c.name)).toEqual(["id", "y"]);
  });

  it("a repeated id in the labels file is refused with both rows", async () => {
    const window = await t("id,x\na,1\nb,2\n", "w.csv");
    const labels = await t("id,y\na,1\nb,0\na,0\n", "labels.csv");
    await expectIngestError(() => joinLabels(window, labels, { targetId: "id", label: "y" }), {
      code: "duplicate_id",
      file: "labels.csv",
      row: 4,
      column: "id",
      problem: ['"a"', "row 2"],
    });
  });

  it("a missing id column is named", async () => {
    const window = await t("id,x\na,1\n", "w.csv");
    const labels = await t("key,y\na,1\n", "labels.csv");
    await expectIngestError(() => joinLabels(window, labels, { targetId: "id", label: "y" }), { code: "unknown_column", file: "labels.csv", problem: ['"id"'] });
  });
});
