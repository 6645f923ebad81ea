import { describe, expect, it } from "vitest";
import { driftColumns, evaluateWindow, OUTPUT_COLUMN, type EvaluationSetup, type ModelOutputs } from "@/lib/evaluation/evaluate-window";
import type { Table } from "@/lib/ingest/table";
import { accuracyScore, prepareReference } from "@/lib/metrics";
import { formatMetric } from "@/lib/governance/format-metric";
import { judgeFairness, judgePerformance, type PolicyRules } from "@/lib/governance/verdicts";

const policy: PolicyRules = {
  version: 1,
  metricFloors: { accuracy: 0.8 },
  driftThresholds: { pValue: 0.05, distance: 0.1, datasetShare: 0.5 },
  fairnessTolerance: 0.8,
};

/** A seeded table: x ~ U(0,1) + shift, sex A/B, label = x > 0.5 (with some noise), score = x. */
function makeTable(rows: number, shift: number, seed: number, withLabels = true): { table: Table; outputs: ModelOutputs } {
  let s = seed >>> 0;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const x = new Float64Array(rows);
  const sex = new Int32Array(rows);
  const label = new Int32Array(rows);
  const score = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    x[i] = Math.min(1, rand() + shift);
    sex[i] = rand() < 0.5 ? 0 : 1;
    const truth = (x[i] as number) > 0.5 !== rand() < 0.1;
    label[i] = withLabels ? (truth ? 1 : 0) : -1;
    score[i] = x[i] as number;
  }
  return {
    table: {
      file: "window.csv",
      format: "csv",
      rowCount: rows,
      firstRowNumber: 2,
      columns: [
        { name: "x", kind: "numeric", values: x },
        { name: "sex", kind: "categorical", codes: sex, dictionary: ["A", "B"] },
        { name: "outcome", kind: "categorical", codes: label, dictionary: ["no", "yes"] },
      ],
    },
    outputs: { score },
  };
}

const setup: EvaluationSetup = {
  task: "binary",
  positiveLabel: "yes",
  sensitiveAttributes: ["sex", "region"],
  labelColumn: "outcome",
  featureColumns: ["x", "sex"],
  policy,
  seed: 7,
  resamples: 200,
};

