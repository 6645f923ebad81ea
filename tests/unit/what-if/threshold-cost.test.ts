// Threshold and cost on labelled rows: counts, precision, recall, the cost of mistakes, per group, and the cheapest
// threshold.
import { describe, expect, it } from "vitest";
import { cheapestThreshold, confusionAt, precisionOf, recallOf, thresholdReport } from "@/lib/what-if";

const scores = [0.9, 0.8, 0.6, 0.4, 0.3, 0.1, null, 0.7];
const outcomes = [true, false, true, true, false, false, true, null];

describe("threshold and cost", () => {
  it("counts right and wrong yes and no answers at a threshold (at or above means yes), skipping rows without both", () => {
    expect(confusionAt(scores, outcomes, 0.5)).toEqual({ tp: 2, fp: 1, tn: 2, fn: 1 });
    expect(confusionAt(scores, outcomes, 0.6)).toEqual({ tp: 2, fp: 1, tn: 2, fn: 1 });
    expect(confusionAt(scores, outcomes, 0.61)).toEqual({ tp: 1, fp: 1, tn: 2, fn: 2 });
    expect(confusionAt(scores, outcomes, 0)).toEqual({ tp: 3, fp: 3, tn: 0, fn: 0 });
    expect(confusionAt(scores, outcomes, 1)).toEqual({ tp: 0, fp: 0, tn: 3, fn: 3 });
  });

  it("gives precision and recall, null when undefined", () => {
    expect(precisionOf({ tp: 2, fp: 1, tn: 2, fn: 1 })).toBeCloseTo(2 / 3, 12);
    expect(recallOf({ tp: 2, fp: 1, tn: 2, fn: 1 })).toBeCloseTo(2 / 3, 12);
    expect(precisionOf({ tp: 0, fp: 0, tn: 5, fn: 1 })).toBeNull();
    expect(recallOf({ tp: 0, fp: 1, tn: 5, fn: 0 })).toBeNull();
  });

  it("costs the mistakes, overall and per group", () => {
    const groups = [{ column: "sex", values: ["F", "M", "F", "M", "F", "M", "F", "M"] }];
    const report = thresholdReport(scores, outcomes, 0.5, { falsePositive: 10, falseNegative: 100 }, groups);
    expect(report.overall).toMatchObject({ rows: 6, tp: 2, fp: 1, tn: 2, fn: 1, cost: 110 });
    expect(report.groups).toEqual([
      expect.objectContaining({ column: "sex", group: "F", rows: 3, tp: 2, fp: 0, tn: 1, fn: 0, cost: 0, precision: 1, recall: 1 }),
      expect.objectContaining({ column: "sex", group: "M", rows: 3, tp: 0, fp: 1, tn: 1, fn: 1, cost: 110, precision: 0, recall: 0 }),
    ]);
  });

  it("finds the threshold with the lowest cost", () => {
    // Misses cost 100, false alarms 1: the lowest threshold that still says no to the 0.3 (a real no) and yes to 0.4.
    expect(cheapestThreshold(scores, outcomes, { falsePositive: 1, falseNegative: 100 })).toEqual({ threshold: 0.31, cost: 1 });
    // False alarms cost 100, misses 1: say no to everything above 0.9.
    expect(cheapestThreshold(scores, outcomes, { falsePositive: 100, falseNegative: 1 }).cost).toBe(2);
  });
});
