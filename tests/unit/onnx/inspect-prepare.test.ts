// Signature reading and preparation (pure): the demo models, the fixtures and the options.
import { join } from "node:path";
import * as ort from "onnxruntime-web";
import { describe, expect, it } from "vitest";
import { bindColumns, inspectModel, parseFeatureNames, prepareModel, type ScoringPlan } from "../../../lib/onnx";
import { buildModel, node, tensorValue } from "../../../prisma/demo/training/onnx-builder";
import { DEMO, FIXTURES, expectOnnxError, readBytes } from "./helpers";

const incomeV1 = readBytes(join(DEMO, "models/income-screener-v1.onnx"));
const incomeV2 = readBytes(join(DEMO, "models/income-screener-v2.onnx"));
const bike = readBytes(join(DEMO, "models/bike-demand-v1.onnx"));

describe("inspectModel", () => {
  it("reads the income screener: one input per column, a classifier and a trailing ZipMap", () => {
    const s = inspectModel(incomeV1);
    expect(s.inputs.map((i) => i.name)).toEqual([
      "age",
      "workclass",
      "education",
      "education-num",
      "marital-status",
      "occupation",
      "relationship",
      "race",
      "sex",
      "capital-gain",
      "capital-loss",
      "hours-per-week",
      "native-country",
    ]);
    expect(s.inputs[0]).toMatchObject({ kind: "tensor", elementType: "float32", shape: [null, 1] });
    expect(s.inputs[1]).toMatchObject({ kind: "tensor", elementType: "string", shape: [null, 1] });
    expect(s.outputs.map((o) => [o.name, o.kind])).toEqual([
      ["output_label", "tensor"],
      ["output_probability", "sequence"],
    ]);
    expect(s.outputs[1]?.typeText).toBe("seq(map(string, tensor(float)))");
    expect(s.opsets).toEqual([
      { domain: "ai.onnx", version: 13 },
      { domain: "ai.onnx.ml", version: 1 },
    ]);
    expect(s.zipMap).toMatchObject({ input: "probabilities", output: "output_probability", labels: ["<=50K", ">50K"], labelType: "string", trailing: true });
    expect(s.classifier).toMatchObject({ opType: "LinearClassifier", labels: ["<=50K", ">50K"] });
    expect(inspectModel(incomeV2).classifier?.opType).toBe("TreeEnsembleClassifier");
    expect(s.batchFixedToOne).toBe(false);
    expect(s.featureNames).toBeNull();
    expect(s.metadata["sightline.positive_label"]).toBe(">50K");
    expect(s.operators.find((o) => o.opType === "OneHotEncoder")?.count).toBe(8);
  });

  it("reads the bike model: one [N, 11] float input with feature_names", () => {
    const s = inspectModel(bike);
    expect(s.inputs).toHaveLength(1);
    expect(s.inputs[0]).toMatchObject({ name: "input", elementType: "float32", shape: ["N", 11], typeText: "tensor(float)[N, 11]" });
    expect(s.featureNames).toEqual(["season", "month", "hour", "holiday", "weekday", "workingday", "weathersit", "temp", "feelingTemp", "humidity", "windspeed"]);
    expect(s.zipMap).toBeNull();
  });

  it("tells named, unnamed and undeclared dims apart", () => {
    const s = inspectModel(readBytes(join(FIXTURES, "per-column-types.onnx")));
    const shapes = Object.fromEntries(s.inputs.map((i) => [i.name, i.shape]));
    expect(shapes).toMatchObject({ a: ["N"], b: [null, 1], c: ["batch", 1], d: ["N"], g: null, h: [null, 1] });
    expect(s.inputs.map((i) => i.elementType)).toEqual(["float32", "float64", "int64", "int64", "float32", "int32", "string", "string"]);
  });
});

