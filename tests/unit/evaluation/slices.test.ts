import { describe, expect, it } from "vitest";
import {
  binLabels,
  computeSlices,
  numericSlicing,
  prepareSliceReference,
  sliceDisparity,
  withinBand,
  type SliceArgs,
  type SlicePolicy,
} from "@/lib/evaluation/slices";
import type { SliceColumn, SliceGroup } from "@/lib/contracts/snapshot-types";
import type { Column, Table } from "@/lib/ingest/table";

// ---------------------------------------------------------------- tiny table builders

function cat(name: string, values: readonly (string | null)[], kind: "categorical" | "id" = "categorical"): Column {
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(values, (v) => {
    if (v === null) return -1;
    let c = index.get(v);
    if (c === undefined) {
      c = dictionary.length;
      index.set(v, c);
      dictionary.push(v);
    }
    return c;
  });
  return { name, kind, codes, dictionary };
}

function num(name: string, values: readonly (number | null)[], kind: "numeric" | "boolean" | "datetime" = "numeric"): Column {
  return { name, kind, values: Float64Array.from(values, (v) => (v === null ? Number.NaN : v)) };
}

function makeTable(...columns: Column[]): Table {
  const rowCount = columns[0] ? ("codes" in columns[0] ? columns[0].codes.length : columns[0].values.length) : 0;
  return { file: "window.csv", format: "csv", rowCount, firstRowNumber: 2, columns };
}

const policy: SlicePolicy = { decisionThreshold: 0.5, fairnessQuestion: null, fairnessTolerance: 0.8, minimumRows: { perGroup: 30, denominator: 5 } };

interface Cells {
  tp?: number;
  fp?: number;
  tn?: number;
  fn?: number;
}

/** Binary rows per group: tp/fp/tn/fn counts (score 0.9 = "yes", 0.1 = "no"); the key "(missing)" gives missing values. */
function binaryRows(specs: Record<string, Cells>): { groups: (string | null)[]; yTrue: Float64Array; score: Float64Array } {
  const groups: (string | null)[] = [];
  const y: number[] = [];
  const s: number[] = [];
  for (const [name, c] of Object.entries(specs)) {
    const push = (count: number | undefined, truth: number, score: number) => {
      for (let i = 0; i < (count ?? 0); i++) {
        groups.push(name === "(missing)" ? null : name);
        y.push(truth);
        s.push(score);
      }
    };
    push(c.tp, 1, 0.9);
    push(c.fp, 0, 0.9);
    push(c.tn, 0, 0.1);
    push(c.fn, 1, 0.1);
  }
  return { groups, yTrue: Float64Array.from(y), score: Float64Array.from(s) };
}

function binarySlices(specs: Record<string, Cells>, over: Partial<SliceArgs> = {}, p: SlicePolicy = policy) {
  const { groups, yTrue, score } = binaryRows(specs);
  return computeSlices({
    task: "binary",
    table: makeTable(cat("sex", groups)),
    yTrue,
    score,
    policy: p,
    sensitiveAttributes: ["sex"],
    otherColumns: [],
    ...over,
  });
}

const column = (columns: SliceColumn[], name: string): SliceColumn => {
  const c = columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return c;
};
const group = (c: SliceColumn, name: string): SliceGroup => {
  const g = c.groups.find((x) => x.group === name);
  if (!g) throw new Error(`no group ${name} in ${c.name}`);
  return g;
};

// ---------------------------------------------------------------- tests

