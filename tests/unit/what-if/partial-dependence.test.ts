// Partial dependence with ICE lines: the batch layout, lines cut from the answers, their average, which lines are
// drawn when there are many, and the average line's range.
import { describe, expect, it } from "vitest";
import { averageLine, iceLines, lineRange, linesToDraw, pdpCases, pdpRows } from "@/lib/what-if";

describe("partial dependence", () => {
  it("copies each base case once per grid value, base cases in order", () => {
    const cases = pdpCases([[1, "a"], [2, "b"]], 0, [10, 20, 30]);
    expect(cases).toEqual([[10, "a"], [20, "a"], [30, "a"], [10, "b"], [20, "b"], [30, "b"]]);
  });

  it("sweeps at most 200 sample rows, spread over the sample", () => {
    const rows = Array.from({ length: 300 }, (_, i) => i);
    const picked = pdpRows(rows);
    expect(picked).toHaveLength(200);
    expect(picked[0]).toBe(0);
    expect(picked.at(-1)).toBe(299);
    expect(pdpRows([1, 2, 3])).toEqual([1, 2, 3]);
  });

  it("cuts the answers into lines and averages them where values exist", () => {
    const lines = iceLines([0.1, 0.2, 0.3, 0.3, null, 0.5], 2, 3);
    expect(lines).toEqual([[0.1, 0.2, 0.3], [0.3, null, 0.5]]);
    const avg = averageLine(lines);
    expect(avg[0]).toBeCloseTo(0.2, 12);
    expect(avg[1]).toBeCloseTo(0.2, 12);
    expect(avg[2]).toBeCloseTo(0.4, 12);
    expect(averageLine([[null], [null]])).toEqual([null]);
    expect(iceLines([1], 1, 2)).toEqual([[1, null]]);
  });

  it("draws every line when few, else keeps the lowest and highest and spreads the rest by mean", () => {
    const few = [[1], [2]];
    expect(linesToDraw(few, 50)).toEqual([0, 1]);
    // 200 lines whose means are their index reversed: line 0 is the highest, line 199 the lowest.
    const many = Array.from({ length: 200 }, (_, i) => [200 - i, 200 - i]);
    const drawn = linesToDraw(many, 50);
    expect(drawn).toHaveLength(50);
    expect(drawn).toContain(0);
    expect(drawn).toContain(199);
    expect(new Set(drawn).size).toBe(50);
  });

  it("finds the average line's lowest and highest points", () => {
    expect(lineRange([0.3, null, 0.1, 0.9, 0.9])).toEqual({ min: 0.1, minAt: 2, max: 0.9, maxAt: 3 });
    expect(lineRange([null])).toBeNull();
  });
});
