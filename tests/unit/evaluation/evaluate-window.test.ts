import { describe, expect, it } from "vitest";
import { evaluateWindow, OUTPUT_COLUMN, prepareEvaluationReference, referenceScorecard, type EvaluationSetup, type ModelOutputs } from "@/lib/evaluation/evaluate-window";
import type { Table } from "@/lib/ingest/table";
import { accuracyScore } from "@/lib/metrics";
import { formatNumber as formatMetric } from "@/lib/narrative/format-number";
import { defaultRules } from "@/lib/governance/policy-rules";
import { judgeFairness, judgePerformance } from "@/lib/governance/verdicts";
import type { PolicyRules } from "@/lib/contracts/policy-rules";
import type { JudgeInput } from "@/lib/contracts/judge-input";

const policy: PolicyRules = { ...defaultRules("binary"), version: 1, primaryMetric: "accuracy", metricFloors: { accuracy: 0.8 } };

/** A judge input for one window with no reference value, so only the policy's floors decide. */
function judgeInput(parts: Partial<JudgeInput>): JudgeInput {
  return {
    task: "binary", policy, isReference: false, windowLabel: "2026-06", scorecard: null, referenceScorecard: null, previous: null,
    drift: { columns: [], numberOfColumns: 0, numberOfDriftedColumns: 0, shareOfDriftedColumns: 0, datasetDrift: false, driftShare: 0.5 },
    slices: null, dataQuality: null, hasLabelColumn: true, ...parts,
  };
}

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
  excludedColumns: [],
  featureColumns: ["x", "sex"],
  policy,
  seed: 7,
  resamples: 200,
};

describe("evaluateWindow", () => {
  const reference = makeTable(3000, 0, 1);
  const profile = prepareEvaluationReference(setup, reference.table, reference.outputs);
  const baseline = referenceScorecard(setup, reference.table, reference.outputs);

  it("scores a window like the reference as green on drift and computes accuracy as scikit-learn would", () => {
    const window = makeTable(2000, 0, 2);
    const snapshot = evaluateWindow(setup, profile, { ...window, referenceScorecard: baseline, windowLabel: "2026-06" });
    const accuracy = snapshot.scorecard?.metrics.find((m) => m.name === "accuracy");
    const labels = (window.table.columns[2] as { codes: Int32Array }).codes;
    const expected = accuracyScore(Array.from(labels), Array.from(window.outputs.score!, (p) => (p >= 0.5 ? 1 : 0)));
    expect(accuracy?.value).toBeCloseTo(expected, 12);
    expect(accuracy?.ci?.lower).toBeLessThanOrEqual(accuracy!.value!);
    expect(snapshot.drift.columns.map((c) => c.column).sort()).toEqual([OUTPUT_COLUMN, "sex", "x"].sort());
    expect(snapshot.verdicts.drift.light).toBe("green");
    expect(snapshot.verdicts.performance.light).toBe("green");
    expect(snapshot.schemaVersion).toBe(2);
    expect(snapshot.slices?.missingAttributes).toEqual(["region"]);
    expect(snapshot.slices?.columns.find((c) => c.name === "sex")?.groups.map((g) => g.group).sort()).toEqual(["A", "B"]);
    expect(snapshot.distributions?.map((d) => d.column)).toEqual(expect.arrayContaining(["x", "sex", OUTPUT_COLUMN]));
    expect(snapshot.dataQuality?.rows).toBe(2000);
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
    expect(snapshot.verdicts.performance.next?.kind).toBe("uploadLabels");
  });

  it("says too few rows to judge, in grey, for a window of three rows", () => {
    const snapshot = evaluateWindow(setup, profile, { ...makeTable(3, 0.4, 9), referenceScorecard: baseline });
    expect(snapshot.drift.judgeable).toBe(false);
    expect(snapshot.verdicts.drift.light).toBe("gray");
    expect(snapshot.verdicts.performance.light).toBe("gray");
    expect(snapshot.verdicts.overall.light).toBe("gray");
  });

  it("never calls the reference data itself 'action needed'", () => {
    const snapshot = evaluateWindow(setup, profile, { ...reference, isReference: true });
    expect(snapshot.isReference).toBe(true);
    expect(["green", "gray", "amber"]).toContain(snapshot.verdicts.overall.light);
    expect(snapshot.verdicts.drift.light).toBe("gray");
  });

  it("uses the policy's drift thresholds per test", () => {
    const strict: EvaluationSetup = { ...setup, policy: { ...policy, driftThresholds: { ...policy.driftThresholds, distance: 10, perMethod: {} } } };
    const prepared = prepareEvaluationReference(strict, reference.table, reference.outputs);
    const snapshot = evaluateWindow(strict, prepared, makeTable(2000, 0.4, 3));
    const x = snapshot.drift.columns.find((c) => c.column === "x");
    expect(x?.threshold).toBe(10);
    expect(x?.drifted).toBe(false);
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
    expect(judgePerformance(judgeInput({ scorecard: card(value, lower, judgeable) })).verdict.light).toBe(light);
  });

  it("turns red when a judgeable group falls outside the four-fifths band and ignores groups with too few rows", () => {
    const group = (g: string, disparity: number, judgeable = true) => ({
      group: g, rows: 1000, share: 0.5, disparity, withinTolerance: disparity >= 0.8 && disparity <= 1.25, judgeable,
      selectionRate: { value: 0.5 * disparity, lower: 0.5 * disparity - 0.02, upper: 0.5 * disparity + 0.02, denominator: 1000, judgeable },
    });
    const slices = (groups: ReturnType<typeof group>[]): JudgeInput["slices"] => ({
      metric: "selectionRate", question: null, tolerance: 0.8, minimumRows: 30, minimumDenominator: 5, missingAttributes: [], rows: 200,
      columns: [{ name: "sex", columns: ["sex"], kind: "sensitive", referenceGroup: "A", groups, worstGroup: "B", light: "red" }],
    });
    expect(judgeFairness(judgeInput({ slices: slices([group("A", 1), group("B", 0.7), group("C", 1.1)]) })).verdict.light).toBe("red");
    expect(judgeFairness(judgeInput({ slices: slices([group("A", 1), group("B", 0.7, false), group("C", 1.1)]) })).verdict.light).toBe("green");
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
    const profile = prepareEvaluationReference(setup, table(false), outputs);
    const snapshot = evaluateWindow(setup, profile, { table: table(true), outputs });
    expect(snapshot.drift.columns.map((c) => c.column)).not.toContain("x");
    expect(snapshot.drift.columns.map((c) => c.column)).toContain("sex");
  });
});

