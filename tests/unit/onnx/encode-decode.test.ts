// encodeBatch and decodeOutputs on plain data: no runtime involved.
import { describe, expect, it } from "vitest";
import { type ScoringPlan, decodeOutputs, encodeBatch } from "../../../lib/onnx";
import { expectOnnxError } from "./helpers";

function plan(partial: Partial<ScoringPlan>): ScoringPlan {
  return {
    task: "regression",
    inputs: [],
    fixedBatchSize: null,
    outputs: { label: null, probabilities: null, prediction: null },
    classes: null,
    classSource: null,
    positiveLabel: null,
    requiredColumns: [],
    fetches: [],
    ...partial,
  };
}

const categorical = { codes: Int32Array.of(0, -1, 1, 0), dictionary: ["red", "blue"] };

describe("encodeBatch", () => {
  it("feeds numbers, categories and strings into columns of every type", () => {
    const p = plan({
      inputs: [
        { kind: "column", input: "f", column: "num", elementType: "float32", shape: [-1, 1] },
        { kind: "column", input: "d", column: "num", elementType: "float64", shape: [-1] },
        { kind: "column", input: "s", column: "cat", elementType: "string", shape: [-1, 1] },
        { kind: "column", input: "t", column: "txt", elementType: "string", shape: [-1] },
        { kind: "column", input: "n", column: "num", elementType: "string", shape: [-1, 1] },
      ],
    });
    const columns = { num: Float64Array.of(1.5, Number.NaN, 3, 0.1), cat: categorical, txt: ["a", null, "c", "d"] };
    const batch = encodeBatch(p, columns, 1, 4);
    expect(batch.rows).toBe(3);
    expect(batch.feeds.f).toEqual({ type: "float32", data: Float32Array.of(Number.NaN, 3, 0.1), dims: [3, 1] });
    expect(batch.feeds.d?.data).toEqual(Float64Array.of(Number.NaN, 3, 0.1));
    expect(batch.feeds.d?.dims).toEqual([3]);
    expect(batch.feeds.s?.data).toEqual(["", "blue", "red"]);
    expect(batch.feeds.t?.data).toEqual(["", "c", "d"]);
    expect(batch.feeds.n?.data).toEqual(["", "3", "0.1"]);
  });

  it("interleaves a matrix input row by row in feature order", () => {
    const p = plan({ inputs: [{ kind: "matrix", input: "x", elementType: "float32", features: ["b", "a"], featureSource: "mapping" }] });
    const batch = encodeBatch(p, { a: Float64Array.of(1, 2, 3), b: Float64Array.of(10, 20, 30) }, 0, 3);
    expect(batch.feeds.x).toEqual({ type: "float32", data: Float32Array.of(10, 1, 20, 2, 30, 3), dims: [3, 2] });
  });

  it("builds int64 as BigInt, int32 and bool, and refuses what integers cannot hold", async () => {
    const p = plan({
      inputs: [
        { kind: "column", input: "i", column: "n", elementType: "int64", shape: [-1, 1] },
        { kind: "column", input: "j", column: "n", elementType: "int32", shape: [-1] },
        { kind: "column", input: "b", column: "flag", elementType: "bool", shape: [-1] },
      ],
    });
    const batch = encodeBatch(p, { n: Float64Array.of(3, -2, 0), flag: ["true", "0", "1"] }, 0, 3);
    expect(batch.feeds.i?.data).toEqual(BigInt64Array.of(3n, -2n, 0n));
    expect(batch.feeds.j?.data).toEqual(Int32Array.of(3, -2, 0));
    expect(batch.feeds.b).toEqual({ type: "bool", data: Uint8Array.of(1, 0, 1), dims: [3] });
    await expectOnnxError(() => encodeBatch(p, { n: Float64Array.of(1, Number.NaN), flag: ["1", "1"] }, 0, 2), "INVALID_VALUE", "Row 2", "'n'", "missing", "int64");
    await expectOnnxError(() => encodeBatch(p, { n: Float64Array.of(1.5), flag: ["1"] }, 0, 1), "INVALID_VALUE", "1.5", "whole int64");
  });

  it("reads numbers from text and categories, and names the row of a bad value", async () => {
    const p = plan({ inputs: [{ kind: "column", input: "x", column: "v", elementType: "float32", shape: [-1, 1] }] });
    expect(encodeBatch(p, { v: { codes: Int32Array.of(1, -1, 0), dictionary: ["2.5", "7"] } }, 0, 3).feeds.x?.data).toEqual(Float32Array.of(7, Number.NaN, 2.5));
    expect(encodeBatch(p, { v: ["1e3", "", null, " 4 "] }, 0, 4).feeds.x?.data).toEqual(Float32Array.of(1000, Number.NaN, Number.NaN, 4));
    await expectOnnxError(() => encodeBatch(p, { v: ["1", "two"] }, 0, 2), "INVALID_VALUE", "Row 2", "'two'", "takes numbers");
    await expectOnnxError(() => encodeBatch(p, { v: { codes: Int32Array.of(0, 1), dictionary: ["1", "n/a"] } }, 0, 2), "INVALID_VALUE", "Row 2", "'n/a'");
    await expectOnnxError(() => encodeBatch(p, { w: Float64Array.of(1) }, 0, 1), "MISSING_COLUMNS", "'v'");
  });

  it("pads a fixed-size batch with the last row and reuses buffers", () => {
    const p = plan({ fixedBatchSize: 4, inputs: [{ kind: "matrix", input: "x", elementType: "float32", features: ["a", "b"], featureSource: "metadata" }] });
    const columns = { a: Float64Array.of(1, 2, 3), b: Float64Array.of(4, 5, 6) };
    const first = encodeBatch(p, columns, 0, 2);
    expect(first.batchRows).toBe(4);
    expect(first.feeds.x?.data).toEqual(Float32Array.of(1, 4, 2, 5, 2, 5, 2, 5));
    const second = encodeBatch(p, columns, 2, 3, first);
    expect(second.feeds.x?.data).toEqual(Float32Array.of(3, 6, 3, 6, 3, 6, 3, 6));
    expect((second.feeds.x?.data as Float32Array).buffer).toBe((first.feeds.x?.data as Float32Array).buffer);
    expect(() => encodeBatch(p, columns, 0, 5)).toThrow(RangeError);
  });
});

