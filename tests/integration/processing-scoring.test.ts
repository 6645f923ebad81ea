// Declared processing around real models in onnxruntime-web (the runtime the server and the browser share): a model
// needing standardised inputs and a de-standardised output, a log-target regressor and a raw-score classifier, each
// scored through its declared processing and checked against the arithmetic done independently here
// (tests/fixtures/onnx/processing-fixtures.ts). Then the evaluation: processing changes the numbers and the input
// hash, and cached reference scores are never reused across a change.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Table } from "@/lib/ingest/table";
import { encodeTable } from "@/lib/ingest/table-codec";
import { prepareModel } from "@/lib/onnx";
import { createScoringSession } from "@/lib/onnx/session-node";
import { declareProcessing, scoreWithProcessing } from "@/lib/processing";
import { defaultRules } from "@/lib/governance/policy-rules";
import { computeEvaluations, type ComputeRequest } from "@/lib/evaluation/compute";
import {
  LOG_TARGET,
  RAW_SCORE,
  STANDARDISED,
  logTargetPrice,
  logTargetRegressor,
  rawScoreLogit,
  rawScoreLogitClassifier,
  rawScoreProbability,
  standardisedPrice,
  standardisedRegressor,
} from "../fixtures/onnx/processing-fixtures";

/** Relative closeness: float32 inside the model, float64 around it. */
function expectClose(actual: number | undefined, expected: number, relative = 1e-6): void {
  expect(actual).toBeDefined();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

const rows = {
  age: [25, 40, 63, 31, 52],
  income: [1800, 3000, 5200, 2400, 4100],
  debt: [900, 600, 520, 1440, 2050],
  rooms: [2, 3, 5, 4, 1],
  area: [48, 75, 160, 102, 30],
  u: [-1.5, 0, 0.4, 2, 3.25],
  v: [1, 0.5, -2, 4, -0.75],
};
const column = (values: readonly number[]) => Float64Array.from(values);

describe("scoring through declared processing", () => {
  it("standardises inputs (after deriving one), runs the model, and brings the target back to its scale", async () => {
    const prepared = prepareModel(standardisedRegressor(), { task: "regression" });
    expect(prepared.plan.requiredColumns).toEqual([...STANDARDISED.features]);
    const processing = declareProcessing(
      { derived: [STANDARDISED.derived], standardise: STANDARDISED.scaler, transform: { kind: "affine", ...STANDARDISED.target }, meaning: { kind: "number", unit: "EUR" } },
      { task: "regression", modelInputs: prepared.plan.requiredColumns, dataColumns: ["age", "income", "debt", "price"] },
    );
    const session = await createScoringSession(prepared);
    try {
      const scored = await scoreWithProcessing(session, processing, { age: column(rows.age), income: column(rows.income), debt: column(rows.debt) });
      rows.age.forEach((age, i) => expectClose(scored.prediction?.[i], standardisedPrice(age, rows.income[i]!, rows.debt[i]!)));
      // Without the processing the same model gives numbers on the wrong scale entirely (and lacks debt_ratio).
      await expect(session.score({ age: column(rows.age), income: column(rows.income), debt: column(rows.debt) })).rejects.toThrow(/debt_ratio/);
    } finally {
      await session.release();
    }
  });

  it("turns a log10 target back into the price with 10^x", async () => {
    const prepared = prepareModel(logTargetRegressor(), { task: "regression" });
    const processing = declareProcessing({ transform: { kind: "pow10" }, meaning: { kind: "number", unit: "EUR" } }, { task: "regression", modelInputs: [...LOG_TARGET.features], dataColumns: null });
    const session = await createScoringSession(prepared);
    try {
      const columns = { rooms: column(rows.rooms), area: column(rows.area) };
      const scored = await scoreWithProcessing(session, processing, columns);
      const plain = await session.score(columns);
      rows.rooms.forEach((rooms, i) => {
        expectClose(scored.prediction?.[i], logTargetPrice(rooms, rows.area[i]!));
        expectClose(plain.prediction?.[i], Math.log10(logTargetPrice(rooms, rows.area[i]!)));
      });
    } finally {
      await session.release();
    }
  });

  it("turns a raw score into the chance of yes with the sigmoid, and picks the answer from it", async () => {
    const prepared = prepareModel(rawScoreLogitClassifier(), { task: "binary" });
    const processing = declareProcessing({ transform: { kind: "sigmoid" }, meaning: { kind: "probability" } }, { task: "binary", modelInputs: [...RAW_SCORE.features], dataColumns: null });
    const session = await createScoringSession(prepared);
    try {
      const columns = { u: column(rows.u), v: column(rows.v) };
      const scored = await scoreWithProcessing(session, processing, columns);
      const plain = await session.score(columns);
      rows.u.forEach((u, i) => {
        const p = rawScoreProbability(u, rows.v[i]!);
        expectClose(scored.score?.[i], p, 1e-7);
        expectClose(scored.probabilities?.[2 * i + 1], p, 1e-7);
        expectClose(scored.probabilities?.[2 * i], 1 - p, 1e-7);
        expect(scored.labels?.[i]).toBe(p >= 0.5 ? "1" : "0");
        // As it is, the "probability" is the raw score, outside 0 to 1 for most rows.
        expectClose(plain.score?.[i], rawScoreLogit(u, rows.v[i]!), 1e-7);
      });
      expect(Array.from(plain.score ?? []).some((s) => s < 0 || s > 1)).toBe(true);
    } finally {
      await session.release();
    }
  });
});

describe("the evaluation scores through the version's processing and hashes it", () => {
  let dir = "";
  let previousDataDir: string | undefined;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-processing-"));
    previousDataDir = process.env.SIGHTLINE_DATA_DIR;
    process.env.SIGHTLINE_DATA_DIR = dir;
  });
  afterAll(() => {
    if (previousDataDir === undefined) delete process.env.SIGHTLINE_DATA_DIR;
    else process.env.SIGHTLINE_DATA_DIR = previousDataDir;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function stagedTable(name: string, columns: Record<string, readonly number[]>): ComputeRequest["reference"] {
    const entries = Object.entries(columns);
    const table: Table = {
      file: `${name}.csv`,
      format: "csv",
      rowCount: entries[0]![1].length,
      firstRowNumber: 2,
      columns: entries.map(([n, values]) => ({ name: n, kind: "numeric" as const, values: Float64Array.from(values) })),
    };
    const bytes = encodeTable(table);
    const file = path.join(dir, `${name}.sltb`);
    fs.writeFileSync(file, bytes);
    return { kind: "staged", path: file, sha256: createHash("sha256").update(bytes).digest("hex"), name };
  }

  it("gives processed numbers, a different input hash per processing, and no reuse of cached scores", async () => {
    const modelBytes = logTargetRegressor();
    const modelPath = path.join(dir, "log-target.onnx");
    fs.writeFileSync(modelPath, modelBytes);
    const price = rows.rooms.map((r, i) => logTargetPrice(r, rows.area[i]!));
    const reference = stagedTable("reference", { rooms: rows.rooms, area: rows.area, price });
    const window = stagedTable("window", { rooms: [...rows.rooms].reverse(), area: [...rows.area].reverse(), price: [...price].reverse() });
    const request = (processing: ReturnType<typeof declareProcessing> | null): ComputeRequest => ({
      model: { id: "m1", task: "regression", positiveLabel: null, sensitiveAttributes: [], policy: { id: "p1", version: 1, ...defaultRules("regression") } },
      versions: [
        {
          id: "v1",
          artifactSha256: createHash("sha256").update(modelBytes).digest("hex"),
          modelPath,
          prepareOptions: { task: "regression" },
          processing,
          featureColumns: [...LOG_TARGET.features],
          known: [],
        },
      ],
      roles: { label: "price", scores: [] },
      reference,
      // the reference itself as a target: its scores come from the reference-scores cache
      targets: [
        { key: "w", source: window, label: "window" },
        { key: "r", source: reference, label: "reference" },
      ],
    });
    const noop = () => undefined;
    const plain = await computeEvaluations(request(null), noop);
    const pow10 = declareProcessing({ transform: { kind: "pow10" } }, { task: "regression", modelInputs: [...LOG_TARGET.features], dataColumns: ["rooms", "area", "price"] });
    const processed = await computeEvaluations(request(pow10), noop);
    const exp = declareProcessing({ transform: { kind: "exp" } }, { task: "regression", modelInputs: [...LOG_TARGET.features], dataColumns: ["rooms", "area", "price"] });
    const other = await computeEvaluations(request(exp), noop);

    const snapshot = (answer: typeof plain, key: string) => answer.snapshots.find((x) => x.key === key);
    const mae = (answer: typeof plain, key = "w") => snapshot(answer, key)?.content.scorecard?.metrics.find((m) => m.name === "mae")?.value ?? Number.NaN;
    // The labels are the model's own prices through 10^x: with the processing the error is (almost) nothing.
    expect(mae(processed)).toBeLessThan(1e-6 * Math.max(...price));
    expect(mae(plain)).toBeGreaterThan(1000);
    expect(mae(other)).toBeGreaterThan(1000);
    // The reference was scored (and cached) without processing first; with it, it is scored again, not read back.
    expect(mae(plain, "r")).toBeGreaterThan(1000);
    expect(mae(processed, "r")).toBeLessThan(1e-6 * Math.max(...price));
    expect(mae(other, "r")).toBeGreaterThan(1000);
    for (const key of ["w", "r"]) {
      const hashes = [plain, processed, other].map((a) => snapshot(a, key)?.inputHash);
      expect(new Set(hashes).size, key).toBe(3);
    }
    // Scoring again with the same processing gives the same hash (the canonical JSON is stable).
    const again = await computeEvaluations(request(declareProcessing({ transform: { kind: "pow10" } }, { task: "regression", modelInputs: [...LOG_TARGET.features], dataColumns: null })), noop);
    expect(snapshot(again, "w")?.inputHash).toBe(snapshot(processed, "w")?.inputHash);
    expect(mae(again)).toBe(mae(processed));
    expect(mae(again, "r")).toBe(mae(processed, "r"));
  });
});

describe("the committed fixture files are what the builders make", () => {
  it.each([
    ["standardised-regressor.onnx", standardisedRegressor],
    ["log-target-regressor.onnx", logTargetRegressor],
    ["raw-score-classifier.onnx", rawScoreLogitClassifier],
  ] as const)("%s", (file, build) => {
    const committed = new Uint8Array(fs.readFileSync(path.join(process.cwd(), "tests/fixtures/onnx", file)));
    expect(Buffer.from(committed).equals(Buffer.from(build()))).toBe(true);
  });
});