describe("computeSlices: the judged metric", () => {
  const specs = { A: { tp: 20, fp: 10, tn: 20, fn: 10 }, B: { tp: 10, fp: 5, tn: 25, fn: 10 } };

  it.each([
    ["help", "truePositiveRate"],
    ["burden", "falsePositiveRate"],
    ["equal", "selectionRate"],
    [null, "selectionRate"],
  ] as const)("binary, question %s judges %s", (question, metric) => {
    const slices = binarySlices(specs, {}, { ...policy, fairnessQuestion: question });
    expect(slices.metric).toBe(metric);
    expect(slices.question).toBe(question);
    const sex = column(slices.columns, "sex");
    const a = group(sex, "A");
    const b = group(sex, "B");
    expect(sex.referenceGroup).toBe("A");
    expect(b.disparity).toBeCloseTo((b[metric]!.value as number) / (a[metric]!.value as number), 12);
  });

  it("binary groups carry every rate with its denominator", () => {
    const b = group(column(binarySlices(specs).columns, "sex"), "B");
    expect(b.rows).toBe(50);
    expect(b.share).toBeCloseTo(50 / 110, 12);
    expect(b.selectionRate).toMatchObject({ value: 15 / 50, denominator: 50 });
    expect(b.truePositiveRate).toMatchObject({ value: 10 / 20, denominator: 20 });
    expect(b.falsePositiveRate).toMatchObject({ value: 5 / 30, denominator: 30 });
    expect(b.precision).toMatchObject({ value: 10 / 15, denominator: 15 });
    expect(b.accuracy).toMatchObject({ value: 35 / 50, denominator: 50 });
  });

  it("multiclass judges accuracy (string labels or shared codes)", () => {
    const groups = [...Array(40).fill("A"), ...Array(40).fill("B")] as string[];
    const truth = groups.map((_, i) => ["x", "y", "z"][i % 3] as string);
    // A: all right; B: every other row wrong.
    const predicted = truth.map((t, i) => (i >= 40 && i % 2 === 0 ? "w" : t));
    const base = { task: "multiclass" as const, table: makeTable(cat("sex", groups)), policy, sensitiveAttributes: ["sex"], otherColumns: [] };
    const slices = computeSlices({ ...base, trueLabels: truth, predictedLabels: predicted });
    expect(slices.metric).toBe("accuracy");
    const sex = column(slices.columns, "sex");
    expect(group(sex, "A").accuracy?.value).toBe(1);
    expect(group(sex, "B").accuracy?.value).toBe(0.5);
    expect(sex.referenceGroup).toBe("A"); // tie on rows: by name
    expect(group(sex, "B").disparity).toBe(0.5);
    expect(sex.light).toBe("red");
    const codes = (xs: string[]) => Int32Array.from(xs, (x) => ["x", "y", "z", "w"].indexOf(x));
    const viaCodes = computeSlices({ ...base, trueLabels: codes(truth), predictedLabels: codes(predicted) });
    expect(viaCodes.columns).toEqual(slices.columns);
  });

  it("regression judges MAE with the normal-approximation interval", () => {
    const n = 40;
    const groups = [...Array(n).fill("A"), ...Array(n).fill("B")] as string[];
    const yTrue = Float64Array.from(groups, () => 10);
    // A: errors alternate 1 and 3 (MAE 2); B: errors all 2.5 (MAE 2.5)
    const prediction = Float64Array.from(groups, (g, i) => (g === "A" ? 10 + (i % 2 === 0 ? 1 : -3) : 12.5));
    const slices = computeSlices({
      task: "regression",
      table: makeTable(cat("sex", groups)),
      yTrue,
      prediction,
      policy,
      sensitiveAttributes: ["sex"],
      otherColumns: [],
    });
    expect(slices.metric).toBe("mae");
    const sex = column(slices.columns, "sex");
    const a = group(sex, "A");
    expect(a.mae?.value).toBeCloseTo(2, 12);
    // sd of [1,3,...] (ddof 1) = sqrt(40/39); half width = 1.96 * sd / sqrt(40)
    const half = (1.959963984540054 * Math.sqrt(40 / 39)) / Math.sqrt(40);
    expect(a.mae?.lower).toBeCloseTo(2 - half, 10);
    expect(a.mae?.upper).toBeCloseTo(2 + half, 10);
    expect(a.meanPrediction?.value).toBeCloseTo(9, 12);
    expect(group(sex, "B").mae).toMatchObject({ value: 2.5, lower: 2.5, upper: 2.5, denominator: 40, judgeable: true });
    expect(group(sex, "B").disparity).toBeCloseTo(1.25, 12);
    expect(group(sex, "B").withinTolerance).toBe(true); // 1.25 = 1/tau, inclusive
  });
});

