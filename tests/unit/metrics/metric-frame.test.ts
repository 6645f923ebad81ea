import { describe, expect, it } from "vitest";
import {
  FRAME_METRICS,
  type FrameMetric,
  type MetricFrame,
  MetricInputError,
  demographicParityDifference,
  demographicParityRatio,
  equalizedOddsDifference,
  groupRates,
  metricFrame,
} from "../../../lib/metrics";
import { expectClose } from "./helpers";

// The data of Fairlearn's MetricFrame user guide (three groups a, b, c), with a control feature.
// Expected per-group values are scikit-learn / Fairlearn metric functions on each group's rows
// (checked with scikit-learn in Python), and the aggregates follow by hand.
const YT = [0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1];
const YP = [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0];
const SF = ["b", "b", "a", "b", "b", "c", "c", "c", "a", "a", "c", "a", "b", "c", "c", "b", "c", "c"];
const CF = ["H", "L", "H", "L", "H", "L", "L", "H", "H", "L", "L", "H", "H", "L", "L", "H", "L", "L"];
const W = [1, 2, 1, 1, 3, 1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1, 2, 1];

const CLASSIFICATION: FrameMetric[] = [
  "accuracy",
  "precision",
  "recall",
  "f1",
  "selectionRate",
  "truePositiveRate",
  "falsePositiveRate",
  "falseNegativeRate",
  "trueNegativeRate",
  "count",
];

function valuesOf<M extends FrameMetric>(frame: MetricFrame<M>, group: string | null, control: string[] = []): Record<string, number> {
  const key = JSON.stringify(control);
  const row = group === null ? frame.overall.find((o) => JSON.stringify(o.control) === key) : frame.byGroup.find((g) => g.group.join("/") === group && JSON.stringify(g.control) === key);
  return (row?.values ?? {}) as Record<string, number>;
}

