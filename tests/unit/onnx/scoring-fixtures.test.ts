// Every hand-built fixture scored through onnxruntime-web in Node and compared with a plain-JS
// computation of the same model.
import { describe, expect, it } from "vitest";
import { inspectModel, prepareModel, encodeBatch, type DecodedOutputs } from "../../../lib/onnx";
import { dryRun, scoreTable } from "../../../lib/onnx/session-node";
import { type GoodFixture, GOOD_FIXTURES, TREE_CLASSES, batchOfOne, hiddenBatchOfOne, linearZipMapInt64, treeClassifierInt64 } from "../../fixtures/onnx/fixture-models";
import { FIXTURES, expectOnnxError, readBytes } from "./helpers";
import { join } from "node:path";

const TOLERANCE = 1e-6;

function rowsOf(fixture: GoodFixture): number {
  const first = Object.values(fixture.sample)[0];
  return first ? first.length : 0;
}

function optionsFor(fixture: GoodFixture) {
  return fixture === treeClassifierInt64 ? { featureNames: ["x1", "x2"] } : {};
}

function compare(fixture: GoodFixture, out: DecodedOutputs): void {
  const n = rowsOf(fixture);
  expect(out.rows).toBe(n);
  for (let i = 0; i < n; i++) {
    const ref = fixture.reference(fixture.sample, i);
    if (ref.prediction !== undefined) {
      expect(out.prediction?.[i]).toBeCloseTo(ref.prediction, 6);
      expect(Math.abs((out.prediction?.[i] ?? Number.NaN) - ref.prediction)).toBeLessThanOrEqual(TOLERANCE * Math.max(1, Math.abs(ref.prediction)));
    }
    if (ref.probabilities) {
      const c = ref.probabilities.length;
      for (let k = 0; k < c; k++) {
        expect(Math.abs((out.probabilities?.[i * c + k] ?? Number.NaN) - (ref.probabilities[k] as number))).toBeLessThanOrEqual(TOLERANCE);
      }
    }
    if (ref.label !== undefined) expect(out.labels?.[i]).toBe(ref.label);
  }
}

describe.each(GOOD_FIXTURES.map((f) => [f.file, f] as const))("%s", (file, fixture) => {
  const bytes = readBytes(join(FIXTURES, file));

  it("is the file its builder writes", () => {
    expect(Buffer.from(fixture.bytes()).equals(Buffer.from(bytes))).toBe(true);
  });

  it("scores like the plain-JS reference (1e-6)", async () => {
    const prepared = prepareModel(bytes, optionsFor(fixture));
    compare(fixture, await scoreTable(prepared, fixture.sample, { batchSize: 3 }));
  });

  it("passes a dry run on its first row and on a synthetic row", async () => {
    const prepared = prepareModel(bytes, optionsFor(fixture));
    const sampled = await dryRun(prepared, fixture.sample);
    expect(sampled.outputs.rows).toBe(1);
    expect(sampled.warnings).toEqual(fixture === hiddenBatchOfOne ? [expect.stringContaining("one by one")] : []);
    expect(sampled.batches).toBe(fixture !== hiddenBatchOfOne && fixture !== batchOfOne);
    const synthetic = await dryRun(prepared);
    expect(synthetic.outputs.rows).toBe(1);
    expect(inspectModel(bytes).inputs.length).toBeGreaterThan(0);
  });
});

describe("quirks", () => {
  it("int64 labels come back as decimal strings and the single-row LinearClassifier gives two columns", async () => {
    const prepared = prepareModel(readBytes(join(FIXTURES, linearZipMapInt64.file)));
    expect(prepared.plan.outputs.label).toEqual({ name: "label", elementType: "int64" });
    expect(prepared.plan.classes).toEqual(["0", "1"]);
    const out = await scoreTable(prepared, linearZipMapInt64.sample);
    expect(out.classes).toEqual(["0", "1"]);
    expect(out.labels?.every((l) => l === "0" || l === "1")).toBe(true);
    expect(out.score?.[0]).toBeCloseTo(out.probabilities?.[1] ?? Number.NaN, 12);
  });

  it("a batch-of-one model is scored row by row", async () => {
    const prepared = prepareModel(readBytes(join(FIXTURES, batchOfOne.file)));
    expect(prepared.plan.fixedBatchSize).toBe(1);
    expect(prepared.signature.batchFixedToOne).toBe(true);
    const batch = encodeBatch(prepared.plan, batchOfOne.sample, 2, 3);
    expect(batch.feeds.x?.dims).toEqual([1, 4]);
    const progress: number[] = [];
    const out = await scoreTable(prepared, batchOfOne.sample, { batchSize: 1000, onProgress: (done) => progress.push(done) });
    expect(out.prediction?.length).toBe(5);
    expect(progress.at(-1)).toBe(5);
  });

  it("a model that fails on several rows despite a free batch size falls back to one row per run", async () => {
    const prepared = prepareModel(readBytes(join(FIXTURES, hiddenBatchOfOne.file)));
    expect(prepared.plan.fixedBatchSize).toBeNull();
    const out = await scoreTable(prepared, hiddenBatchOfOne.sample);
    expect(out.notes).toEqual([expect.stringContaining("one by one")]);
    expect(out.prediction?.length).toBe(3);
    const regular = await scoreTable(prepareModel(readBytes(join(FIXTURES, batchOfOne.file))), batchOfOne.sample);
    expect(regular.notes).toEqual([]);
  });

  it("a [N, F] model without feature_names needs a mapping, and says so", async () => {
    const bytes = readBytes(join(FIXTURES, treeClassifierInt64.file));
    await expectOnnxError(() => prepareModel(bytes), "FEATURE_NAMES_REQUIRED", "'X'", "2 features", "feature_names", "Map each position");
    const prepared = prepareModel(bytes, { featureNames: ["x1", "x2"] });
    expect(prepared.plan.inputs[0]).toMatchObject({ kind: "matrix", featureSource: "mapping", features: ["x1", "x2"] });
    expect(prepared.plan.classes).toEqual([...TREE_CLASSES]);
    expect(prepared.plan.task).toBe("multiclass");
    await expectOnnxError(() => prepareModel(bytes, { featureNames: ["x1"] }), "FEATURE_NAMES_MISMATCH", "2 features", "lists 1 names");
  });

  it("missing columns are named", async () => {
    const prepared = prepareModel(readBytes(join(FIXTURES, treeClassifierInt64.file)), { featureNames: ["x1", "x2"] });
    await expectOnnxError(() => scoreTable(prepared, { x1: Float64Array.of(1) }), "MISSING_COLUMNS", "'x2'");
  });

  it("declared binary with three classes is refused", async () => {
    const bytes = readBytes(join(FIXTURES, treeClassifierInt64.file));
    await expectOnnxError(() => prepareModel(bytes, { featureNames: ["x1", "x2"], task: "binary" }), "TASK_MISMATCH", "3 classes", "binary");
  });

  it("cancellation stops between batches", async () => {
    const prepared = prepareModel(readBytes(join(FIXTURES, batchOfOne.file)));
    const controller = new AbortController();
    controller.abort();
    await expectOnnxError(() => scoreTable(prepared, batchOfOne.sample, { signal: controller.signal }), "CANCELLED");
  });
});