describe("computeSlices: intervals and minimum rows", () => {
  it("gives the Wilson interval (8 of 10 -> [0.4902, 0.9433])", () => {
    const b = group(column(binarySlices({ A: { tp: 20, tn: 20 }, B: { tp: 8, fn: 2 } }).columns, "sex"), "B");
    expect(b.accuracy?.value).toBe(0.8);
    expect(b.accuracy?.lower).toBeCloseTo(0.4902, 4);
    expect(b.accuracy?.upper).toBeCloseTo(0.9433, 4);
    expect(b.truePositiveRate?.lower).toBeCloseTo(0.4902, 4);
  });

  it("does not judge a group below 30 rows", () => {
    const sex = column(binarySlices({ A: { tp: 20, tn: 20 }, B: { tp: 1, tn: 28 } }).columns, "sex");
    const b = group(sex, "B");
    expect(b.rows).toBe(29);
    expect(b.judgeable).toBe(false);
    expect(b.selectionRate?.judgeable).toBe(false);
    expect(b.withinTolerance).toBeNull();
    expect(b.disparity).toBeCloseTo(1 / 29 / 0.5, 12); // shown, not judged
    expect(sex.light).toBe("gray");
    expect(sex.worstGroup).toBeNull();
  });

  it("does not judge a rate whose denominator is below 5", () => {
    const p = { ...policy, fairnessQuestion: "help" as const };
    const sex = column(binarySlices({ A: { tp: 20, fn: 5, tn: 20 }, B: { tp: 1, fn: 3, tn: 36 } }, {}, p).columns, "sex");
    const b = group(sex, "B");
    expect(b.truePositiveRate).toMatchObject({ value: 0.25, denominator: 4, judgeable: false });
    expect(b.selectionRate?.judgeable).toBe(true);
    expect(b.judgeable).toBe(false);
    expect(b.withinTolerance).toBeNull();
    expect(sex.light).toBe("gray");
  });

  it("leaves out rows without a label or a score", () => {
    const { groups, yTrue, score } = binaryRows({ A: { tp: 20, tn: 20 }, B: { tp: 20, tn: 20 } });
    yTrue[0] = Number.NaN;
    score[1] = Number.NaN;
    score[45] = Number.NaN;
    const slices = computeSlices({ task: "binary", table: makeTable(cat("sex", groups)), yTrue, score, policy, sensitiveAttributes: ["sex"], otherColumns: [] });
    expect(slices.rows).toBe(77);
    const sex = column(slices.columns, "sex");
    expect(group(sex, "A").rows).toBe(38);
    expect(group(sex, "B").rows).toBe(39);
    expect(group(sex, "B").share).toBeCloseTo(39 / 77, 12);
  });
});

