// The bad-input corpus (tests/fixtures/bad, README.md there): every CSV, Parquet or other non-ONNX
// file gets its expected answer: an IngestError with code, row and column where relevant and a
// message naming the file, the problem and the fix; or, for the files users legitimately send
// (BOM, mixed line ends, Latin-1, ...), a correct parse.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type IngestFileOptions,
  type SchemaConfirmation,
  applySchema,
  cellText,
  findColumn,
  ingestFile,
  splitWindows,
} from "../../../lib/ingest";
import { type ExpectedError, BAD_DIR, badFixture, expectIngestError } from "./helpers";

interface BadCase extends ExpectedError {
  /** Parse options. */
  options?: IngestFileOptions;
  /** Applied after a successful parse; the error may come from here. */
  confirm?: SchemaConfirmation;
  /** Split into windows by this column after parsing. */
  windowsBy?: string;
}

const BAD: Record<string, BadCase> = {
  "empty.csv": { code: "empty_file", problem: ["empty"] },
  "blank-lines-only.csv": { code: "empty_file" },
  "header-only.csv": { code: "header_only", problem: ["no data rows", '"age"'] },
  "binary-garbage.csv": { code: "binary_file", problem: ["binary"] },
  "workbook-renamed.csv": { code: "unsupported_format", problem: ["Excel"] },
  "gzip-compressed.csv": { code: "unsupported_format", problem: ["gzip"] },
  "pdf-renamed.csv": { code: "unsupported_format", problem: ["PDF"] },
  "mixed-encoding.csv": { code: "invalid_encoding", row: 3, problem: ["0xE9", "mixes two encodings"] },
  "too-many-columns.csv": { code: "too_many_columns", problem: ["501", "500"] },
  "ragged-rows.csv": { code: "ragged_row", row: 4, problem: ["This row has 4 values but the header has 5 columns."] },
  "wrong-delimiter.csv": { code: "wrong_delimiter", row: 1, options: { delimiter: "," }, problem: ["semicolons (;)"] },
  "unbalanced-quotes.csv": { code: "unbalanced_quotes", row: 3, problem: ["never closed"] },
  "bad-closing-quote.csv": { code: "unbalanced_quotes", row: 3, problem: ["not closed properly"] },
  "duplicate-columns.csv": { code: "duplicate_columns", row: 1, problem: ['"age"'] },
  "unnamed-column.csv": { code: "unnamed_column", row: 1, problem: ["Column 2 (B)"] },
  "no-header.csv": { code: "no_header", row: 1, problem: ["looks like data"] },
  "cell-too-long.csv": { code: "cell_too_long", row: 3, column: "note", problem: ["1,000 characters"] },
  "text-in-numeric.csv": { code: "text_in_numeric", row: 4, column: "age", options: { types: { age: "numeric" } }, problem: ['"abc" is not a number'] },
  "thousands-separator.csv": { code: "text_in_numeric", row: 3, column: "price", confirm: { roles: {}, types: { price: "numeric" } }, problem: ['"1,250.00"'] },
  "nan-and-infinity.csv": { code: "infinite_value", row: 5, column: "y", problem: ['"inf" is infinite'] },
  "bad-timestamp.csv": { code: "bad_timestamp", row: 4, column: "ts", confirm: { roles: { timestamp: "ts" } }, problem: ['"2026-13-45T10:00:00Z"'] },
  "missing-timestamp.csv": { code: "missing_timestamp", row: 4, column: "ts", windowsBy: "ts" },
  "ambiguous-dates.csv": { code: "bad_timestamp", column: "date", confirm: { roles: { timestamp: "date" } }, problem: ["no day is above 12"] },
  "three-class-label.csv": {
    code: "label_classes",
    column: "label",
    confirm: { roles: { label: "label" }, model: { task: "binary", positiveLabel: "yes" } },
    problem: ["3 classes", '"maybe" (1 rows)', '"no" (2 rows)', '"yes" (2 rows)', "binary"],
  },
  "missing-feature-columns.csv": {
    code: "missing_features",
    confirm: { roles: { label: "income" }, model: { task: "binary", features: [{ name: "age" }, { name: "workclass" }, { name: "hours" }, { name: "sex" }] } },
    problem: ['"workclass" and "hours"'],
  },
  "empty-label.csv": { code: "label_empty", column: "label", confirm: { roles: { label: "label" }, model: { task: "binary" } } },
  "positive-label-missing.csv": {
    code: "positive_label_missing",
    column: "label",
    confirm: { roles: { label: "label" }, model: { task: "binary", positiveLabel: ">50K" } },
    problem: ['">50K"'],
  },
  "duplicate-ids.csv": { code: "duplicate_id", row: 5, column: "customer_id", confirm: { roles: { id: "customer_id" } }, problem: ['"A-2"', "row 3"] },
  "score-out-of-range.csv": { code: "score_out_of_range", row: 4, column: "score", confirm: { roles: { scores: ["score"], label: "label" }, model: { task: "binary" } }, problem: ["1.7"] },
  "regression-text-label.csv": { code: "label_not_numeric", row: 4, column: "count", confirm: { roles: { label: "count" }, model: { task: "regression" } }, problem: ['"lots"', "regression"] },
  "truncated.parquet": { code: "truncated_parquet", problem: ["incomplete"] },
  "not-a-parquet.parquet": { code: "invalid_parquet", options: { format: "parquet" }, problem: ["not a Parquet file", "looks like text"] },
  "zero-byte.parquet": { code: "empty_file", problem: ["0 bytes"] },
  "random-bytes.parquet": { code: "invalid_parquet", problem: ["PAR1"] },
  "json-column.parquet": { code: "unsupported_parquet", column: "details", problem: ["JSON"] },
  "header-only.parquet": { code: "header_only", problem: ["no rows"] },
  "not-a-list.json": { code: "unsupported_format", problem: ["not a list of rows"] },
};

