// The unusual-case flag's distance: IQR-scaled numbers (range when the IQR is 0, skipped when constant), a
// different category counting 1, the leave-one-out nearest distances and their 99th percentile.
import { describe, expect, it } from "vitest";
import type { WhatIfFeature, WhatIfValue } from "@/lib/contracts/what-if";
import { caseDistance, columnDistance, distanceColumns, leaveOneOutDistances, nearestRow, unusualCase, unusualCaseReference } from "@/lib/what-if";

const features: WhatIfFeature[] = [
  { name: "age", kind: "numeric", min: 17, max: 90, p01: 17, p99: 74, q1: 28, median: 37, q3: 48, integer: true },
  { name: "gain", kind: "numeric", min: 0, max: 1000, p01: 0, p99: 900, q1: 0, median: 0, q3: 0, integer: true },
  { name: "constant", kind: "numeric", min: 5, max: 5, p01: 5, p99: 5, q1: 5, median: 5, q3: 5, integer: true },
  { name: "sex", kind: "categorical", categories: [{ value: "Male", share: 0.6 }, { value: "Female", share: 0.4 }], hasOther: false },
  { name: "free", kind: "free" },
];

describe("distance columns", () => {
  it("scales by the IQR, falls back to the range when the IQR is 0, and skips constant and free inputs", () => {
    expect(distanceColumns(features)).toEqual([
      { kind: "numeric", scale: 20 },
      { kind: "numeric", scale: 1000 },
      { kind: "skip" },
      { kind: "categorical" },
      { kind: "skip" },
    ]);
  });
});

describe("the distance between two cases", () => {
  const columns = distanceColumns(features);
  it.each([
    [[38, 0, 5, "Male", 1], [38, 0, 5, "Male", 99], 0],
    [[48, 0, 5, "Male", 1], [28, 0, 5, "Male", 1], 1],
    [[28, 500, 5, "Male", 1], [28, 0, 5, "Male", 1], 0.5],
    [[28, 0, 5, "Female", 1], [28, 0, 5, "Male", 1], 1],
    [[38, 0, 9, "Female", 1], [28, 100, 5, "Male", 1], 0.5 + 0.1 + 0 + 1],
  ] as [WhatIfValue[], WhatIfValue[], number][])("%j to %j is %d", (a, b, d) => {
    expect(caseDistance(a, b, columns)).toBeCloseTo(d, 12);
    expect(caseDistance(b, a, columns)).toBeCloseTo(d, 12);
  });

  it("counts a missing value against a present one as 1, and two missing values as 0", () => {
    expect(columnDistance(null, 40, { kind: "numeric", scale: 20 })).toBe(1);
    expect(columnDistance(null, null, { kind: "numeric", scale: 20 })).toBe(0);
    expect(columnDistance("Male", null, { kind: "categorical" })).toBe(1);
    expect(columnDistance("x", "y", { kind: "skip" })).toBe(0);
  });
});

describe("nearest rows", () => {
  const columns = distanceColumns(features);
  const rows: WhatIfValue[][] = [
    [30, 0, 5, "Male", 0],
    [31, 0, 5, "Male", 0],
    [50, 0, 5, "Female", 0],
    [52, 0, 5, "Female", 0],
  ];
  it("finds the nearest row, and can leave one out", () => {
    expect(nearestRow([30, 0, 5, "Male", 0], rows, columns)).toEqual({ index: 0, distance: 0 });
    expect(nearestRow(rows[0]!, rows, columns, 0)).toEqual({ index: 1, distance: 1 / 20 });
    expect(nearestRow([1, 1, 1, "Male", 1], [], columns)).toBeNull();
  });

  it("gives each row its distance to the nearest other row", () => {
    const d = leaveOneOutDistances(rows, columns);
    expect(d).toHaveLength(4);
    expect(d[0]).toBeCloseTo(0.05, 12);
    expect(d[1]).toBeCloseTo(0.05, 12);
    expect(d[2]).toBeCloseTo(0.1, 12);
    expect(d[3]).toBeCloseTo(0.1, 12);
    expect(leaveOneOutDistances(rows.slice(0, 1), columns)).toEqual([]);
  });
});

describe("the unusual-case flag", () => {
  // 100 rows: ages 20..119 one year apart, all Male, so every leave-one-out distance is 1/20 = 0.05.
  const rows: WhatIfValue[][] = Array.from({ length: 100 }, (_, i) => [20 + i, 0, 5, "Male", 0]);
  const reference = unusualCaseReference(features, rows)!;

  it("takes the 99th percentile of the leave-one-out distances as the line", () => {
    expect(reference.threshold).toBeCloseTo(0.05, 12);
  });

  it("does not flag a case among the rows, and flags one beyond all of them, naming the inputs that differ most", () => {
    expect(unusualCase([40, 0, 5, "Male", 0], reference)!.unusual).toBe(false);
    const far = unusualCase([40, 900, 5, "Female", 3], reference)!;
    expect(far.unusual).toBe(true);
    expect(far.nearest).toBe(20);
    expect(far.distance).toBeCloseTo(0.9 + 1, 12);
    expect(far.differences.map((d) => d.index)).toEqual([3, 1]);
  });

  it("needs two rows", () => {
    expect(unusualCaseReference(features, rows.slice(0, 1))).toBeNull();
  });
});
