// The example rows with the model's answers (lib/what-if/sample-answers.ts): the server download's columns, numbers
// at full precision, the decision at the threshold, per-class probabilities, and formula-like texts made harmless.
import { describe, expect, it } from "vitest";
import type { WhatIfFeature } from "@/lib/contracts/what-if";
import { sampleAnswersTable, type BatchOutputs } from "@/lib/what-if";

const features: WhatIfFeature[] = [
  { name: "age", kind: "free" },
  { name: "job", kind: "categorical", categories: [{ value: "clerk", share: 1 }], hasOther: true },
];
const rows = [
  [41, "clerk"],
  [0.1 + 0.2, "=cmd()"],
  [null, null],
];
const none: BatchOutputs = { rows: 3, score: null, value: null, labels: null, probabilities: null, classes: null };

describe("the example rows with the model's answers", () => {
  it("binary: the decision at the threshold and the probability of yes, exactly", () => {
    const outputs = { ...none, score: Float64Array.of(0.5, 0.49999999, Number.NaN), classes: ["no", "yes"] };
    const table = sampleAnswersTable(features, rows, outputs, { task: "binary", positiveLabel: "yes", threshold: 0.5 });
    expect(table.header).toEqual(["age", "job", "model_answer", "model_probability_yes"]);
    expect(table.rows).toEqual([
      ["41", "clerk", "yes", "0.5"],
      [String(0.1 + 0.2), "'=cmd()", "no", "0.49999999"],
      ["", "", "", ""],
    ]);
    expect(Number(table.rows[1]![0])).toBe(0.1 + 0.2);
  });

  it("binary, declared a raw score: the decision at the cut-off and the score as model_score", () => {
    const outputs = { ...none, rows: 2, score: Float64Array.of(1.37, -0.25), classes: ["0", "1"] };
    const table = sampleAnswersTable(features, rows.slice(0, 2), outputs, { task: "binary", positiveLabel: "1", threshold: 0, rawScore: true });
    expect(table.header).toEqual(["age", "job", "model_answer", "model_score"]);
    expect(table.rows.map((r) => r.slice(2))).toEqual([
      ["1", "1.37"],
      ["0", "-0.25"],
    ]);
  });

  it("binary without two known classes: the other answer is 'not <yes>'", () => {
    const table = sampleAnswersTable(features, rows.slice(0, 1), { ...none, rows: 1, score: Float64Array.of(0.2) }, { task: "binary", positiveLabel: ">50K", threshold: 0.3 });
    expect(table.rows[0]![2]).toBe("not >50K");
  });

  it("regression: the number; multiclass: the class and each class's probability", () => {
    const reg = sampleAnswersTable(features, rows.slice(0, 1), { ...none, rows: 1, value: Float64Array.of(1234.5678) }, { task: "regression", positiveLabel: null, threshold: null });
    expect(reg).toEqual({ header: ["age", "job", "model_answer"], rows: [["41", "clerk", "1234.5678"]] });
    const multi = sampleAnswersTable(features, rows.slice(0, 2), { ...none, rows: 2, labels: ["b", "-a"], probabilities: Float64Array.of(0.25, 0.75, 0.6, 0.4), classes: ["-a", "b"] }, { task: "multiclass", positiveLabel: null, threshold: null });
    expect(multi.header).toEqual(["age", "job", "model_answer", "model_probability_-a", "model_probability_b"]);
    expect(multi.rows[1]!.slice(2)).toEqual(["'-a", "0.6", "0.4"]);
  });

  it("keeps an input called model_answer apart from the answer", () => {
    const table = sampleAnswersTable([{ name: "model_answer", kind: "free" }], [[3]], { ...none, rows: 1, value: Float64Array.of(4) }, { task: "regression", positiveLabel: null, threshold: null });
    expect(table.header).toEqual(["model_answer", "model_answer_2"]);
  });
});