/** Files users send that must be read, and read right. */
const ACCEPTED: Record<string, (r: Awaited<ReturnType<typeof ingestFile>>) => void> = {
  "bom.csv": (r) => {
    expect(r.details.bom).toBe(true);
    expect(r.table.columns.map((c) => c.name)).toEqual(["age", "workclass", "hours", "sex", "income"]);
    expect(findColumn(r.table, "age")?.kind).toBe("numeric");
    expect(r.table.rowCount).toBe(6);
  },
  "mixed-line-endings.csv": (r) => {
    expect(r.table.rowCount).toBe(4);
    const sex = findColumn(r.table, "sex");
    expect(sex === undefined ? [] : [0, 1, 2, 3].map((i) => cellText(sex, i))).toEqual(["Male", "Male", "Male", "Female"]);
  },
  "latin-1.csv": (r) => {
    expect(r.details.encoding).toBe("windows-1252");
    expect(r.schema.warnings.join(" ")).toContain("Windows-1252");
    const city = findColumn(r.table, "city");
    expect(city === undefined ? [] : [0, 1, 2].map((i) => cellText(city, i))).toEqual(["Málaga", "Zürich", "Sao Paulo"]);
  },
  "trailing-delimiter.csv": (r) => {
    expect(r.table.columns.map((c) => c.name)).toEqual(["age", "sex"]);
  },
  "gzip-codec.parquet": (r) => {
    // gzip-compressed Parquet, refused until hyparquet-compressors: now read
    expect(r.details.format).toBe("parquet");
    expect(r.table.columns.map((c) => c.name)).toEqual(["age"]);
    expect(r.table.rowCount).toBe(3);
    const age = findColumn(r.table, "age");
    expect(age === undefined ? [] : [0, 1, 2].map((i) => cellText(age, i))).toEqual(["39", "50", "38"]);
  },
  "utf-16.csv": (r) => {
    expect(r.details.encoding).toBe("utf-16le");
    expect(r.details.delimiter).toBe("\t");
    expect(r.table.columns.map((c) => c.name)).toEqual(["age", "sex"]);
  },
  "wrong-delimiter.csv": (r) => {
    // Detected, the semicolon file reads fine; forced to commas it is refused (see BAD).
    expect(r.details.delimiter).toBe(";");
    expect(r.table.columns).toHaveLength(5);
  },
  "text-in-numeric.csv": (r) => {
    const age = r.schema.columns.find((c) => c.name === "age");
    expect(age?.kind).toBe("categorical");
    expect(age?.reasons.join(" ")).toContain('"abc"');
  },
  "nan-and-infinity.csv": () => {
    // Only with infinity: "missing" (checked below); by default the file is refused.
  },
};

describe("bad-input corpus", () => {
  // hostile/ holds the hostile-file corpus, tested by hostile-corpus.test.ts.
  const files = readdirSync(BAD_DIR).filter((f) => !f.endsWith(".onnx") && !/^README.*\.md$/.test(f) && f !== "hostile");

  it("has at least 25 CSV, Parquet and other files", () => expect(files.length).toBeGreaterThanOrEqual(25));

  it("every non-ONNX file has an expected answer here", () => {
    const covered = new Set([...Object.keys(BAD), ...Object.keys(ACCEPTED)]);
    expect(files.filter((f) => !covered.has(f))).toEqual([]);
  });

  it.each(Object.entries(BAD))("%s is refused with its code, row, column, problem and fix", async (file, c) => {
    await expectIngestError(async () => {
      const r = await ingestFile(file, badFixture(file), c.options);
      if (c.confirm !== undefined) applySchema(r.table, c.confirm);
      if (c.windowsBy !== undefined) splitWindows(r.table, c.windowsBy, "day");
    }, { ...c, file });
  });

  it.each(Object.entries(ACCEPTED))("%s is accepted and read right", async (file, check) => {
    const options: IngestFileOptions = file === "nan-and-infinity.csv" ? { infinity: "missing" } : {};
    check(await ingestFile(file, badFixture(file), options));
  });

  it("nan-and-infinity.csv with infinity as missing: NaN spellings and infinities are missing", async () => {
    const r = await ingestFile("nan-and-infinity.csv", badFixture("nan-and-infinity.csv"), { infinity: "missing" });
    expect(r.schema.columns.find((c) => c.name === "x")?.missing).toBe(1);
    expect(r.schema.columns.find((c) => c.name === "y")?.missing).toBe(3);
  });

  it("the README lists every file", async () => {
    const { readFileSync } = await import("node:fs");
    const readme = readFileSync(`${BAD_DIR}/README.md`, "utf8");
    for (const f of files) expect(readme, f).toContain(`\`${f}\``);
  });
});