describe("metricFrame overall and byGroup (fairlearn.metrics.MetricFrame)", () => {
  const frame = metricFrame({ metrics: CLASSIFICATION, yTrue: YT, yPred: YP, sensitiveFeatures: SF });
  const weighted = metricFrame({ metrics: CLASSIFICATION, yTrue: YT, yPred: YP, sensitiveFeatures: SF, sampleWeight: W });

  it.each([
    // group a: y [1, 1, 0, 0], pred [1, 0, 1, 1]: tp 1 fn 1 fp 2 tn 0
    { group: "a", metric: "accuracy", expected: 0.25 },
    { group: "a", metric: "precision", expected: 1 / 3 },
    { group: "a", metric: "recall", expected: 0.5 },
    { group: "a", metric: "f1", expected: 0.4 },
    { group: "a", metric: "selectionRate", expected: 0.75 },
    { group: "a", metric: "falsePositiveRate", expected: 1 },
    { group: "a", metric: "trueNegativeRate", expected: 0 },
    { group: "a", metric: "count", expected: 4 },
    // group b: y [0, 1, 1, 1, 1, 1], pred [0, 0, 0, 1, 1, 1]: tp 3 fn 2 fp 0 tn 1
    { group: "b", metric: "accuracy", expected: 4 / 6 },
    { group: "b", metric: "precision", expected: 1 },
    { group: "b", metric: "recall", expected: 0.6 },
    { group: "b", metric: "f1", expected: 0.75 },
    { group: "b", metric: "falseNegativeRate", expected: 0.4 },
    { group: "b", metric: "count", expected: 6 },
    // group c: tp 2 fn 3 fp 2 tn 1
    { group: "c", metric: "accuracy", expected: 0.375 },
    { group: "c", metric: "precision", expected: 0.5 },
    { group: "c", metric: "truePositiveRate", expected: 0.4 },
    { group: "c", metric: "falsePositiveRate", expected: 2 / 3 },
    { group: "c", metric: "f1", expected: 4 / 9 },
    // overall: tp 6 fn 6 fp 4 tn 2
    { group: null, metric: "accuracy", expected: 8 / 18 },
    { group: null, metric: "precision", expected: 0.6 },
    { group: null, metric: "recall", expected: 0.5 },
    { group: null, metric: "f1", expected: 6 / 11 },
    { group: null, metric: "selectionRate", expected: 10 / 18 },
    { group: null, metric: "trueNegativeRate", expected: 1 / 3 },
    { group: null, metric: "count", expected: 18 },
  ])("unweighted $group $metric = $expected", ({ group, metric, expected }) => {
    expectClose(valuesOf(frame, group)[metric] ?? Number.NaN, expected);
  });

  it.each([
    // weights enter every metric but count (fairlearn.metrics.count takes no sample weights)
    { group: "b", metric: "accuracy", expected: 0.7 },
    { group: "b", metric: "recall", expected: 2 / 3 },
    { group: "b", metric: "f1", expected: 0.8 },
    { group: "b", metric: "selectionRate", expected: 0.6 },
    { group: "c", metric: "precision", expected: 0.6 },
    { group: "c", metric: "falsePositiveRate", expected: 0.5 },
    { group: "c", metric: "count", expected: 8 },
    { group: null, metric: "accuracy", expected: 0.5416666666666666 },
    { group: null, metric: "precision", expected: 0.7142857142857143 },
    { group: null, metric: "recall", expected: 0.5882352941176471 },
    { group: null, metric: "f1", expected: 0.6451612903225806 },
    { group: null, metric: "selectionRate", expected: 0.5833333333333334 },
    { group: null, metric: "falsePositiveRate", expected: 0.5714285714285714 },
    { group: null, metric: "count", expected: 18 },
  ])("weighted $group $metric = $expected", ({ group, metric, expected }) => {
    expectClose(valuesOf(weighted, group)[metric] ?? Number.NaN, expected);
  });

  it("names groups and features like Fairlearn, and the peers", () => {
    expect(frame.sensitiveFeatures).toEqual(["sensitive_feature_0"]);
    expect(frame.controlFeatures).toEqual([]);
    expect(frame.byGroup.map((g) => g.group)).toEqual([["a"], ["b"], ["c"]]);
    expect(frame.overall).toHaveLength(1);
    expect(frame.peers.recall).toBe("sklearn.metrics.recall_score");
    expect(frame.peers.selectionRate).toBe("fairlearn.metrics.selection_rate");
    expect(Object.keys(frame.byGroup[0]?.values ?? {})).toEqual(CLASSIFICATION);
  });

  it("agrees with groupRates and the named parity metrics", () => {
    const rates = groupRates({ yTrue: YT, yPred: YP, sensitiveFeatures: [{ name: "g", values: SF }] });
    rates.byGroup.forEach((g, k) => {
      for (const m of ["selectionRate", "truePositiveRate", "falsePositiveRate", "trueNegativeRate", "falseNegativeRate"] as const) {
        expect(frame.byGroup[k]?.values[m]).toBe(g.rates[m]);
      }
    });
    expectClose(frame.difference()[0]?.values.selectionRate ?? Number.NaN, demographicParityDifference(YT, YP, { sensitiveFeatures: SF }));
    expectClose(frame.ratio({ method: "to_overall" })[0]?.values.selectionRate ?? Number.NaN, demographicParityRatio(YT, YP, { sensitiveFeatures: SF, method: "to_overall" }));
    const eo = Math.max(frame.difference()[0]?.values.truePositiveRate ?? Number.NaN, frame.difference()[0]?.values.falsePositiveRate ?? Number.NaN);
    expectClose(eo, equalizedOddsDifference(YT, YP, { sensitiveFeatures: SF }));
  });

  it("one metric by name", () => {
    const f = metricFrame({ metrics: "recall", yTrue: YT, yPred: YP, sensitiveFeatures: SF });
    expect(f.metrics).toEqual(["recall"]);
    expectClose(f.overall[0]?.values.recall ?? Number.NaN, 0.5);
    expect(Object.keys(f.byGroup[1]?.values ?? {})).toEqual(["recall"]);
  });
});

