import { describe, expect, it } from "vitest";
import { type Table, applySchema, binaryTargets, cellText, findColumn, isNumericStorage, parseCsv } from "../../../lib/ingest";
import { expectIngestError, goodFixture } from "./helpers";

async function table(text: string, file = "s.csv"): Promise<Table> {
  return (await parseCsv(text, { file })).table;
}

describe("applySchema", () => {
  it("applies roles and declared types, and resolves features", async () => {
    const t = (await parseCsv(goodFixture("all-kinds.csv"), { file: "all-kinds.csv" })).table;
    const p = applySchema(t, {
      roles: { label: "label", scores: ["score"], timestamp: "signup", id: "customer_id", ignore: ["active"] },
      types: { age: "categorical" },
      model: { task: "binary", positiveLabel: "1" },
    });
    expect(p.roles).toEqual({ label: "label", scores: ["score"], timestamp: "signup", id: "customer_id", features: ["age", "plan"] });
    expect(p.table.columns.map((c) => `${c.name}:${c.kind}`)).toEqual([
      "customer_id:id",
      "age:categorical",
      "plan:categorical",
      "signup:datetime",
      "score:numeric",
      "label:boolean",
    ]);
    expect(p.labelClasses).toEqual(["0", "1"]);
    expect(p.labelledRows).toBe(6);
    const age = findColumn(p.table, "age");
    expect(age === undefined ? [] : [0, 1, 2].map((i) => cellText(age, i))).toEqual(["34", "51", ""]);
    // the input table is untouched
    expect(findColumn(t, "age")?.kind).toBe("numeric");
  });

  it("model features are added to the features and their types applied", async () => {
    const t = await table("a,b,c,y\n1,x,3,0\n2,y,4,1\n");
    const p = applySchema(t, { roles: { label: "y", features: ["a"] }, model: { task: "binary", features: [{ name: "c", type: "categorical" }] } });
    expect(p.roles.features).toEqual(["a", "c"]);
    expect(findColumn(p.table, "c")?.kind).toBe("categorical");
  });

  it("a timestamp given as text or Unix time becomes datetime", async () => {
    const t = await table("when,v\n1767225600,1\n1767312000,2\n");
    const p = applySchema(t, { roles: { timestamp: "when" } });
    const when = findColumn(p.table, "when");
    expect(when !== undefined && isNumericStorage(when) ? Array.from(when.values) : []).toEqual([1767225600000, 1767312000000]);
  });

  it("labels may be partly missing (they can arrive later)", async () => {
    const p = applySchema(await table("x,y\n1,a\n2,\n3,b\n"), { roles: { label: "y" }, model: { task: "binary" } });
    expect(p.labelledRows).toBe(2);
    expect(p.labelClasses).toEqual(["a", "b"]);
  });

  it("a boolean label matches its positive class in any spelling", async () => {
    const t = await table("x,y\n1,Yes\n2,no\n3,yes\n");
    const p = applySchema(t, { roles: { label: "y" }, model: { task: "binary", positiveLabel: "yes" } });
    expect(findColumn(p.table, "y")?.kind).toBe("boolean");
    expect(Array.from(binaryTargets(p.table, "y", "yes"))).toEqual([1, 0, 1]);
    expect(Array.from(binaryTargets(p.table, "y", "no"))).toEqual([0, 1, 0]);
  });

  it("a one-class label is a warning, not an error", async () => {
    const p = applySchema(await table("x,y\n1,a\n2,a\n"), { roles: { label: "y" }, model: { task: "binary" } });
    expect(p.warnings.join(" ")).toContain("one class only");
  });

  it("multiclass labels must be known classes", async () => {
    const t = await table("x,y\n1,cat\n2,dog\n3,emu\n");
    expect(applySchema(t, { roles: { label: "y" }, model: { task: "multiclass", classes: ["cat", "dog", "emu"] } }).labelClasses).toEqual(["cat", "dog", "emu"]);
    await expectIngestError(() => applySchema(t, { roles: { label: "y" }, model: { task: "multiclass", classes: ["cat", "dog"] } }), {
      code: "label_classes",
      file: "s.csv",
      column: "y",
      problem: ['"emu"'],
    });
  });

  it.each([
    ["unknown role column", { roles: { label: "nope" } }, { code: "unknown_column" as const, problem: ['"nope"'] }],
    ["unknown feature", { roles: { features: ["a", "zz"] } }, { code: "unknown_column" as const, problem: ['"zz"'] }],
    ["two roles on one column", { roles: { label: "a", id: "a" } }, { code: "role_conflict" as const, column: "a" }],
    ["ignored and used", { roles: { label: "a", ignore: ["a"] } }, { code: "role_conflict" as const, column: "a" }],
    [
      "declared numeric with text",
      { roles: {}, types: { b: "numeric" as const } },
      { code: "text_in_numeric" as const, row: 2, column: "b", problem: ['"x"'] },
    ],
    ["declared boolean with another word", { roles: {}, types: { b: "boolean" as const } }, { code: "bad_boolean" as const, row: 2, column: "b" }],
    ["scores that are text", { roles: { scores: ["b"] } }, { code: "text_in_numeric" as const, row: 2, column: "b" }],
    ["an id with a missing value", { roles: { id: "c" } }, { code: "missing_id" as const, row: 3, column: "c" }],
  ])("%s", async (_name, confirmation, expected) => {
    const t = await table("a,b,c\n1,x,k1\n2,y,\n");
    await expectIngestError(() => applySchema(t, confirmation), { file: "s.csv", ...expected });
  });
});
