// Percentiles as numpy's default (linear interpolation), and the p50/p95 summary of timings.
import { describe, expect, it } from "vitest";
import { percentile, sortedPercentile, timingSummary } from "@/lib/what-if";

describe("percentile", () => {
  it.each([
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 1, 4],
    [[4, 1, 3, 2], 0.25, 1.75],
    [[10], 0.99, 10],
    [Array.from({ length: 101 }, (_, i) => i), 0.99, 99],
    [Array.from({ length: 100 }, (_, i) => i), 0.99, 98.01],
  ])("%j at %d is %d (numpy's linear)", (values, q, expected) => {
    expect(percentile(values, q)).toBeCloseTo(expected, 10);
  });

  it("ignores NaN and answers NaN for an empty list", () => {
    expect(percentile([Number.NaN, 3, 1], 0.5)).toBe(2);
    expect(percentile([], 0.5)).toBeNaN();
    expect(sortedPercentile([], 0.1)).toBeNaN();
  });

  it("summarises timings as p50 and p95", () => {
    const s = timingSummary(Array.from({ length: 21 }, (_, i) => i));
    expect(s).toEqual({ count: 21, p50: 10, p95: 19 });
  });
});
