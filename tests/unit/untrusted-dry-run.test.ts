// A model's dry run runs in a child process: a model that loops without end is stopped at the deadline, one that
// allocates without end at the memory cap, and the caller gets a clear refusal instead of a frozen server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dryRunIsolated } from "@/lib/jobs/untrusted-dry-run";
import { OnnxModelError } from "@/lib/onnx";
import { computedLoopModel } from "../fixtures/onnx/computed-loop";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-dry-run-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}


describe("dry run in a child process", () => {
  it("accepts a model that runs, with what a prediction costs in the child", async () => {
    const cost = await dryRunIsolated(write("short-loop.onnx", computedLoopModel(3)), { task: "regression" }, { seconds: 60, memoryMb: 2048 });
    expect(cost).toMatchObject({ threads: 1, batchRows: expect.any(Number) as number });
    expect(cost!.oneRowMs).toBeGreaterThan(0);
  }, 90_000);

  it("stops a model that loops past the deadline, with a message that says so", async () => {
    const started = Date.now();
    const refused = dryRunIsolated(write("endless-loop.onnx", computedLoopModel(1e12)), { task: "regression" }, { seconds: 4, memoryMb: 2048 });
    await expect(refused).rejects.toBeInstanceOf(OnnxModelError);
    await expect(refused).rejects.toThrow("did not finish one test row within 4 s");
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it("passes on the model's own refusal from the child", async () => {
    const refused = dryRunIsolated(write("not-onnx.onnx", new TextEncoder().encode("this is not a model")), { task: "regression" }, { seconds: 60, memoryMb: 2048 });
    await expect(refused).rejects.toMatchObject({ code: "NOT_ONNX" });
  }, 90_000);
});