describe("computeSlices: disparity", () => {
  it("caps x/0 at 10 and leaves 0/0 empty", () => {
    const sex = column(binarySlices({ A: { tn: 50 }, B: { fp: 10, tn: 30 }, C: { tn: 35 } }).columns, "sex");
    expect(sex.referenceGroup).toBe("A");
    expect(group(sex, "A").disparity).toBe(1);
    expect(group(sex, "A").withinTolerance).toBe(true);
    expect(group(sex, "B").disparity).toBe(10);
    expect(group(sex, "B").withinTolerance).toBe(false);
    expect(group(sex, "C").disparity).toBeNull();
    expect(group(sex, "C").withinTolerance).toBeNull();
    expect(sex.light).toBe("red");
    expect(sex.worstGroup).toBe("B");
    expect(sliceDisparity(3, 0)).toBe(10);
    expect(sliceDisparity(0, 0)).toBeNull();
    expect(sliceDisparity(null, 0.5)).toBeNull();
  });

  it("takes the largest judgeable group as the reference (ties by name)", () => {
    expect(column(binarySlices({ A: { tp: 20, tn: 20 }, B: { tp: 30, tn: 30 } }).columns, "sex").referenceGroup).toBe("B");
    expect(column(binarySlices({ B: { tp: 20, tn: 20 }, A: { tp: 20, tn: 20 } }).columns, "sex").referenceGroup).toBe("A");
    // The largest group is not judgeable for TPR (4 positives): the next largest is the reference.
    const p = { ...policy, fairnessQuestion: "help" as const };
    expect(column(binarySlices({ A: { tp: 20, fn: 5, tn: 20 }, B: { tp: 2, fn: 2, tn: 96 } }, {}, p).columns, "sex").referenceGroup).toBe("A");
  });

  it("holds the band inclusively and goes green when every judged group is inside", () => {
    // A: 20 of 40 selected (0.5); B: 12 of 30 (0.4) -> 0.8 exactly
    const sex = column(binarySlices({ A: { tp: 20, tn: 20 }, B: { tp: 12, tn: 18 } }).columns, "sex");
    expect(group(sex, "B").disparity).toBeCloseTo(0.8, 12);
    expect(group(sex, "B").withinTolerance).toBe(true);
    expect(sex.light).toBe("green");
    expect(withinBand(0.8, 0.8)).toBe(true);
    expect(withinBand(1.25, 0.8)).toBe(true);
    expect(withinBand(0.79, 0.8)).toBe(false);
    expect(withinBand(1.26, 0.8)).toBe(false);
  });

  it("names the worst group: the disparity furthest from 1 in log terms", () => {
    // reference A 0.5; B 0.35 (0.7); C 0.65 (1.3): |ln 0.7| = 0.357 > |ln 1.3| = 0.262
    const sex = column(binarySlices({ A: { tp: 50, tn: 50 }, B: { tp: 14, tn: 26 }, C: { tp: 26, tn: 14 } }).columns, "sex");
    expect(group(sex, "B").disparity).toBeCloseTo(0.7, 12);
    expect(group(sex, "C").disparity).toBeCloseTo(1.3, 12);
    expect(sex.worstGroup).toBe("B");
    expect(sex.light).toBe("red");
  });
});

