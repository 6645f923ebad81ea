// The analysis pages' pure parts: which slice the URL picks, each group's verdict against the band (red only when
// the whole 95% interval is outside it), the drift table's order, and the histogram's shares.
import { describe, expect, it } from "vitest";
import { histogramView } from "@/components/drift/drift-views";
import { sliceView } from "@/components/fairness/slice-views";
import { parseSliceParams, pickSlice } from "@/lib/contracts/slice-params";
import type { ColumnDistribution, SliceColumn, SliceGroup } from "@/lib/contracts/snapshot-types";
import { driftSeverity, sliceGroupVerdict, sortBySeverity } from "@/lib/narrative";

const columns: Pick<SliceColumn, "name" | "columns" | "kind">[] = [
  { name: "age", columns: ["age"], kind: "other" },
  { name: "sex", columns: ["sex"], kind: "sensitive" },
  { name: "race", columns: ["race"], kind: "sensitive" },
  { name: "sex × race", columns: ["sex", "race"], kind: "intersection" },
];

describe("pickSlice", () => {
  it.each([
    [{}, "sex", true],
    [{ slice: "age" }, "age", true],
    [{ slice: "nope" }, "sex", false],
    [{ a: "race", b: "sex" }, "sex × race", true],
    [{ a: "sex", b: "race", slice: "age" }, "sex × race", true],
    [{ a: "sex", b: "sex" }, "sex", true],
    [{ a: "sex", b: "age" }, "sex", false],
  ])("%j picks %s", (params, name, asked) => {
    expect(pickSlice(columns, params)).toEqual({ name, asked });
  });

  it("falls back to the first column without sensitive ones, and to none without columns", () => {
    expect(pickSlice(columns.slice(0, 1), {}).name).toBe("age");
    expect(pickSlice([], { slice: "x" })).toEqual({ name: null, asked: false });
  });

  it("parses the query string with zod, dropping what is malformed", () => {
    expect(parseSliceParams({ slice: ["sex", "race"], a: "", b: "x".repeat(300) })).toEqual({ slice: "sex" });
    expect(parseSliceParams(undefined)).toEqual({});
  });
});

function g(group: string, value: number, lower: number, upper: number, disparity: number | null, judgeable = true): SliceGroup {
  return { group, rows: 200, share: 0.2, disparity, withinTolerance: null, judgeable, truePositiveRate: { value, lower, upper, denominator: 100, judgeable } };
}

describe("sliceGroupVerdict", () => {
  const ref = g("Male", 0.6, 0.55, 0.65, 1);
  const column = (other: SliceGroup) => ({ referenceGroup: "Male", groups: [ref, other] });
  it.each([
    ["the reference group", ref, "reference"],
    ["inside the band", g("Female", 0.55, 0.44, 0.66, 0.55 / 0.6), "inside"],
    ["on the band's edge (inclusive)", g("Female", 0.48, 0.4, 0.56, 0.8), "inside"],
    ["outside at its point, its interval reaching in", g("Female", 0.42, 0.3, 0.54, 0.7), "chance"],
    ["outside for its whole interval", g("Female", 0.3, 0.24, 0.36, 0.5), "outside"],
    ["above the band for its whole interval", g("Female", 0.9, 0.8, 0.97, 1.5), "outside"],
    ["too few rows", g("Female", 0.3, 0.1, 0.6, 0.5, false), "tooFew"],
    ["no gap", g("Female", 0.3, 0.1, 0.6, null), "noGap"],
  ])("%s", (_name, group, state) => {
    expect(sliceGroupVerdict(column(group), group, "truePositiveRate", 0.8).state).toBe(state);
  });

  it("divides the group's interval by the reference group's value", () => {
    const other = g("Female", 0.3, 0.24, 0.36, 0.5);
    const v = sliceGroupVerdict(column(other), other, "truePositiveRate", 0.8);
    expect(v.interval!.lower).toBeCloseTo(0.4, 12);
    expect(v.interval!.upper).toBeCloseTo(0.6, 12);
  });
});

describe("drift order", () => {
  it("puts the column furthest past its limit first, p-values and distances on one scale", () => {
    const cols = [
      { column: "a", method: "wasserstein", score: 0.12, threshold: 0.1 },
      { column: "b", method: "ks", score: 0.001, threshold: 0.05 },
      { column: "c", method: "jensenshannon", score: 0.05, threshold: 0.1 },
      { column: "d", method: "chisquare", score: 0.4, threshold: 0.05 },
      { column: "e", method: "wasserstein", score: null, threshold: 0.1 },
    ];
    expect(sortBySeverity(cols).map((c) => c.column)).toEqual(["b", "a", "c", "d", "e"]);
    expect(driftSeverity({ method: "ks", score: 0, threshold: 0.05 })).toBeGreaterThan(1e300);
  });
});

describe("histogramView", () => {
  it("draws each side's share of its non-missing values, with the values outside the reference range", () => {
    const d: ColumnDistribution = {
      column: "age",
      role: "input",
      kind: "numeric",
      edges: [0, 10, 20],
      reference: [30, 70],
      current: [10, 20],
      below: { reference: 0, current: 5 },
      above: { reference: 0, current: 15 },
      missing: { reference: 0, current: 3 },
      box: { reference: null, current: null },
    };
    const v = histogramView(d, null);
    expect(v.spec.kind).toBe("bar");
    if (v.spec.kind !== "bar") return;
    expect(v.spec.categories).toEqual(["below 0", "0 to 10", "10 to 20", "above 20"]);
    expect(v.spec.series[0]!.values).toEqual([0, 0.3, 0.7, 0]);
    expect(v.spec.series[1]!.values).toEqual([0.1, 0.2, 0.4, 0.3]);
    expect(v.table.rows.at(-1)?.[0]).toBe("missing");
  });
});

describe("sliceView", () => {
  const mae = (group: string, value: number, disparity: number): SliceGroup => ({
    group,
    rows: 300,
    share: 0.5,
    disparity,
    withinTolerance: null,
    judgeable: true,
    mae: { value, lower: value * 0.9, upper: value * 1.1, denominator: 300, judgeable: true },
  });
  const slices = { metric: "mae" as const, question: null, tolerance: 0.8, minimumRows: 30, minimumDenominator: 5, columns: [], missingAttributes: [], rows: 600 };

  it("words a slice by another column by its direction, in a neutral colour; a sensitive one as outside the band, in red", () => {
    const groups = [mae("4", 80, 1), mae("1", 33, 33 / 80)];
    const other = sliceView({ name: "season", columns: ["season"], kind: "other", referenceGroup: "4", groups, worstGroup: "1", light: "red" }, slices, "regression", "hours", "count");
    expect(other.rows.map((r) => [r.group, r.verdict, r.tone])).toEqual([
      ["4", "Reference group", "neutral"],
      ["1", "Smaller errors", "neutral"],
    ]);
    expect(other.rateHeaders.map((h) => [h.label, h.unit])).toEqual([["Mean error", "count"]]);
    const sensitive = sliceView({ name: "sex", columns: ["sex"], kind: "sensitive", referenceGroup: "4", groups, worstGroup: "1", light: "red" }, slices, "regression", "hours", null);
    expect(sensitive.rows[1]).toMatchObject({ verdict: "Outside the band", tone: "bad", disparity: "0.41", disparityRange: "0.37 to 0.45" });
    expect(sensitive.csv.rows[1]).toEqual(["1", 300, 0.5, 33, 33 * 0.9, 33 * 1.1, 300, 33 / 80, "Outside the band"]);
  });
});