describe("prepareModel", () => {
  it("replaces the income screener's ZipMap and plans one feed per column", () => {
    const prepared = prepareModel(incomeV1, { task: "binary", positiveLabel: ">50K" });
    const { plan } = prepared;
    expect(plan.task).toBe("binary");
    expect(plan.classes).toEqual(["<=50K", ">50K"]);
    expect(plan.classSource).toBe("zipmap");
    expect(plan.positiveLabel).toBe(">50K");
    expect(plan.outputs).toEqual({ label: { name: "output_label", elementType: "string" }, probabilities: { name: "output_probability" }, prediction: null });
    expect(plan.inputs.every((f) => f.kind === "column" && f.column === f.input && f.shape.join() === "-1,1")).toBe(true);
    expect(plan.requiredColumns).toHaveLength(13);
    expect(prepared.changes[0]).toContain("ZipMap 'output_probability'");
    const after = inspectModel(prepared.bytes);
    expect(after.zipMap).toBeNull();
    expect(after.outputs[1]).toMatchObject({ name: "output_probability", kind: "tensor", elementType: "float32", shape: null });
    expect(prepared.signature.zipMap?.trailing).toBe(true);
  });

  it("plans the bike model as one matrix in feature_names order", () => {
    const { plan } = prepareModel(bike, { task: "regression" });
    expect(plan.task).toBe("regression");
    expect(plan.inputs).toEqual([
      { kind: "matrix", input: "input", elementType: "float32", features: inspectModel(bike).featureNames, featureSource: "metadata" },
    ]);
    expect(plan.outputs.prediction).toEqual({ name: "variable" });
    expect(plan.fetches).toEqual(["variable"]);
  });

  it("defaults the positive label to the second class, and refuses an unknown one", async () => {
    expect(prepareModel(incomeV1).plan.positiveLabel).toBe(">50K");
    await expectOnnxError(() => prepareModel(incomeV1, { positiveLabel: "yes" }), "UNKNOWN_POSITIVE_LABEL", "'yes'", "'<=50K', '>50K'");
  });

  it("refuses a classifier declared as regression, and malformed options", async () => {
    await expectOnnxError(() => prepareModel(incomeV1, { task: "regression" }), "TASK_MISMATCH", "LinearClassifier", "regression");
    await expectOnnxError(() => prepareModel(bike, { featureNames: "season" } as never), "INVALID_OPTIONS", "featureNames");
    await expectOnnxError(() => prepareModel(bike, { colour: "red" } as never), "INVALID_OPTIONS");
  });

  it("maps inputs to differently named columns", () => {
    const { plan } = prepareModel(incomeV1, { inputColumns: { "education-num": "years_of_education" } });
    expect(plan.inputs.find((f) => f.input === "education-num")).toMatchObject({ column: "years_of_education" });
    expect(plan.requiredColumns).toContain("years_of_education");
  });

  it("keeps the bytes when nothing needs rewriting", () => {
    const bytes = buildModel({
      graphName: "identity",
      inputs: [tensorValue("x", "float32", ["N", 2])],
      outputs: [tensorValue("y", "float32", null)],
      nodes: [node("Identity", ["x"], ["y"])],
      metadata: { feature_names: "a,b" },
    });
    const prepared = prepareModel(bytes);
    expect(prepared.bytes).toBe(bytes);
    expect(prepared.changes).toEqual([]);
    expect(prepared.plan.task).toBe("regression");
  });

  it("absorbs a declared output shape that onnxruntime would refuse", async () => {
    const bytes = readBytes(join(FIXTURES, "per-column-types.onnx"));
    ort.env.wasm.numThreads = 1;
    await expect(ort.InferenceSession.create(bytes)).rejects.toThrow(/merge shape|Declared/i);
    const session = await ort.InferenceSession.create(prepareModel(bytes).bytes);
    expect(session.outputNames).toEqual(["prediction"]);
    await session.release();
  });
});

describe("feature names and column binding", () => {
  it("parses JSON arrays and comma lists", () => {
    expect(parseFeatureNames('["a", "b"]')).toEqual(["a", "b"]);
    expect(parseFeatureNames("a, b ,c")).toEqual(["a", "b", "c"]);
    expect(parseFeatureNames("[1, 2]")).toBeNull();
    expect(parseFeatureNames("a,,b")).toBeNull();
    expect(parseFeatureNames("")).toBeNull();
    expect(parseFeatureNames("[broken")).toBeNull();
  });

  const plan = prepareModel(incomeV1).plan;
  const names = plan.requiredColumns.map((c) => c.replace(/-/g, "_").toUpperCase());

  it("binds columns that differ only in case or punctuation", () => {
    const bound: ScoringPlan = bindColumns(plan, names);
    expect(bound.requiredColumns).toEqual(names);
    expect(bindColumns(plan, plan.requiredColumns)).toBe(plan);
  });

  it("names every missing column", async () => {
    const error = await expectOnnxError(() => bindColumns(plan, names.slice(2)), "MISSING_COLUMNS", "2 columns", "'age'", "'workclass'");
    expect(error.details.missing).toEqual(["age", "workclass"]);
  });
});
