// A model's dry run runs in a child process: a model that loops without end is stopped at the deadline, one that
// allocates without end at the memory cap, and the caller gets a clear refusal instead of a frozen server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dryRunIsolated } from "@/lib/jobs/untrusted-dry-run";
import { OnnxModelError } from "@/lib/onnx";
import { onnx } from "@/lib/onnx/onnx-schema";
import { attr, buildModel, int64Tensor, node, tensorValue } from "@/prisma/demo/training/onnx-builder";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-dry-run-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** y = sum of x after `trips` rounds of Relu; the trip count passes through Identity, so no static check sees it. */
function computedLoop(trips: number): Uint8Array {
  const body = onnx.GraphProto.create({
    name: "body",
    input: [tensorValue("i", "int64", []), tensorValue("c", "bool", []), tensorValue("v", "float32", ["N", 2])],
    output: [tensorValue("c_out", "bool", []), tensorValue("v_out", "float32", ["N", 2])],
    node: [node("Identity", ["c"], ["c_out"]), node("Relu", ["v"], ["v_out"])],
  });
  return buildModel({
    graphName: "computed_loop",
    inputs: [tensorValue("x", "float32", ["N", 2])],
    outputs: [tensorValue("y", "float32", ["N", 1])],
    nodes: [
      node("Identity", ["trips0"], ["trips"]),
      node("Loop", ["trips", "", "x"], ["looped"], [onnx.AttributeProto.create({ name: "body", type: onnx.AttributeProto.AttributeType.GRAPH, g: body })]),
      node("ReduceSum", ["looped"], ["y"], [attr.int("keepdims", 1)]),
    ],
    initializers: [int64Tensor("trips0", [trips], [])],
    metadata: { feature_names: "age,hours" },
  });
}

describe("dry run in a child process", () => {
  it("accepts a model that runs", async () => {
    await expect(dryRunIsolated(write("short-loop.onnx", computedLoop(3)), { task: "regression" }, { seconds: 60, memoryMb: 2048 })).resolves.toBeUndefined();
  }, 90_000);

  it("stops a model that loops past the deadline, with a message that says so", async () => {
    const started = Date.now();
    const refused = dryRunIsolated(write("endless-loop.onnx", computedLoop(1e12)), { task: "regression" }, { seconds: 4, memoryMb: 2048 });
    await expect(refused).rejects.toBeInstanceOf(OnnxModelError);
    await expect(refused).rejects.toThrow("did not finish one test row within 4 s");
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it("passes on the model's own refusal from the child", async () => {
    const refused = dryRunIsolated(write("not-onnx.onnx", new TextEncoder().encode("this is not a model")), { task: "regression" }, { seconds: 60, memoryMb: 2048 });
    await expect(refused).rejects.toMatchObject({ code: "NOT_ONNX" });
  }, 90_000);
});
