// Rows with the model's answers (lib/jobs/scored-rows-work.ts, the scoring child's work): the CSV holds every stored
// row and column plus answers equal to the evaluation's own scoring (scoreTable over the whole table), whatever the
// batch size; the sample is twenty rows spread evenly with the same answers; text a spreadsheet would run is defused.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeTable, ingestFile, type Table } from "../../../lib/ingest";
import { isNumericStorage } from "../../../lib/ingest/table";
import { prepareModel, type FeatureColumn } from "../../../lib/onnx";
import { scoreTable } from "../../../lib/onnx/session-node";
import { scoreSample, spreadIndexes, writeScoredCsv, type ScoredRowsInput, type ScoredRowsProgress } from "../../../lib/jobs/scored-rows-work";

const MODEL = path.join(process.cwd(), "prisma/demo/models/income-screener-v1.onnx");
const ROWS = 300;
let dir = "";
let table: Table;
let input: ScoredRowsInput;
let expectedScores: Float64Array;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "scored-rows-"));
  process.env.SIGHTLINE_ARTIFACT_DIR = dir;
  const lines = fs.readFileSync(path.join(process.cwd(), "prisma/demo/data/income-reference.csv"), "utf8").split("\n").slice(0, ROWS + 1);
  // a text column a spreadsheet would run as formulas
  const csv = lines.map((l, i) => `${l},${i === 0 ? "note" : i === 1 ? "=1+1" : i === 2 ? "-x" : i === 3 ? "@sum" : "ok"}`).join("\n");
  table = (await ingestFile("income.csv", new TextEncoder().encode(csv))).table;
  const bytes = encodeTable(table);
  const sha = createHash("sha256").update(bytes).digest("hex");
  fs.mkdirSync(path.join(dir, sha.slice(0, 2)), { recursive: true });
  fs.writeFileSync(path.join(dir, sha.slice(0, 2), `${sha}.sltb`), bytes);
  input = {
    modelPath: MODEL,
    prepareOptions: { task: "binary", positiveLabel: ">50K" },
    table: { sha256: sha, name: "reference" },
    task: "binary",
    positiveLabel: ">50K",
    threshold: 0.4,
    idColumn: "id",
    labelColumn: "income",
  };
  // What the evaluation computes: the whole table through scoreTable.
  const columns = new Map<string, FeatureColumn>(table.columns.map((c) => [c.name, isNumericStorage(c) ? c.values : { codes: c.codes, dictionary: c.dictionary }]));
  const scored = await scoreTable(prepareModel(new Uint8Array(fs.readFileSync(MODEL)), input.prepareOptions), columns);
  expectedScores = scored.score as Float64Array;
});

afterAll(() => {
  delete process.env.SIGHTLINE_ARTIFACT_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("scored rows", () => {
  it("spreads a sample evenly, first row included", () => {
    expect(spreadIndexes(1000, 4)).toEqual([0, 250, 500, 750]);
    expect(spreadIndexes(3, 20)).toEqual([0, 1, 2]);
  });

  it("writes every row and column with the evaluation's answers, batch by batch", async () => {
    const out = path.join(dir, "rows.csv");
    const progress: ScoredRowsProgress[] = [];
    const done = await writeScoredCsv(input, out, (p) => progress.push(p), 128);
    expect(done.rows).toBe(ROWS);
    expect(done.bytes).toBe(fs.statSync(out).size);
    expect(progress.map((p) => p.rows)).toEqual([128, 256, 300]);
    expect(progress.at(-1)?.bytes).toBe(done.bytes);

    const parsed = Papa.parse<string[]>(fs.readFileSync(out, "utf8"), { skipEmptyLines: true });
    const [header, ...rows] = parsed.data as [string[], ...string[][]];
    expect(header).toEqual([...table.columns.map((c) => c.name), "model_answer", "model_probability_>50K"]);
    expect(rows).toHaveLength(ROWS);
    const answer = header.indexOf("model_answer");
    const probability = header.indexOf("model_probability_>50K");
    for (let i = 0; i < ROWS; i++) {
      const p = expectedScores[i] as number;
      expect(Number((rows[i] as string[])[probability]), `row ${i + 1}`).toBe(p);
      expect((rows[i] as string[])[answer]).toBe(p >= 0.4 ? ">50K" : "<=50K");
    }
    expect((rows[0] as string[])[header.indexOf("id")]).toBe("adult-00002");
    // formulas are defused; a negative number is not
    const note = header.indexOf("note");
    expect(rows.slice(0, 4).map((r) => r[note])).toEqual(["'=1+1", "'-x", "'@sum", "ok"]);
  });

  it("a version declared a raw score: the score column is model_score, not a probability", async () => {
    const out = path.join(dir, "raw.csv");
    await writeScoredCsv({ ...input, rawScore: true }, out, () => undefined);
    const header = (Papa.parse<string[]>(fs.readFileSync(out, "utf8"), { skipEmptyLines: true }).data[0] ?? []) as string[];
    expect(header.slice(-2)).toEqual(["model_answer", "model_score"]);
  });

  it("a sample of twenty rows has the same answers, with the id, the outcome and the model's inputs", async () => {
    const sample = await scoreSample(input, 20);
    expect(sample.totalRows).toBe(ROWS);
    expect(sample.rows.map((r) => r.rowNumber)).toEqual(spreadIndexes(ROWS, 20).map((i) => i + 1));
    expect(sample.columns.slice(0, 2)).toEqual([
      { name: "id", role: "id" },
      { name: "income", role: "label" },
    ]);
    expect(sample.columns.some((c) => c.name === "age" && c.role === "input")).toBe(true);
    expect(sample.columns.some((c) => c.name === "note")).toBe(false);
    for (const row of sample.rows) {
      const p = expectedScores[row.rowNumber - 1] as number;
      expect(row.probability).toBe(p);
      expect(row.answer).toBe(p >= 0.4 ? ">50K" : "<=50K");
      expect(row.prediction).toBeNull();
    }
  });
});
