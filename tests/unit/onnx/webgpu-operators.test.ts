// Which operators the WebGPU provider runs (lib/onnx/webgpu-operators.ts): the list matches the installed
// onnxruntime-web's own table, the standard-operator fixture runs wholly on it (and scores as its formula says),
// and the demo models' tree and encoder steps are named as running on the CPU.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PrepareOptionsSchema, inspectModel, prepareModel } from "@/lib/onnx";
import { scoreTable } from "@/lib/onnx/session-node";
import { WEBGPU_OPERATORS, operatorsOffWebGpu } from "@/lib/onnx/webgpu-operators";
import {
  STANDARD_OPS,
  STANDARD_OPS_FILE,
  WIDE_CONCAT_FILE,
  standardOpsClassifier,
  standardOpsProbability,
  standardOpsReferenceCsv,
  wideConcatClassifier,
} from "../../fixtures/onnx/standard-ops-fixture";
import { DEMO, FIXTURES, ROOT, readBytes } from "./helpers";

describe("the WebGPU operator list", () => {
  it("is the ai.onnx column of the installed onnxruntime-web's webgpu-operators.md", () => {
    const table = readFileSync(join(ROOT, "node_modules/onnxruntime-web/docs/webgpu-operators.md"), "utf8");
    const documented = [...table.matchAll(/^\|\s*(\w+)\s*\|\s*([^|]*)\|/gm)].filter((m) => /(^|;\s*)ai\.onnx\(/.test(m[2]!.trim())).map((m) => m[1]!);
    expect(documented.length).toBeGreaterThan(50);
    expect([...WEBGPU_OPERATORS].sort()).toEqual([...new Set(documented)].sort());
  });
});

describe("the standard-operator fixture", () => {
  const bytes = readBytes(join(FIXTURES, STANDARD_OPS_FILE));

  it("is what its builder writes", () => {
    expect(Buffer.from(bytes).equals(Buffer.from(standardOpsClassifier()))).toBe(true);
  });

  it("runs wholly on the WebGPU provider", () => {
    expect(inspectModel(bytes).operators.map((o) => o.opType).sort()).toEqual(["Add", "MatMul", "Relu", "Sigmoid"]);
    expect(operatorsOffWebGpu(inspectModel(bytes).operators)).toEqual([]);
  });

  it("scores its reference rows as its formula says, with both answers present", async () => {
    const prepared = prepareModel(bytes, PrepareOptionsSchema.parse({ task: "binary", positiveLabel: STANDARD_OPS.positiveLabel }));
    const rows = standardOpsReferenceCsv(300).trim().split("\n").slice(1).map((line) => line.split(",").slice(1, 5).map(Number));
    const columns = Object.fromEntries(STANDARD_OPS.features.map((name, i) => [name, Float64Array.from(rows.map((r) => r[i]!))]));
    const scored = await scoreTable(prepared, columns);
    let yes = 0;
    rows.forEach((x, r) => {
      expect(Math.abs(scored.score![r]! - standardOpsProbability(x))).toBeLessThan(1e-6);
      if (scored.score![r]! >= 0.5) yes++;
    });
    expect(yes).toBeGreaterThan(30);
    expect(yes).toBeLessThan(270);
  });
});

describe("the wide-Concat fixture", () => {
  it("is what its builder writes: twelve inputs joined in one Concat, every step a WebGPU operator", () => {
    const bytes = readBytes(join(FIXTURES, WIDE_CONCAT_FILE));
    expect(Buffer.from(bytes).equals(Buffer.from(wideConcatClassifier()))).toBe(true);
    const signature = inspectModel(bytes);
    expect(signature.inputs).toHaveLength(12);
    expect(operatorsOffWebGpu(signature.operators)).toEqual([]);
  });
});

describe("the demo models", () => {
  it.each(["income-screener-v1.onnx", "bike-demand-v1.onnx"])("%s names its classic machine-learning steps as running on the CPU", (file) => {
    const bytes = readBytes(join(DEMO, "models", file));
    const off = operatorsOffWebGpu(inspectModel(bytes).operators);
    expect(off.length).toBeGreaterThan(0);
    expect(off.every((o) => o.startsWith("ai.onnx.ml:"))).toBe(true);
  });

  it("ignores nodes the optimiser folds away and names an unlisted standard operator by its name", () => {
    expect(operatorsOffWebGpu([{ domain: "", opType: "Identity", count: 2 }, { domain: "ai.onnx", opType: "Mod", count: 1 }, { domain: "", opType: "MatMul", count: 1 }])).toEqual(["Mod"]);
  });
});
