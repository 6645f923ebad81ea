// The values an input is swept over: numbers between the 1st and 99th percentiles, whole numbers without repeats,
// the seen categories; and evenly spread indexes.
import { describe, expect, it } from "vitest";
import type { WhatIfFeature } from "@/lib/contracts/what-if";
import { evenlySpaced, featureGrid, numericGrid, PDP_GRID_SIZE } from "@/lib/what-if";

describe("numeric grids", () => {
  it("spreads count values from low to high, both included", () => {
    expect(numericGrid(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const g = numericGrid(0.02, 0.98, 50);
    expect(g).toHaveLength(50);
    expect(g[0]).toBe(0.02);
    expect(g[49]).toBe(0.98);
  });

  it("rounds whole-number inputs and drops repeats", () => {
    expect(numericGrid(1, 10, 50, true)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(numericGrid(17, 73.64, 50, true)).toHaveLength(50);
    expect(numericGrid(17.2, 17.8, 5, true)).toEqual([18]);
  });

  it("gives one value when low equals high, and none for nonsense", () => {
    expect(numericGrid(3, 3, 50)).toEqual([3]);
    expect(numericGrid(Number.NaN, 3, 50)).toEqual([]);
    expect(numericGrid(0, 1, 0)).toEqual([]);
  });
});

describe("feature grids", () => {
  it("sweeps numbers over p01..p99, categories as seen, and nothing for a free input", () => {
    const age: WhatIfFeature = { name: "age", kind: "numeric", min: 17, max: 90, p01: 17, p99: 74, q1: 28, median: 37, q3: 48, integer: true };
    const grid = featureGrid(age);
    expect(grid).toHaveLength(PDP_GRID_SIZE);
    expect(grid[0]).toBe(17);
    expect(grid.at(-1)).toBe(74);
    const sex: WhatIfFeature = { name: "sex", kind: "categorical", categories: [{ value: "Male", share: 0.6 }, { value: "Female", share: 0.4 }], hasOther: false };
    expect(featureGrid(sex)).toEqual(["Male", "Female"]);
    expect(featureGrid({ name: "x", kind: "free" })).toEqual([]);
  });
});

describe("evenly spaced indexes", () => {
  it("keeps all when few, else spreads from first to last", () => {
    expect(evenlySpaced(3, 5)).toEqual([0, 1, 2]);
    expect(evenlySpaced(300, 4)).toEqual([0, 100, 199, 299]);
    expect(evenlySpaced(10, 1)).toEqual([0]);
    expect(evenlySpaced(10, 0)).toEqual([]);
  });
});
