// Output checks at version upload (lib/onnx/output-checks.ts, through checkUpload): a feature transformer with many
// values per row is refused under every task, whether its shape declares the width or only the runtime shows it; a
// yes/no model's raw score is refused unless declared; real predictors pass.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDeclaredOutputs, prepareModel, type PrepareOptions } from "@/lib/onnx";
import { checkUpload } from "@/lib/onnx/session-node";
import { manyOutputsTransformer, probabilityClassifier, rawScoreClassifier } from "../../fixtures/onnx/input-mapping-fixtures";
import { FIXTURES, expectOnnxError, readBytes } from "./helpers";

const TASKS = ["binary", "multiclass", "regression"] as const;

describe("a feature transformer (three columns in, six values per row out)", () => {
  it.each(TASKS)("is refused as a %s model from its declared shape, before it runs", async (task) => {
    const prepared = prepareModel(readBytes(join(FIXTURES, "many-outputs-transformer.onnx")), { task });
    const error = await expectOnnxError(() => checkDeclaredOutputs(prepared), "NOT_A_PREDICTION", "'transformed'");
    expect(error.message).toMatch(task === "multiclass" ? /names no classes/ : /returns 6 values per row/);
  });

  it.each(TASKS)("is refused as a %s model when only the runtime shows its six values", async (task) => {
    const prepared = prepareModel(manyOutputsTransformer({ undeclaredOutputWidth: true }), { task });
    if (task !== "multiclass") expect(() => checkDeclaredOutputs(prepared)).not.toThrow();
    const error = await expectOnnxError(() => checkUpload(prepared), "NOT_A_PREDICTION", "'transformed'");
    if (task !== "multiclass") expect(error.message).toContain("6 values per row");
  });
});

describe("a yes/no model's score", () => {
  it("is refused when it is a raw score outside 0 to 1, saying how to declare it", async () => {
    const prepared = prepareModel(rawScoreClassifier(), { task: "binary" });
    const error = await expectOnnxError(() => checkUpload(prepared), "SCORE_OUT_OF_RANGE", "outside 0 to 1", "post_transform LOGISTIC", "raw score");
    expect(error.message).toMatch(/gave -?\d/);
  });

  it("passes when the owner declared it a raw score", async () => {
    await expect(checkUpload(prepareModel(rawScoreClassifier(), { task: "binary" }), { rawScoreDeclared: true })).resolves.toMatchObject({ batches: true });
  });

  it("passes when it is a probability, even for extreme inputs", async () => {
    await expect(checkUpload(prepareModel(probabilityClassifier(), { task: "binary" }))).resolves.toMatchObject({ batches: true });
  });
});

describe("real predictors pass", () => {
  const cases: [string, "binary" | "multiclass" | "regression", PrepareOptions][] = [
    ["two-inputs.onnx", "regression", { featureNames: { numbers: ["age", "income"], tenure: ["tenure"] } }],
    ["linear-zipmap-strings.onnx", "multiclass", {}],
    ["linear-zipmap-int64.onnx", "binary", {}],
    ["tree-classifier-int64.onnx", "multiclass", { featureNames: ["x1", "x2"] }],
  ];
  it.each(cases)("%s as %s", async (file, task, options) => {
    await expect(checkUpload(prepareModel(readBytes(join(FIXTURES, file)), { task, ...options }))).resolves.toBeDefined();
  });
});
