// errorHistogram against numpy.histogram(y_pred - y_true, bins) (expected values printed by NumPy 1.26).
import { describe, expect, it } from "vitest";
import { MetricInputError, binnedPredictions, errorHistogram } from "@/lib/metrics";

describe("errorHistogram", () => {
  it("agrees with numpy.histogram(y_pred - y_true, bins=4)", () => {
    const yTrue = [3, 5, 2.5, 7, 10, 1, 4];
    const yPred = [2.5, 5, 4, 8, 7, 1.5, 4.2];
    const h = errorHistogram(yTrue, yPred, 4);
    expect(h.counts).toEqual([1, 0, 3, 3]);
    expect(h.edges).toEqual([-3.0, -1.875, -0.75, 0.375, 1.5]);
  });

  it("widens the edges by 0.5 when every error is the same, as NumPy does", () => {
    const h = errorHistogram([0, 0, 0], [1, 1, 1], 3);
    expect(h.counts).toEqual([0, 3, 0]);
    expect(h.edges[0]).toBe(0.5);
    expect(h.edges[3]).toBe(1.5);
    expect(h.edges[1]).toBeCloseTo(0.8333333333333333, 15);
  });

  it("counts every row once, the largest error in the last bin", () => {
    const yTrue = Array.from({ length: 1000 }, (_, i) => i);
    const yPred = yTrue.map((v, i) => v + ((i * 37) % 101) - 50);
    const h = errorHistogram(yTrue, yPred);
    expect(h.counts).toHaveLength(20);
    expect(h.edges).toHaveLength(21);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(h.counts[19]).toBeGreaterThan(0);
  });

  it("refuses bad input with scikit-learn's words", () => {
    expect(() => errorHistogram([1, 2], [1], 4)).toThrow(MetricInputError);
    expect(() => errorHistogram([1, 2], [1, 2], 0)).toThrow(/positive integer/);
  });
});

describe("binnedPredictions", () => {
  // numpy: o = argsort(y_true, kind="stable"); per group of 5: y_true[idx].mean(), np.quantile(y_pred[idx], [.5, .1, .9])
  const yTrue = [5, 1, 4, 2, 3, 9, 8, 7, 6, 10];
  const yPred = [4.5, 1.2, 4.4, 2.5, 2.9, 8, 8.5, 6.5, 6.1, 11];

  it("cuts the rows by real value into groups of equal size and agrees with NumPy's quantiles", () => {
    const bins = binnedPredictions(yTrue, yPred, 20, 5);
    expect(bins).toHaveLength(2);
    expect(bins[0]!.rows).toBe(5);
    expect(bins[0]!.actual).toBeCloseTo(3.0, 12);
    expect(bins[0]!.predictedMedian).toBeCloseTo(2.9, 12);
    expect(bins[0]!.predictedLow).toBeCloseTo(1.72, 12);
    expect(bins[0]!.predictedHigh).toBeCloseTo(4.46, 12);
    expect(bins[1]!.actual).toBeCloseTo(8.0, 12);
    expect(bins[1]!.predictedMedian).toBeCloseTo(8.0, 12);
    expect(bins[1]!.predictedLow).toBeCloseTo(6.26, 12);
    expect(bins[1]!.predictedHigh).toBeCloseTo(10.0, 12);
  });

  it("never makes more groups than asked, and every row lands in one group", () => {
    const n = 1003;
    const t = Array.from({ length: n }, (_, i) => (i * 7919) % n);
    const bins = binnedPredictions(t, t.map((v) => v * 2), 20);
    expect(bins).toHaveLength(20);
    expect(bins.reduce((a, b) => a + b.rows, 0)).toBe(n);
    for (let k = 1; k < bins.length; k++) expect(bins[k]!.actual).toBeGreaterThan(bins[k - 1]!.actual);
  });

  it("keeps one group for a handful of rows", () => {
    expect(binnedPredictions([1, 2, 3], [1, 2, 3])).toHaveLength(1);
  });
});