describe("decodeOutputs", () => {
  const binary = plan({
    task: "binary",
    outputs: { label: { name: "label", elementType: "int64" }, probabilities: { name: "prob" }, prediction: null },
    classes: ["0", "1"],
    classSource: "zipmap",
    positiveLabel: "1",
    fetches: ["label", "prob"],
  });

  it("turns int64 labels into strings and picks the positive column as the score", () => {
    const out = decodeOutputs(binary, {
      label: { data: BigInt64Array.of(1n, 0n), dims: [2] },
      prob: { data: Float32Array.of(0.25, 0.75, 0.5, 0.5), dims: [2, 2] },
    });
    expect(out.labels).toEqual(["1", "0"]);
    expect(out.classes).toEqual(["0", "1"]);
    expect(Array.from(out.score ?? [])).toEqual([0.75, 0.5]);
    expect(decodeOutputs(binary, { label: { data: BigInt64Array.of(1n, 0n), dims: [2] }, prob: { data: Float32Array.of(0.25, 0.75, 0.5, 0.5), dims: [2, 2] } }, { positiveLabel: "0" }).score?.[0]).toBe(0.25);
  });

  it("expands a single probability column for a binary model and trusts the runtime's dims", () => {
    const out = decodeOutputs(binary, { label: { data: BigInt64Array.of(1n), dims: [1] }, prob: { data: Float32Array.of(0.75), dims: [1, 1] } });
    expect(Array.from(out.probabilities ?? [])).toEqual([0.25, 0.75]);
  });

  it("derives labels by argmax when the model returns none, with index classes when it names none", () => {
    const p = plan({ task: "multiclass", outputs: { label: null, probabilities: { name: "p" }, prediction: null }, fetches: ["p"] });
    const out = decodeOutputs(p, { p: { data: Float32Array.of(0.1, 0.7, 0.2, 0.5, 0.2, 0.3), dims: [2, 3] } });
    expect(out.classes).toEqual(["0", "1", "2"]);
    expect(out.labels).toEqual(["1", "0"]);
    expect(out.score).toBeUndefined();
  });

  it("reads string labels and regression outputs of shape [N] or [N, 1]", () => {
    const labels = plan({ task: "multiclass", outputs: { label: { name: "l", elementType: "string" }, probabilities: null, prediction: null }, fetches: ["l"] });
    expect(decodeOutputs(labels, { l: { data: ["a", "b"], dims: [2] } }).labels).toEqual(["a", "b"]);
    const regression = plan({ outputs: { label: null, probabilities: null, prediction: { name: "y" } }, fetches: ["y"] });
    expect(Array.from(decodeOutputs(regression, { y: { data: Float32Array.of(1.5, 2), dims: [2, 1] } }).prediction ?? [])).toEqual([1.5, 2]);
    expect(decodeOutputs(regression, { y: { data: Float32Array.of(1, 2, 3), dims: [3] } }, { rows: 2 }).prediction?.length).toBe(2);
  });

  it("refuses outputs that do not fit the plan", async () => {
    const regression = plan({ outputs: { label: null, probabilities: null, prediction: { name: "y" } }, fetches: ["y"] });
    await expectOnnxError(() => decodeOutputs(regression, { y: { data: Float32Array.of(1, 2, 3, 4), dims: [2, 2] } }), "OUTPUT_MISMATCH", "2 values per row", "single target");
    await expectOnnxError(() => decodeOutputs(regression, {}), "OUTPUT_MISMATCH", "'y'");
    await expectOnnxError(() => decodeOutputs(regression, { y: { data: Float32Array.of(1), dims: [1] } }, { rows: 3 }), "OUTPUT_MISMATCH", "1 rows", "batch of 3");
    await expectOnnxError(
      () => decodeOutputs(binary, { label: { data: BigInt64Array.of(1n), dims: [1] }, prob: { data: Float32Array.of(0.2, 0.3, 0.5), dims: [1, 3] } }),
      "OUTPUT_MISMATCH",
      "3 probability columns",
      "2 classes",
    );
  });
});