describe("metricFrame aggregates", () => {
  const frame = metricFrame({ metrics: ["selectionRate", "accuracy"], yTrue: YT, yPred: YP, sensitiveFeatures: SF });

  it.each([
    // selection rate: a 3/4, b 1/2, c 1/2, overall 5/9
    { agg: "groupMin", metric: "selectionRate", expected: 0.5 },
    { agg: "groupMax", metric: "selectionRate", expected: 0.75 },
    { agg: "between difference", metric: "selectionRate", expected: 0.25 },
    { agg: "between ratio", metric: "selectionRate", expected: 2 / 3 },
    { agg: "overall difference", metric: "selectionRate", expected: 0.75 - 5 / 9 }, // max(|3/4 - 5/9|, |1/2 - 5/9|)
    { agg: "overall ratio", metric: "selectionRate", expected: 5 / 9 / 0.75 }, // min(0.7407, 0.9)
    // accuracy: a 1/4, b 2/3, c 3/8, overall 4/9
    { agg: "between difference", metric: "accuracy", expected: 2 / 3 - 1 / 4 },
    { agg: "between ratio", metric: "accuracy", expected: 3 / 8 },
    { agg: "overall difference", metric: "accuracy", expected: 2 / 3 - 4 / 9 },
    { agg: "overall ratio", metric: "accuracy", expected: 0.25 / (4 / 9) }, // min(9/16, 2/3, 27/32)
  ] as const)("$agg of $metric = $expected", ({ agg, metric, expected }) => {
    const pick = {
      groupMin: () => frame.groupMin(),
      groupMax: () => frame.groupMax(),
      "between difference": () => frame.difference({ method: "between_groups" }),
      "between ratio": () => frame.ratio(),
      "overall difference": () => frame.difference({ method: "to_overall" }),
      "overall ratio": () => frame.ratio({ method: "to_overall" }),
    }[agg];
    const rows = pick();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.control).toEqual([]);
    expectClose(rows[0]?.values[metric] ?? Number.NaN, expected);
  });

  it("rejects an unknown method with Fairlearn's message", () => {
    expect(() => frame.difference({ method: "sideways" as "to_overall" })).toThrow("Unrecognised method 'sideways' in difference() call");
    expect(() => frame.ratio({ method: "sideways" as "to_overall" })).toThrow("Unrecognised method 'sideways' in ratio() call");
  });

  it("ratios are never above 1, and 0/0 is NaN", () => {
    const zero = metricFrame({ metrics: ["selectionRate", "recall"], yTrue: [0, 0, 0, 0], yPred: [0, 0, 0, 0], sensitiveFeatures: ["x", "x", "y", "y"] });
    expect(zero.ratio()[0]?.values.selectionRate).toBeNaN();
    expect(zero.ratio({ method: "to_overall" })[0]?.values.selectionRate).toBeNaN();
    expect(zero.difference()[0]?.values.selectionRate).toBe(0);
    // group x selects everything, y nothing: overall 1/2 -> ratios 1/2 / 1 and 0 / (1/2)
    const f = metricFrame({ metrics: "selectionRate", yTrue: [0, 1, 0, 1], yPred: [1, 1, 0, 0], sensitiveFeatures: ["x", "x", "y", "y"] });
    expect(f.ratio({ method: "to_overall" })[0]?.values.selectionRate).toBe(0);
    expect(f.ratio()[0]?.values.selectionRate).toBe(0);
    expect(f.difference({ method: "to_overall" })[0]?.values.selectionRate).toBe(0.5);
  });
});

describe("metricFrame control features (aggregates within each control value)", () => {
  const frame = metricFrame({
    metrics: ["selectionRate", "truePositiveRate", "falsePositiveRate", "count"],
    yTrue: YT,
    yPred: YP,
    sensitiveFeatures: [{ name: "sf", values: SF }],
    controlFeatures: [{ name: "cf", values: CF }],
  });

  it("overall per control value and byGroup indexed by (control, group)", () => {
    expect(frame.controlFeatures).toEqual(["cf"]);
    expect(frame.overall.map((o) => [o.control, o.rows])).toEqual([
      [["H"], 8],
      [["L"], 10],
    ]);
    expect(frame.byGroup.map((g) => `${g.control.join()}:${g.group.join()}:${g.rows}`)).toEqual(["H:a:3", "H:b:4", "H:c:1", "L:a:1", "L:b:2", "L:c:7"]);
    expectClose(valuesOf(frame, null, ["H"]).selectionRate ?? Number.NaN, 0.625);
    expectClose(valuesOf(frame, null, ["L"]).truePositiveRate ?? Number.NaN, 2 / 7);
  });

  it("a group with no positives has TPR and FNR 0 (not NaN); one with no negatives has FPR 0", () => {
    // H/c: one row, y 0, pred 0
    expect(valuesOf(frame, "c", ["H"]).truePositiveRate).toBe(0);
    expect(valuesOf(frame, "c", ["H"]).falsePositiveRate).toBe(0);
    // L/b: two rows, y 1, pred 0
    expect(valuesOf(frame, "b", ["L"]).falsePositiveRate).toBe(0);
    expect(valuesOf(frame, "b", ["L"]).truePositiveRate).toBe(0);
  });

  it.each([
    // H: selection a 2/3, b 3/4, c 0, overall 5/8. L: a 1, b 0, c 4/7, overall 1/2.
    { agg: "difference", method: "between_groups", expected: [0.75, 1] },
    { agg: "ratio", method: "between_groups", expected: [0, 0] },
    { agg: "difference", method: "to_overall", expected: [0.625, 0.5] },
    { agg: "ratio", method: "to_overall", expected: [0, 0] },
  ] as const)("selection rate $agg $method per control value = $expected", ({ agg, method, expected }) => {
    const rows = agg === "difference" ? frame.difference({ method }) : frame.ratio({ method });
    expect(rows.map((r) => r.control)).toEqual([["H"], ["L"]]);
    rows.forEach((r, k) => expectClose(r.values.selectionRate, expected[k] as number));
  });

  it("TPR within control values: H a 1/2 b 1 c 0; L a 0 b 0 c 2/5", () => {
    expect(frame.groupMax().map((r) => r.values.truePositiveRate)).toEqual([1, 0.4]);
    expect(frame.groupMin().map((r) => r.values.truePositiveRate)).toEqual([0, 0]);
    // to overall in H: overall 4/5 -> ratios 0.5/0.8, 0.8/1, 0/0.8 -> 0
    expectClose(frame.ratio({ method: "to_overall" })[0]?.values.truePositiveRate ?? Number.NaN, 0);
    // count: H groups 3, 4, 1 -> between-groups difference 3; ratio 1/4
    expect(frame.difference()[0]?.values.count).toBe(3);
    expect(frame.ratio()[0]?.values.count).toBe(0.25);
  });
});

