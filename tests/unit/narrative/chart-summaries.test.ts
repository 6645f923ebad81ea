// The words under the charts: a metric over time, a drift histogram, a disparity chart.
import { describe, expect, it } from "vitest";
import type { ColumnDistribution } from "@/lib/contracts/snapshot-types";
import { disparityChartSummary, driftHistogramSummary, driftTestSentences, metricOverTimeSummary } from "@/lib/narrative";
import { driftColumn, group, sliceColumn } from "./scenarios";

describe("metricOverTimeSummary", () => {
  const points = [
    { windowLabel: "2026-04", value: 0.86 },
    { windowLabel: "2026-05", value: 0.79 },
    { windowLabel: "2026-06", value: null },
    { windowLabel: "2026-07", value: 0.82 },
  ];

  it("says where it went, its worst month, the reference value and the floor", () => {
    expect(metricOverTimeSummary({ metric: "accuracy", higherIsBetter: true, points, reference: 0.85, floor: 0.8 })).toBe(
      "Accuracy (how often it is right) fell. It was 86% in April, and 82% in July. It was at its worst in May, at 79%. On the reference data it was 85%. The policy's floor is 80%.",
    );
  });

  it("counts the highest value as the worst for a lower-is-better metric, and calls its limit a ceiling", () => {
    const text = metricOverTimeSummary({ metric: "mae", higherIsBetter: false, unit: "$", points: [{ windowLabel: "2026-04", value: 12 }, { windowLabel: "2026-05", value: 19.5 }, { windowLabel: "2026-06", value: 13 }], floor: 18 });
    expect(text).toContain("It was at its worst in May, at $19.5.");
    expect(text).toContain("The policy's ceiling is $18.");
  });

  it("says when there is nothing to show", () => {
    expect(metricOverTimeSummary({ metric: "rocAuc", higherIsBetter: true, points: [] })).toBe(
      "There are no values of the ROC AUC (how often it ranks a real yes above a real no) to show yet.",
    );
  });
});

describe("driftHistogramSummary", () => {
  const numeric: ColumnDistribution = {
    column: "income",
    role: "input",
    kind: "numeric",
    edges: [0, 25, 50, 75, 100],
    reference: [25, 25, 25, 25],
    current: [10, 20, 30, 30],
    below: { reference: 0, current: 0 },
    above: { reference: 0, current: 10 },
    missing: { reference: 0, current: 0 },
    box: {
      reference: { min: 0, p01: 1, q1: 25, median: 50, q3: 75, p99: 99, max: 100, mean: 50 },
      current: { min: 2, p01: 3, q1: 35, median: 61, q3: 82, p99: 120, max: 130, mean: 60 },
    },
  };

  it("compares the middle values and the share outside the reference range, then names the test", () => {
    const text = driftHistogramSummary(numeric, driftColumn("income", 0.23, true), "$");
    expect(text).toContain("For income, the middle value moved from $50 in the reference data to $61 now.");
    expect(text).toContain("10% of the values now lie above the reference range.");
    expect(text).toContain("normed Wasserstein distance (how far the values moved, counted in the reference data's spread)");
    expect(text).toContain("It is 0.23.");
    expect(text).toContain("So this column has changed.");
  });

  it("words a p-value test with its limit", () => {
    const lines = driftTestSentences(driftColumn("age", 0.003, true, { method: "ks", stattestName: "K-S p_value", threshold: 0.05 }));
    expect(lines.join(" ")).toContain("Its p-value (the chance of a gap this big if nothing had changed) is 0.003.");
    expect(lines.join(" ")).toContain("The policy counts 0.05 or less as drift");
    const chi = driftTestSentences(driftColumn("region", 0.2, false, { method: "chisquare", stattestName: "chi-square p_value", threshold: 0.05 }));
    expect(chi.join(" ")).toContain("less than 0.05");
    expect(chi.join(" ")).toContain("has not changed enough to count");
  });

  it("says base e next to a Jensen-Shannon distance", () => {
    expect(driftTestSentences(driftColumn("region", 0.14, true, { method: "jensenshannon", stattestName: "Jensen-Shannon distance" })).join(" ")).toContain("It is 0.14 (base e).");
  });

  it("names the category that moved most", () => {
    const text = driftHistogramSummary({
      column: "region", role: "input", kind: "categorical", categories: ["North", "South"], reference: [50, 50], current: [80, 20],
      other: { reference: 0, current: 0 }, missing: { reference: 0, current: 0 },
    });
    expect(text).toBe("For region, the biggest change is in North: 50% of rows in the reference data, and 80% now.");
  });
});

describe("disparityChartSummary", () => {
  it("counts the groups outside the band and names the furthest", () => {
    const column = sliceColumn(
      "age_band",
      [group("30-49", 900, "selectionRate", 0.42, 0.42), group("18-29", 500, "selectionRate", 0.3, 0.42), group("50-64", 400, "selectionRate", 0.45, 0.42), group("65+", 12, "selectionRate", 0.2, 0.42, 0.8, false)],
      "30-49",
    );
    const text = disparityChartSummary({ column, metric: "selectionRate", tolerance: 0.8 });
    expect(text).toContain("The chart compares each group of age_band with 30-49 (the reference group: the group the rest are compared with).");
    expect(text).toContain("It compares how often the model says yes.");
    expect(text).toContain("1 of 2 groups lies outside that band.");
    expect(text).toContain("The furthest is 18-29, at 0.71 times.");
    expect(text).toContain("1 group has too few rows to judge.");
  });

  it("says when no group has enough rows", () => {
    const column = sliceColumn("region", [group("North", 12, "selectionRate", 0.4, 0.4, 0.8, false)], null);
    expect(disparityChartSummary({ column, metric: "selectionRate", tolerance: 0.8 })).toContain("No group of region has enough rows to compare.");
  });
});
