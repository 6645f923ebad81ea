// The what-if case editor's logic: the median case, parsing typed numbers, model columns and range warnings.
import { describe, expect, it } from "vitest";
import { caseWarnings, columnsOf, medianCase, parseNumber, rowCase } from "@/components/what-if/case-model";
import type { WhatIfFeature } from "@/lib/contracts/what-if";

const features: WhatIfFeature[] = [
  { name: "age", kind: "numeric", min: 17, max: 90, p01: 17, p99: 74, q1: 28, median: 37, q3: 48, integer: true },
  { name: "ratio", kind: "numeric", min: 0, max: 1, p01: 0.01, p99: 0.99, q1: 0.2, median: 0.4567, q3: 0.7, integer: false },
  { name: "workclass", kind: "categorical", categories: [{ value: "Private", share: 0.7 }, { value: "State-gov", share: 0.1 }], hasOther: true },
  { name: "free", kind: "free" },
];

describe("what-if case model", () => {
  it("starts from the medians and the most frequent category", () => {
    expect(medianCase(features)).toEqual(["37", "0.4567", "Private", "0"]);
  });

  it("turns a sample row into texts, missing values as empty fields", () => {
    expect(rowCase([50, null, "State-gov", 1.5])).toEqual(["50", "", "State-gov", "1.5"]);
  });

  it("parses numbers and treats empty or broken text as missing", () => {
    expect(parseNumber(" 42 ")).toBe(42);
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("-")).toBeNull();
    expect(parseNumber("1e3")).toBe(1000);
  });

  it("builds one model column per feature, numbers as numbers and categories as text", () => {
    expect(columnsOf(features, ["40", "", "Private", "3"])).toEqual([
      { name: "age", kind: "number", value: 40 },
      { name: "ratio", kind: "number", value: null },
      { name: "workclass", kind: "text", value: "Private" },
      { name: "free", kind: "number", value: 3 },
    ]);
  });

  it("warns when a number leaves the reference range or a category is unseen, and not otherwise", () => {
    expect(caseWarnings(features, ["90", "0", "Private", "1e9"])).toEqual([]);
    const warnings = caseWarnings(features, ["91", "-0.5", "Never-worked", "1"]);
    expect(warnings.map((w) => w.index)).toEqual([0, 1, 2]);
    expect(warnings[0]!.text).toContain("above the highest value");
    expect(warnings[1]!.text).toContain("below the lowest value");
    expect(warnings[2]!.text).toContain('"Never-worked"');
  });
});