describe("metricFrame intersections", () => {
  const frame = metricFrame({
    metrics: ["selectionRate", "count", "accuracy"],
    yTrue: [1, 0, 1, 0, 1],
    yPred: [1, 0, 0, 1, 1],
    sensitiveFeatures: [
      { name: "sex", values: ["F", "F", "M", "M", "F"] },
      { name: "age", values: ["old", "young", "young", "young", "old"] },
    ],
  });

  it("every combination is listed; an empty intersection is NaN for every metric, count included", () => {
    expect(frame.byGroup.map((g) => g.group.join("/"))).toEqual(["F/old", "F/young", "M/old", "M/young"]);
    const empty = frame.byGroup[2];
    expect(empty?.rows).toBe(0);
    expect(empty?.values.count).toBeNaN();
    expect(empty?.values.selectionRate).toBeNaN();
    expect(empty?.values.accuracy).toBeNaN();
  });

  it("empty intersections are skipped by every aggregate", () => {
    // selection: F/old 1, F/young 0, M/young 1/2; overall 3/5
    expect(frame.groupMin()[0]?.values.selectionRate).toBe(0);
    expect(frame.groupMax()[0]?.values.selectionRate).toBe(1);
    expect(frame.difference()[0]?.values.selectionRate).toBe(1);
    expectClose(frame.difference({ method: "to_overall" })[0]?.values.selectionRate ?? Number.NaN, 0.6);
    expect(frame.ratio()[0]?.values.count).toBe(0.5); // counts 2, 1, 2 -> 1/2
    expect(frame.ratio({ method: "to_overall" })[0]?.values.selectionRate).toBe(0);
  });

  it("a missing sensitive value forms the group (missing)", () => {
    const f = metricFrame({ metrics: "count", yTrue: [1, 0, 1], yPred: [1, 0, 0], sensitiveFeatures: ["a", null, "a"] });
    expect(f.byGroup.map((g) => [g.group[0], g.values.count])).toEqual([
      ["a", 2],
      ["(missing)", 1],
    ]);
  });
});