describe("computeSlices: columns and groups", () => {
  it("slices each sensitive attribute, each pair of them, and names intersections 'a × b' / 'A & B'", () => {
    const sex: string[] = [];
    const race: string[] = [];
    for (let i = 0; i < 160; i++) {
      sex.push(i % 2 === 0 ? "F" : "M");
      race.push(i < 80 ? "x" : "y");
    }
    const yTrue = Float64Array.from(sex, (_, i) => i % 3 === 0 ? 1 : 0);
    const score = Float64Array.from(sex, (_, i) => (i % 4 === 0 ? 0.9 : 0.1));
    const slices = computeSlices({
      task: "binary",
      table: makeTable(cat("sex", sex), cat("race", race), cat("region", race.map(() => "north"))),
      yTrue,
      score,
      policy,
      sensitiveAttributes: ["sex", "race", "religion"],
      otherColumns: ["region"],
    });
    expect(slices.columns.map((c) => [c.name, c.kind])).toEqual([
      ["sex", "sensitive"],
      ["race", "sensitive"],
      ["sex × race", "intersection"],
      ["region", "other"],
    ]);
    expect(slices.missingAttributes).toEqual(["religion"]);
    const both = column(slices.columns, "sex × race");
    expect(both.columns).toEqual(["sex", "race"]);
    expect(both.groups.map((g) => g.group).sort()).toEqual(["F & x", "F & y", "M & x", "M & y"]);
    expect(group(both, "F & y").rows).toBe(40);
    expect(column(slices.columns, "region").light).toBe("gray"); // one group only
  });

  it("cuts numeric columns at the reference's quintiles, whatever the window holds", () => {
    const reference = makeTable(num("income", Array.from({ length: 100 }, (_, i) => i + 1)));
    const prepared = prepareSliceReference(reference, ["income", "absent"]);
    // numpy.quantile(1..100, [.2, .4, .6, .8]) = 20.8, 40.6, 60.4, 80.2
    expect(prepared.columns.income).toEqual({ mode: "bins", edges: [20.8, 40.6, 60.4, 80.2] });
    expect(prepared.columns.absent).toBeUndefined();
    const values = [...Array(40).fill(0), ...Array(40).fill(20.8), ...Array(30).fill(50), ...Array(30).fill(70), ...Array(35).fill(1000), null] as (number | null)[];
    const { yTrue, score } = binaryRows({ A: { tp: 88, tn: 88 } });
    const slices = computeSlices({
      task: "binary",
      table: makeTable(cat("sex", values.map(() => "A")), num("income", values)),
      yTrue,
      score,
      policy,
      sensitiveAttributes: [],
      otherColumns: ["income"],
      reference: prepared,
    });
    const income = column(slices.columns, "income");
    expect(income.kind).toBe("other");
    expect(income.binEdges).toEqual([20.8, 40.6, 60.4, 80.2]);
    expect(income.groups.map((g) => [g.group, g.rows])).toEqual([
      ["under 20.8", 40],
      ["20.8 to 40.6", 40],
      ["40.6 to 60.4", 30],
      ["60.4 to 80.2", 30],
      ["80.2 and over", 35],
      ["(missing)", 1],
    ]);
  });

  it("writes short bin labels and slices few-valued numbers by value", () => {
    expect(binLabels([18, 25, 40, 65])).toEqual(["under 18", "18 to 25", "25 to 40", "40 to 65", "65 and over"]);
    expect(binLabels([32456.78, 51234.5])).toEqual(["under 32,500", "32,500 to 51,200", "51,200 and over"]);
    expect(binLabels([1.0001, 1.0002])).toEqual(["under 1.0001", "1.0001 to 1.0002", "1.0002 and over"]);
    expect(numericSlicing([0, 1, 1, 0, Number.NaN])).toEqual({ mode: "values", values: [0, 1] });
    expect(numericSlicing([Number.NaN])).toBeNull();
    // mostly zeros: equal cut points merge
    expect(numericSlicing([...Array(90).fill(0), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ mode: "bins", edges: [0] });
  });

  it("skips other category columns with more than 20 categories, ids and dates, but never a sensitive attribute", () => {
    const n = 60;
    const many = Array.from({ length: n }, (_, i) => `c${i % 21}`);
    const twenty = Array.from({ length: n }, (_, i) => `c${i % 20}`);
    const { yTrue, score } = binaryRows({ A: { tp: 30, tn: 30 } });
    const slices = computeSlices({
      task: "binary",
      table: makeTable(
        cat("many", many),
        cat("twenty", twenty),
        cat("zip", many),
        cat("customer", many, "id"),
        num("when", many.map((_, i) => 1e12 + i), "datetime"),
        num("member", many.map((_, i) => (i % 3 === 0 ? 1 : 0)), "boolean"),
        num("score_col", many.map(() => 0.5)),
      ),
      yTrue,
      score,
      policy,
      sensitiveAttributes: ["zip"],
      otherColumns: ["many", "twenty", "customer", "when", "member", "score_col", "zip"],
      excludeColumns: ["score_col"],
    });
    expect(slices.columns.map((c) => c.name)).toEqual(["zip", "twenty", "member"]);
    expect(column(slices.columns, "zip").groups).toHaveLength(21);
    expect(column(slices.columns, "member").groups.map((g) => [g.group, g.rows])).toEqual([
      ["false", 40],
      ["true", 20],
    ]);
  });

  it("shows missing values as a '(missing)' group, judged but never the reference", () => {
    const sex = column(binarySlices({ "(missing)": { tp: 30, tn: 70 }, A: { tp: 20, tn: 20 }, B: { tp: 5, tn: 30 } }).columns, "sex");
    expect(sex.groups.map((g) => g.group)).toEqual(["A", "B", "(missing)"]);
    expect(sex.referenceGroup).toBe("A");
    const missing = group(sex, "(missing)");
    expect(missing.rows).toBe(100);
    expect(missing.judgeable).toBe(true);
    expect(missing.disparity).toBeCloseTo(0.6, 12);
    expect(missing.withinTolerance).toBe(false);
    expect(sex.worstGroup).toBe("B"); // 5/35 / 0.5 = 0.286
  });

  it("gives a gray, empty section when no row has both a label and an answer", () => {
    const slices = binarySlices({ A: { tp: 40 } }, { score: Float64Array.from({ length: 40 }, () => Number.NaN) });
    expect(slices.rows).toBe(0);
    expect(column(slices.columns, "sex")).toMatchObject({ groups: [], referenceGroup: null, worstGroup: null, light: "gray" });
  });
});