describe("evaluateWindow", () => {
  const reference = makeTable(3000, 0, 1);
  const profile = prepareReference(driftColumns(setup, reference.table, reference.outputs));

  it("scores a window like the reference as green on drift and computes accuracy as scikit-learn would", () => {
    const window = makeTable(2000, 0, 2);
    const snapshot = evaluateWindow(setup, profile, window);
    const accuracy = snapshot.scorecard?.metrics.find((m) => m.name === "accuracy");
    const labels = (window.table.columns[2] as { codes: Int32Array }).codes;
    const expected = accuracyScore(Array.from(labels), Array.from(window.outputs.score!, (p) => (p >= 0.5 ? 1 : 0)));
    expect(accuracy?.value).toBeCloseTo(expected, 12);
    expect(accuracy?.ci?.lower).toBeLessThanOrEqual(accuracy!.value!);
    expect(snapshot.drift.columns.map((c) => c.column).sort()).toEqual([OUTPUT_COLUMN, "sex", "x"].sort());
    expect(snapshot.verdicts.drift.light).toBe("green");
    expect(snapshot.verdicts.performance.light).toBe("green");
    expect(snapshot.fairness?.missingAttributes).toEqual(["region"]);
    expect(snapshot.narrative.some((line) => line.includes("lacks the group column region"))).toBe(true);
  });

  it("flags a shifted window as drifted", () => {
    const snapshot = evaluateWindow(setup, profile, makeTable(2000, 0.4, 3));
    expect(snapshot.drift.columns.find((c) => c.column === "x")?.drifted).toBe(true);
    expect(snapshot.verdicts.drift.light).not.toBe("green");
  });

  it("says gray, not green, when no labels have arrived", () => {
    const snapshot = evaluateWindow(setup, profile, makeTable(500, 0, 4, false));
    expect(snapshot.scorecard?.labelledRows).toBe(0);
    expect(snapshot.verdicts.performance.light).toBe("gray");
    expect(snapshot.narrative).toContain("No true outcomes have arrived for this period yet, so accuracy cannot be checked.");
  });

  it("is repeatable: the same data gives the same snapshot", () => {
    const a = evaluateWindow(setup, profile, makeTable(1000, 0.1, 5));
    const b = evaluateWindow(setup, profile, makeTable(1000, 0.1, 5));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe("verdict rules", () => {
  const card = (value: number, lower: number, judgeable = true) => ({
    rows: 100,
    labelledRows: 100,
    metrics: [{ name: "accuracy", peer: "", value, ci: { lower, upper: value + 0.02, confidence: 0.95, resamples: 1000, method: "classic" }, judgeable, higherIsBetter: true }],
  });
  it.each([
    [0.9, 0.85, true, "green"],
    [0.82, 0.78, true, "amber"],
    [0.75, 0.7, true, "red"],
    [0.9, 0.85, false, "gray"],
  ] as const)("accuracy %s (lower %s, judgeable %s) against a floor of 0.8 is %s", (value, lower, judgeable, light) => {
    expect(judgePerformance(policy, card(value, lower, judgeable)).light).toBe(light);
  });

  it("turns red when a judgeable group falls outside the four-fifths band and ignores groups with too few rows", () => {
    const group = (g: string, disparity: number, judgeable = true) => ({
      group: g, rows: 100, selectionRate: 0.5, truePositiveRate: 0.5, falsePositiveRate: 0.1, disparity,
      parity: disparity >= 0.8 && disparity <= 1.25, judgeable,
    });
    expect(judgeFairness({ tau: 0.8, missingAttributes: [], attributes: [{ attribute: "sex", referenceGroup: "A", demographicParityRatio: 0.7, equalizedOddsDifference: 0.1, groups: [group("A", 1), group("B", 0.7)] }] }).light).toBe("red");
    expect(judgeFairness({ tau: 0.8, missingAttributes: [], attributes: [{ attribute: "sex", referenceGroup: "A", demographicParityRatio: 0.7, equalizedOddsDifference: 0.1, groups: [group("A", 1), group("B", 0.7, false)] }] }).light).toBe("green");
  });
});

describe("formatMetric", () => {
  it.each([
    [0.7996, 0.8, "0.7996"],
    [0.80004, 0.8, "0.80004"],
    [0.912345, 0.8, "0.912"],
    [0.8, 0.8, "0.800"],
    [123.456, undefined, "123"],
    [12.3456, undefined, "12.35"],
  ] as const)("shows %s against floor %s as %s", (value, floor, text) => {
    expect(formatMetric(value, floor)).toBe(text);
  });
});

describe("evaluateWindow with an empty column", () => {
  it("leaves a column with no values out of the drift check instead of failing", () => {
    const base = {
      file: "w.csv", format: "csv" as const, rowCount: 40, firstRowNumber: 2,
    };
    const x = Float64Array.from({ length: 40 }, (_, i) => i / 40);
    const table = (empty: boolean): Table => ({
      ...base,
      columns: [
        { name: "x", kind: "numeric", values: empty ? new Float64Array(40).fill(Number.NaN) : x },
        { name: "sex", kind: "categorical", codes: Int32Array.from({ length: 40 }, (_, i) => i % 2), dictionary: ["A", "B"] },
        { name: "outcome", kind: "categorical", codes: Int32Array.from({ length: 40 }, (_, i) => (i > 20 ? 1 : 0)), dictionary: ["no", "yes"] },
      ],
    });
    const outputs = { score: x };
    const profile = prepareReference(driftColumns(setup, table(false), outputs));
    const snapshot = evaluateWindow(setup, profile, { table: table(true), outputs });
    expect(snapshot.drift.columns.map((c) => c.column)).not.toContain("x");
    expect(snapshot.drift.columns.map((c) => c.column)).toContain("sex");
  });
});