describe("metricFrame regression and decisions from scores", () => {
  const yTrue = [1, 2, 3, 4, 5, 6];
  const yPred = [1.5, 2, 2, 5, 5, 7];
  const g = ["x", "x", "x", "y", "y", "y"];

  it.each([
    // x: errors 0.5, 0, 1; y: errors 1, 0, 1
    { group: "x", metric: "meanAbsoluteError", expected: 0.5 },
    { group: "y", metric: "meanAbsoluteError", expected: 2 / 3 },
    { group: null, metric: "meanAbsoluteError", expected: 3.5 / 6 },
    { group: "x", metric: "rootMeanSquaredError", expected: Math.sqrt(1.25 / 3) },
    { group: "y", metric: "rootMeanSquaredError", expected: Math.sqrt(2 / 3) },
    { group: null, metric: "rootMeanSquaredError", expected: Math.sqrt(3.25 / 6) },
    { group: "x", metric: "meanPrediction", expected: 5.5 / 3 },
    { group: null, metric: "meanPrediction", expected: 3.75 },
  ])("$group $metric = $expected", ({ group, metric, expected }) => {
    const f = metricFrame({ metrics: ["meanAbsoluteError", "rootMeanSquaredError", "meanPrediction"], yTrue, yPred, sensitiveFeatures: g });
    expectClose(valuesOf(f, group)[metric] ?? Number.NaN, expected);
  });

  it("weighted regression metrics and aggregates", () => {
    const f = metricFrame({ metrics: ["meanAbsoluteError", "meanPrediction"], yTrue, yPred, sampleWeight: [1, 1, 2, 1, 1, 2], sensitiveFeatures: g });
    expectClose(f.byGroup[0]?.values.meanAbsoluteError ?? Number.NaN, 2.5 / 4); // (0.5 + 0 + 2) / 4
    expectClose(f.byGroup[0]?.values.meanPrediction ?? Number.NaN, 7.5 / 4); // (1.5 + 2 + 4) / 4
    expectClose(f.byGroup[1]?.values.meanAbsoluteError ?? Number.NaN, 3 / 4); // (1 + 0 + 2) / 4
    expectClose(f.ratio()[0]?.values.meanAbsoluteError ?? Number.NaN, 2.5 / 3);
    expectClose(f.difference()[0]?.values.meanAbsoluteError ?? Number.NaN, 0.125);
  });

  it("scores become decisions with score >= threshold; regression metrics then use the scores", () => {
    const f = metricFrame({
      metrics: ["selectionRate", "accuracy", "meanPrediction"],
      yTrue: [1, 0, 1, 0],
      yScore: [0.7, 0.7, 0.2, 0.1],
      threshold: 0.7,
      sensitiveFeatures: ["a", "a", "b", "b"],
    });
    expect(f.byGroup.map((r) => r.values.selectionRate)).toEqual([1, 0]);
    expect(f.byGroup.map((r) => r.values.accuracy)).toEqual([0.5, 0.5]);
    expectClose(f.byGroup[1]?.values.meanPrediction ?? Number.NaN, 0.15);
  });

  it("accuracy alone accepts multiclass labels (accuracy_score); rates need binary labels", () => {
    const f = metricFrame({ metrics: "accuracy", yTrue: [0, 1, 2, 2], yPred: [0, 2, 2, 2], sensitiveFeatures: ["a", "a", "b", "b"] });
    expect(f.byGroup.map((r) => r.values.accuracy)).toEqual([0.5, 1]);
    expect(() => metricFrame({ metrics: "recall", yTrue: [0, 1, 2], yPred: [0, 1, 1], sensitiveFeatures: ["a", "a", "a"] })).toThrow(
      "Must have no more than two unique y values",
    );
  });

  it.each([
    { what: "unknown metric", input: { metrics: "auc" as FrameMetric, yTrue: [0], yPred: [0], sensitiveFeatures: ["a"] }, message: "Unknown metric 'auc'" },
    { what: "no metric", input: { metrics: [] as FrameMetric[], yTrue: [0], yPred: [0], sensitiveFeatures: ["a"] }, message: "At least one metric" },
    { what: "duplicate metric", input: { metrics: ["count", "count"] as FrameMetric[], yTrue: [0], yPred: [0], sensitiveFeatures: ["a"] }, message: "unique" },
    { what: "length mismatch", input: { metrics: "count" as FrameMetric, yTrue: [0, 1], yPred: [0], sensitiveFeatures: ["a", "b"] }, message: "inconsistent numbers of samples" },
    { what: "regression without predictions", input: { metrics: "meanAbsoluteError" as FrameMetric, yTrue: [0, 1], sensitiveFeatures: ["a", "b"] }, message: "need yPred" },
    { what: "NaN regression input", input: { metrics: "meanAbsoluteError" as FrameMetric, yTrue: [0, Number.NaN], yPred: [0, 1], sensitiveFeatures: ["a", "b"] }, message: "NaN" },
    { what: "bad weights", input: { metrics: "count" as FrameMetric, yTrue: [0, 1], yPred: [0, 1], sampleWeight: [1], sensitiveFeatures: ["a", "b"] }, message: "sample_weight" },
  ])("rejects $what", ({ input, message }) => {
    expect(() => metricFrame(input)).toThrow(MetricInputError);
    expect(() => metricFrame(input)).toThrow(message);
  });

  it("lists every supported metric with a peer", () => {
    expect(FRAME_METRICS).toHaveLength(13);
    const f = metricFrame({ metrics: FRAME_METRICS, yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0], sensitiveFeatures: ["a", "a", "b", "b"] });
    for (const m of FRAME_METRICS) expect(f.peers[m]).toMatch(/^(sklearn|fairlearn)\.metrics\./);
  });
});