describe("evaluateWindow for a number model", () => {
  const regressionSetup: EvaluationSetup = {
    ...setup,
    task: "regression",
    positiveLabel: null,
    sensitiveAttributes: [],
    labelColumn: "y",
    featureColumns: ["x"],
    policy: { ...defaultRules("regression"), version: 1 },
  };
  function numberTable(rows: number, seed: number): { table: Table; outputs: ModelOutputs; y: Float64Array; prediction: Float64Array } {
    let s = seed >>> 0;
    const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const x = new Float64Array(rows);
    const y = new Float64Array(rows);
    const prediction = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      x[i] = rand() * 100;
      y[i] = i === 3 ? Number.NaN : 2 * (x[i] as number) + 10 * (rand() - 0.5);
      prediction[i] = 2 * (x[i] as number);
    }
    return {
      table: { file: "w.csv", format: "csv", rowCount: rows, firstRowNumber: 2, columns: [{ name: "x", kind: "numeric", values: x }, { name: "y", kind: "numeric", values: y }] },
      outputs: { prediction },
      y,
      prediction,
    };
  }

  it("keeps the answers along the real values and every labelled row's error, as groups only", () => {
    const reference = numberTable(1000, 11);
    const profile = prepareEvaluationReference(regressionSetup, reference.table, reference.outputs);
    const window = numberTable(801, 12);
    const snapshot = evaluateWindow(regressionSetup, profile, window);
    const spread = snapshot.scorecard?.spread;
    expect(spread).toBeDefined();
    expect(snapshot.scorecard?.labelledRows).toBe(800);
    expect(spread!.bins).toHaveLength(20);
    expect(spread!.bins.reduce((a, b) => a + b.rows, 0)).toBe(800);
    expect(spread!.errors.counts.reduce((a, b) => a + b, 0)).toBe(800);
    // The errors are the model's answer minus the real value, computed independently here.
    const errors: number[] = [];
    for (let i = 0; i < 801; i++) if (!Number.isNaN(window.y[i]!)) errors.push(window.prediction[i]! - window.y[i]!);
    expect(spread!.errors.edges[0]).toBe(Math.min(...errors));
    expect(spread!.errors.edges[20]).toBe(Math.max(...errors));
    // The lowest group's mean real value is the mean of the 40 smallest real values.
    const sorted = [...window.y].filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    expect(spread!.bins[0]!.actual).toBeCloseTo(sorted.slice(0, 40).reduce((a, b) => a + b, 0) / 40, 9);
  });
});
