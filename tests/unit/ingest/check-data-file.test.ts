// Checking a data file against the model before anything is stored (lib/ingest/check-data-file.ts): files without
// a header, roles set to "none", and refusals in the words of the surface that sent the file.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkDataFile, type DataFileCheck } from "@/lib/ingest/check-data-file";
import { DEFAULT_LIMITS, IngestError, decodeTable } from "@/lib/ingest";

const NO_HEADER = path.join(__dirname, "../../fixtures/bad/no-header.csv");

async function* bytesOf(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(text);
}

function request(overrides: Partial<DataFileCheck> = {}): DataFileCheck {
  return {
    fileName: "data.csv",
    path: "(in memory)",
    limits: DEFAULT_LIMITS,
    kind: "production",
    splitBy: "none",
    chosen: {},
    model: { task: "binary", positiveLabel: "1", requiredColumns: ["age", "hours"], referenceLabel: "label" },
    singleLabel: "Upload",
    preview: false,
    firstRowIsData: false,
    surface: "api",
    ...overrides,
  };
}

const WITH_HEADER = "row_id,age,hours,label,when\n1,39,40,1,2026-05-01\n2,50,13,0,2026-05-02\n3,38,40,1,2026-06-03\n";

describe("checkDataFile", () => {
  it("reads a file without a header when told the first row is data, naming columns by position", async () => {
    const text = fs.readFileSync(NO_HEADER, "utf8");
    const refused = checkDataFile(request({ model: { task: "binary", positiveLabel: ">50K", requiredColumns: ["column_1"], referenceLabel: null } }), () => bytesOf(text));
    await expect(refused).rejects.toMatchObject({ code: "no_header" });
    await expect(refused).rejects.toThrow(/First row is data.*header=none/);
    const checked = await checkDataFile(
      request({ firstRowIsData: true, chosen: { label: "column_5" }, model: { task: "binary", positiveLabel: ">50K", requiredColumns: ["column_1", "column_3"], referenceLabel: null } }),
      () => bytesOf(text),
    );
    expect(checked.columns.map((c) => c.name)).toEqual(["column_1", "column_2", "column_3", "column_4", "column_5"]);
    expect(checked.rows).toBe(text.trim().split("\n").length); // the first line counts as a row
    expect(checked.roles.label).toBe("column_5");
    const table = decodeTable(checked.columnar!, "x");
    expect(table.rowCount).toBe(checked.rows);
  });

  it("guesses nothing for a role set to none", async () => {
    const guessed = await checkDataFile(request(), () => bytesOf(WITH_HEADER));
    expect(guessed.roles.id).toBe("row_id");
    const none = await checkDataFile(request({ chosen: { id: "none", label: "none" } }), () => bytesOf(WITH_HEADER));
    expect(none.roles.id).toBeUndefined();
    expect(none.roles.label).toBeUndefined();
  });

  it("speaks of parameters to the API and of fields to the upload form", async () => {
    const reference = { kind: "reference" as const, chosen: { label: "none" } };
    const api = checkDataFile(request({ ...reference, surface: "api" }), () => bytesOf(WITH_HEADER));
    await expect(api).rejects.toBeInstanceOf(IngestError);
    await expect(api).rejects.toThrow("?label=COLUMN");
    const form = checkDataFile(request({ ...reference, surface: "form" }), () => bytesOf(WITH_HEADER));
    await expect(form).rejects.toThrow('Choose the column with the true outcome under "True outcome" below');
    await expect(form).rejects.not.toThrow("?label=");
  });

  it("a preview lists what must be fixed instead of refusing, with the columns to choose from", async () => {
    const preview = await checkDataFile(request({ kind: "reference", chosen: { label: "none" }, preview: true, surface: "form" }), () => bytesOf(WITH_HEADER));
    expect(preview.problems).toHaveLength(1);
    expect(preview.problems[0]).toContain("True outcome");
    expect(preview.columns.map((c) => c.name)).toContain("label");
    expect(preview.columnar).toBeNull();
    const split = await checkDataFile(request({ splitBy: "month", chosen: { timestamp: "none" }, preview: true, surface: "form" }), () => bytesOf(WITH_HEADER));
    expect(split.problems[0]).toContain('under "Date" below');
    const months = await checkDataFile(request({ splitBy: "month" }), () => bytesOf(WITH_HEADER));
    expect(months.problems).toEqual([]);
    expect(months.windows.map((w) => w.label)).toEqual(["2026-05", "2026-06"]);
  });

  it("reads a first row of repeated numbers as data, not as a header naming columns twice", async () => {
    const text = "0,1,0\n1,0,1\n0,0,1\n";
    await expect(checkDataFile(request(), () => bytesOf(text))).rejects.toMatchObject({ code: "no_header" });
    const read = await checkDataFile(request({ firstRowIsData: true, model: { task: "binary", positiveLabel: "1", requiredColumns: ["column_1", "column_2"], referenceLabel: null } }), () => bytesOf(text));
    expect(read.rows).toBe(3);
  });

  it("an id column that repeats: a preview lists it in the form's words and keeps it chosen; the API names the id parameter", async () => {
    const text = "row_id,age,hours,label\nA,39,40,1\nB,50,13,0\nA,38,40,1\n";
    const preview = await checkDataFile(request({ chosen: { id: "row_id" }, preview: true, surface: "form" }), () => bytesOf(text));
    expect(preview.roles.id).toBe("row_id");
    expect(preview.problems).toHaveLength(1);
    expect(preview.problems[0]).toContain('choose another column under "Row id" below, or "None"');
    const api = checkDataFile(request({ chosen: { id: "row_id" }, surface: "api" }), () => bytesOf(text));
    await expect(api).rejects.toMatchObject({ code: "duplicate_id" });
    await expect(api).rejects.toThrow("the id parameter (?id=COLUMN), or send id=none");
    expect((await checkDataFile(request({ chosen: { id: "none" } }), () => bytesOf(text))).problems).toEqual([]);
  });

  it("a label that does not fit the model: a preview lists it with the columns to choose from", async () => {
    const text = "age,hours,income\n39,40,>50K\n50,13,<=50K\n38,40,>50K\n";
    const regression = { task: "regression" as const, positiveLabel: null, requiredColumns: ["hours"], referenceLabel: null };
    const preview = await checkDataFile(request({ kind: "reference", chosen: { label: "income" }, model: regression, preview: true, surface: "form" }), () => bytesOf(text));
    expect(preview.roles.label).toBe("income");
    expect(preview.problems).toHaveLength(1);
    expect(preview.problems[0]).toContain("is not a number");
    expect(preview.columns.map((c) => c.name)).toEqual(["age", "hours", "income"]);
    await expect(checkDataFile(request({ kind: "reference", chosen: { label: "income" }, model: regression }), () => bytesOf(text))).rejects.toThrow("is not a number");
    const fixed = await checkDataFile(request({ kind: "reference", chosen: { label: "age" }, model: regression, preview: true, surface: "form" }), () => bytesOf(text));
    expect(fixed.problems).toEqual([]);
  });
});
