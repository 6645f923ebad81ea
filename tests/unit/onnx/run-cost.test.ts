// What running a model costs on the server (lib/onnx/run-cost.ts), measured in the upload's dry run: real figures from
// a real runtime, and the time budget that keeps a slow model's upload quick (an injected clock).
import { join } from "node:path";
import * as ort from "onnxruntime-web";
import { describe, expect, it } from "vitest";
import { PrepareOptionsSchema, prepareModel } from "@/lib/onnx";
import { createOrtRunner } from "@/lib/onnx/ort-runner";
import { measureRunCost } from "@/lib/onnx/run-cost";
import { checkUpload } from "@/lib/onnx/session-node";
import { STANDARD_OPS_FILE } from "../../fixtures/onnx/standard-ops-fixture";
import { FIXTURES, readBytes } from "./helpers";

const prepared = prepareModel(readBytes(join(FIXTURES, STANDARD_OPS_FILE)), PrepareOptionsSchema.parse({ task: "binary", positiveLabel: "1" }));

describe("the server's cost of running a model", () => {
  it("is measured by the upload's checks when asked: one prediction and a batch of 1,000 rows, one thread", async () => {
    const { cost } = await checkUpload(prepared, {}, { timeIt: true });
    expect(cost).not.toBeNull();
    expect(cost!.threads).toBe(1);
    expect(cost!.batchRows).toBe(1_000);
    expect(cost!.oneRowMs).toBeGreaterThan(0);
    expect(cost!.batchMs).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(cost!.measuredAt))).toBe(false);
    expect((await checkUpload(prepared)).cost).toBeNull();
  });

  it("stays within its budget on a slow model: three single calls, then a smaller batch", async () => {
    ort.env.wasm.numThreads = 1;
    const runner = await createOrtRunner(ort, prepared.bytes, { executionProviders: ["wasm"] });
    try {
      // Every reading of the clock moves it 100 ms: each call seems to take 100 ms.
      let clock = 0;
      const cost = await measureRunCost(runner, prepared, { budgetMs: 1_000, now: () => (clock += 100) });
      expect(cost.oneRowMs).toBe(100);
      // 1,000 rows at 100 ms each would take 100 s: the batch shrinks to fit a quarter of the budget, at least 10 rows.
      expect(cost.batchRows).toBe(10);
    } finally {
      await runner.release();
    }
  });
});
