import { describe, expect, it } from "vitest";
import {
  boxStats,
  columnDistributions,
  countOnEdges,
  distributionsFor,
  MAX_CATEGORIES,
  MAX_NUMERIC_BINS,
  prepareReferenceDistributions,
  referenceEdges,
} from "@/lib/evaluation/distributions";
import type { CategoricalDistribution, ColumnDistribution, NumericDistribution } from "@/lib/contracts/snapshot-types";
import type { Column, Table } from "@/lib/ingest/table";
import { makeTable, range } from "./make-table";
import { histogramSorted } from "@/lib/metrics/drift/binning";
import { Xoshiro128 } from "@/lib/metrics";

type Numeric = Extract<ColumnDistribution, NumericDistribution>;
type Categorical = Extract<ColumnDistribution, CategoricalDistribution>;
const numeric = (d: ColumnDistribution | undefined): Numeric => {
  expect(d?.kind).toBe("numeric");
  return d as Numeric;
};
const categorical = (d: ColumnDistribution | undefined): Categorical => {
  expect(d?.kind).toBe("categorical");
  return d as Categorical;
};

/** np.percentile(values, 100 q) (linear) on the finite values, by sorting. */
function numpyQuantile(values: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(Array.from(values).filter((v) => Number.isFinite(v))).sort();
  const virtual = (sorted.length - 1) * q;
  const lo = Math.floor(virtual);
  const g = virtual - lo;
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return g >= 0.5 ? b - (b - a) * (1 - g) : a + (b - a) * g;
}

describe("numeric distributions", () => {
  const reference = makeTable({ x: range(100, (i) => i) });

  it("bins the reference by Sturges over its own min..max and counts the current on the same edges", () => {
    const current = makeTable({ x: [-5, 0, 12.375, 50, 99, 100, 150, null] });
    const [d] = columnDistributions({ reference, current, featureColumns: ["x"] });
    const x = numeric(d);
    expect(x.column).toBe("x");
    expect(x.role).toBe("input");
    // ceil(log2(100) + 1) = 8 bins; np.linspace(0, 99, 9)
    expect(x.edges).toEqual(range(9, (i) => i * 12.375));
    expect(x.reference).toEqual([13, 12, 13, 12, 12, 13, 12, 13]);
    // 12.375 is an interior edge: the upper bin; 99 is the top edge: the last (closed) bin.
    expect(x.current).toEqual([1, 1, 0, 0, 1, 0, 0, 1]);
    expect(x.below).toEqual({ reference: 0, current: 1 });
    expect(x.above).toEqual({ reference: 0, current: 2 });
    expect(x.missing).toEqual({ reference: 0, current: 1 });
  });

  it("gives NumPy's linear percentiles as box stats on each side", () => {
    const current = makeTable({ x: [-5, 0, 50, 99, 100, 150, null] });
    const x = numeric(columnDistributions({ reference, current, featureColumns: ["x"] })[0]);
    const ref = x.box.reference!;
    expect(ref.min).toBe(0);
    expect(ref.max).toBe(99);
    expect(ref.p01).toBeCloseTo(0.99, 12);
    expect(ref.q1).toBeCloseTo(24.75, 12);
    expect(ref.median).toBeCloseTo(49.5, 12);
    expect(ref.q3).toBeCloseTo(74.25, 12);
    expect(ref.p99).toBeCloseTo(98.01, 12);
    expect(ref.mean).toBeCloseTo(49.5, 12);
    const cur = x.box.current!;
    expect(cur.min).toBe(-5);
    expect(cur.max).toBe(150);
    expect(cur.p01).toBeCloseTo(-4.75, 12);
    expect(cur.q1).toBeCloseTo(12.5, 12);
    expect(cur.median).toBeCloseTo(74.5, 12);
    expect(cur.q3).toBeCloseTo(99.75, 12);
    expect(cur.p99).toBeCloseTo(147.5, 12);
    expect(cur.mean).toBeCloseTo(394 / 6, 12);
  });

  it("puts a constant reference in one bin [v, v]; the current's other values fall outside", () => {
    const x = numeric(
      columnDistributions({ reference: makeTable({ x: [5, 5, 5, 5] }), current: makeTable({ x: [4, 5, 5, 6, null] }), featureColumns: ["x"] })[0],
    );
    expect(x.edges).toEqual([5, 5]);
    expect(x.reference).toEqual([4]);
    expect(x.current).toEqual([2]);
    expect(x.below.current).toBe(1);
    expect(x.above.current).toBe(1);
    expect(x.box.reference).toEqual({ min: 5, p01: 5, q1: 5, median: 5, q3: 5, p99: 5, max: 5, mean: 5 });
    expect(x.box.current?.median).toBe(5);
  });

  it("handles an all-missing column: no bins, every current value outside, no box", () => {
    const reference = makeTable({ x: [null, null, null], y: [1, 2, 3] });
    const x = numeric(columnDistributions({ reference, current: makeTable({ x: [1, 2, null], y: [1, 2, 3] }), featureColumns: ["x"] })[0]);
    expect(x.edges).toEqual([]);
    expect(x.reference).toEqual([]);
    expect(x.current).toEqual([]);
    expect(x.missing).toEqual({ reference: 3, current: 1 });
    expect(x.above.current).toBe(2);
    expect(x.box.reference).toBeNull();
    expect(x.box.current?.median).toBe(1.5);
    const allMissing = numeric(columnDistributions({ reference, current: makeTable({ x: [null, null], y: [1, 2] }), featureColumns: ["x"] })[0]);
    expect(allMissing.box.current).toBeNull();
    expect(allMissing.missing.current).toBe(2);
  });

  it("counts ±Infinity as missing", () => {
    const x = numeric(columnDistributions({ reference, current: makeTable({ x: [1, Infinity, -Infinity] }), featureColumns: ["x"] })[0]);
    expect(x.missing.current).toBe(2);
    expect(x.current.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it("caps the bin count at 30", () => {
    expect(MAX_NUMERIC_BINS).toBe(30);
    expect(referenceEdges(0, 1, 2 ** 40).length).toBe(31);
    expect(referenceEdges(0, 1, 1000).length).toBe(12); // ceil(log2(1000) + 1) = 11 bins
    expect(referenceEdges(0, 1, 1).length).toBe(2);
    expect(referenceEdges(Number.NaN, Number.NaN, 0).length).toBe(0);
  });

  it("counts on the edges exactly as np.histogram does, values on the edges included (large inputs)", () => {
    const rng = new Xoshiro128(11);
    const edges = referenceEdges(-3.7, 12.2, 200_000);
    for (const make of [() => rng.nextDouble() * 20 - 5, () => Math.exp(rng.nextDouble() * 4) - 4, () => Math.round(rng.nextDouble() * 16 - 4)]) {
      const values = Float64Array.from(range(120_000), (i) => (i % 97 === 0 ? (edges[i % edges.length] as number) : i % 101 === 0 ? Number.NaN : make()));
      const pass = countOnEdges(values, edges);
      const finite = Float64Array.from(Array.from(values).filter((v) => Number.isFinite(v))).sort();
      const lo = edges[0] as number;
      const hi = edges[edges.length - 1] as number;
      const inside = finite.filter((v) => v >= lo && v <= hi);
      expect(pass.counts).toEqual(Array.from(histogramSorted(inside, edges)));
      expect(pass.below).toBe(finite.filter((v) => v < lo).length);
      expect(pass.above).toBe(finite.filter((v) => v > hi).length);
      expect(pass.missing).toBe(values.length - finite.length);
    }
  });
});

describe("box stats by selection", () => {
  const rng = new Xoshiro128(3);
  const cases: [string, () => number, number][] = [
    ["uniform", () => rng.nextDouble(), 50_000],
    ["skewed", () => Math.exp(rng.nextDouble() * 30), 200_000],
    ["heavy ties", () => Math.floor(rng.nextDouble() * 4), 100_000],
    ["negative and tiny", () => (rng.nextDouble() - 0.7) * 1e-300, 30_000],
    ["mostly one value", () => (rng.nextDouble() < 0.95 ? 0 : rng.nextDouble() * 1e9), 100_000],
    ["small", () => rng.nextDouble() * 10, 7],
    ["one value", () => 42, 1],
  ];
  it.each(cases)("agrees with sorting on %s data", (_name, draw, n) => {
    const values = Float64Array.from(range(n), (i) => (i % 53 === 7 ? Number.NaN : draw()));
    const box = boxStats(values)!;
    const finite = Array.from(values).filter((v) => Number.isFinite(v));
    expect(box.min).toBe(finite.reduce((a, b) => (b < a ? b : a), Infinity));
    expect(box.max).toBe(finite.reduce((a, b) => (b > a ? b : a), -Infinity));
    expect(box.p01).toBe(numpyQuantile(values, 0.01));
    expect(box.q1).toBe(numpyQuantile(values, 0.25));
    expect(box.median).toBe(numpyQuantile(values, 0.5));
    expect(box.q3).toBe(numpyQuantile(values, 0.75));
    expect(box.p99).toBe(numpyQuantile(values, 0.99));
    expect(box.mean).toBeCloseTo(finite.reduce((a, b) => a + b, 0) / finite.length, 6);
  });

  it("is null without values", () => {
    expect(boxStats(new Float64Array([Number.NaN]))).toBeNull();
    expect(boxStats(new Float64Array(0))).toBeNull();
  });

  it("agrees with sorting for a shifted window on reference edges (values below and above the range)", () => {
    const ref = Float64Array.from(range(60_000), () => rng.nextDouble() * 10);
    const cur = Float64Array.from(range(80_000), () => rng.nextDouble() * 30 - 10);
    const prepared = prepareReferenceDistributions({ reference: makeTable({ x: { name: "x", kind: "numeric", values: ref } }), featureColumns: ["x"] });
    const [d] = distributionsFor(prepared, { table: makeTable({ x: { name: "x", kind: "numeric", values: cur } }) });
    const box = numeric(d).box.current!;
    expect(box.p01).toBe(numpyQuantile(cur, 0.01));
    expect(box.q1).toBe(numpyQuantile(cur, 0.25));
    expect(box.median).toBe(numpyQuantile(cur, 0.5));
    expect(box.q3).toBe(numpyQuantile(cur, 0.75));
    expect(box.p99).toBe(numpyQuantile(cur, 0.99));
  });
});

describe("categorical distributions", () => {
  it("keeps the reference's 20 most frequent categories (ties by name) and counts the rest as other", () => {
    // 25 categories: c00 appears 30 times, c01 29 times, ... c24 6 times; "b" and "a" tie with 3 each.
    const cells: string[] = [];
    for (let c = 0; c < 25; c++) for (let k = 0; k < 30 - c; k++) cells.push(`c${String(c).padStart(2, "0")}`);
    const referenceCells = [...cells, "b", "b", "b", "a", "a", "a", null, null] as (string | null)[];
    const reference = makeTable({ g: referenceCells });
    const current = makeTable({ g: ["c00", "c00", "c19", "c20", "new", "a", null] });
    const g = categorical(columnDistributions({ reference, current, featureColumns: ["g"] })[0]);
    expect(MAX_CATEGORIES).toBe(20);
    expect(g.categories).toEqual(range(20, (i) => i).map((i) => `c${String(i).padStart(2, "0")}`));
    expect(g.reference).toEqual(range(20, (i) => 30 - i));
    // c20..c24 (10+9+8+7+6) and a, b (3 each) are other
    expect(g.other).toEqual({ reference: 40 + 6, current: 3 });
    expect(g.current.slice(0, 1)).toEqual([2]);
    expect(g.current[19]).toBe(1);
    expect(g.current.reduce((a, b) => a + b, 0)).toBe(3);
    expect(g.missing).toEqual({ reference: 2, current: 1 });
  });

  it("orders equal counts by name", () => {
    const g = categorical(
      columnDistributions({ reference: makeTable({ g: ["z", "b", "a", "b", "a", "z", "m"] }), current: makeTable({ g: ["a"] }), featureColumns: ["g"] })[0],
    );
    expect(g.categories).toEqual(["a", "b", "z", "m"]);
    expect(g.reference).toEqual([2, 2, 2, 1]);
    expect(g.current).toEqual([1, 0, 0, 0]);
  });

  it("matches categories by name across different dictionaries", () => {
    const reference = makeTable({ g: ["x", "y", "y"] });
    const current: Table = {
      ...makeTable({ g: ["y"] }),
      columns: [{ name: "g", kind: "categorical", codes: Int32Array.of(0, 1, 1, -1), dictionary: ["y", "x"] }],
      rowCount: 4,
    };
    const g = categorical(columnDistributions({ reference, current, featureColumns: ["g"] })[0]);
    expect(g.categories).toEqual(["y", "x"]);
    expect(g.current).toEqual([1, 2]);
    expect(g.missing.current).toBe(1);
  });

  it("shows booleans as categories with the file's words", () => {
    const flag = (values: number[]): Column => ({ name: "flag", kind: "boolean", values: Float64Array.from(values), booleanText: { true: "yes", false: "no" } });
    const g = categorical(
      columnDistributions({ reference: makeTable({ flag: flag([1, 1, 0, Number.NaN]) }), current: makeTable({ flag: flag([0, 0, 1]) }), featureColumns: ["flag"] })[0],
    );
    expect(g.categories).toEqual(["yes", "no"]);
    expect(g.reference).toEqual([2, 1]);
    expect(g.current).toEqual([1, 2]);
    expect(g.missing).toEqual({ reference: 1, current: 0 });
  });
});

describe("roles, output and label", () => {
  const reference = makeTable({ x: range(40, (i) => i / 4), g: range(40, (i) => (i % 2 ? "a" : "b")), y: range(40, (i) => i % 2) });
  const current = makeTable({ x: range(10, (i) => i), g: range(10, () => "a"), y: range(10, () => 1) });

  it("lists inputs, then the model output, then the label; a classification label stored as numbers is categories", () => {
    const out = columnDistributions({
      reference,
      current,
      featureColumns: ["x", "g", "y", "absent"],
      labelColumn: "y",
      task: "binary",
      output: { reference: { type: "numeric", values: Float64Array.from(range(40, (i) => i / 40)) }, current: { type: "numeric", values: new Float64Array(10).fill(0.9) } },
    });
    expect(out.map((d) => [d.column, d.role, d.kind])).toEqual([
      ["x", "input", "numeric"],
      ["g", "input", "categorical"],
      ["(model output)", "output", "numeric"],
      ["y", "label", "categorical"],
    ]);
    const label = categorical(out[3]);
    expect(label.categories).toEqual(["0", "1"]);
    expect(label.reference).toEqual([20, 20]);
    expect(label.current).toEqual([0, 10]);
  });

  it("takes predicted classes as text, and a regression label as numbers", () => {
    const out = columnDistributions({
      reference,
      current,
      featureColumns: [],
      labelColumn: "y",
      task: "regression",
      outputName: "prediction",
      output: { reference: range(40, (i) => (i % 4 ? "cat" : "dog")).map(String), current: ["dog", "dog", null, "bird", "cat", "cat", "cat", "cat", "cat", "cat"] },
    });
    const prediction = categorical(out[0]);
    expect(prediction.column).toBe("prediction");
    expect(prediction.categories).toEqual(["cat", "dog"]);
    expect(prediction.reference).toEqual([30, 10]);
    expect(prediction.current).toEqual([6, 2]);
    expect(prediction.other.current).toBe(1);
    expect(prediction.missing.current).toBe(1);
    expect(numeric(out[1]).role).toBe("label");
  });

  it("counts every row missing when the window lacks a column, and leaves the output out without one", () => {
    const out = columnDistributions({
      reference,
      current: makeTable({ g: ["a", "b", "a"] }),
      featureColumns: ["x", "g"],
      labelColumn: "y",
      output: { reference: { type: "numeric", values: new Float64Array(40) }, current: { type: "numeric", values: new Float64Array(3) } },
    });
    const x = numeric(out[0]);
    expect(x.missing).toEqual({ reference: 0, current: 3 });
    expect(x.current.every((c) => c === 0)).toBe(true);
    expect(x.box.current).toBeNull();
    expect(numeric(out[3]).missing.current).toBe(3);
    const prepared = prepareReferenceDistributions({ reference, featureColumns: ["x"], output: { type: "numeric", values: new Float64Array(40) } });
    expect(distributionsFor(prepared, { table: current }).map((d) => d.column)).toEqual(["x"]);
  });

  it("reuses one prepared reference for many windows with the same answers", () => {
    const prepared = prepareReferenceDistributions({ reference, featureColumns: ["x", "g"], labelColumn: "y", task: "binary" });
    const windows = [current, makeTable({ x: [100, -100], g: ["z", "a"], y: [0, 0] })];
    for (const w of windows) {
      expect(distributionsFor(prepared, { table: w })).toEqual(
        columnDistributions({ reference, current: w, featureColumns: ["x", "g"], labelColumn: "y", task: "binary" }),
      );
    }
    // The prepared reference is plain JSON (it can be stored) and is not changed by use.
    const stored = JSON.parse(JSON.stringify(prepared)) as typeof prepared;
    expect(distributionsFor(stored, { table: windows[1]! })).toEqual(distributionsFor(prepared, { table: windows[1]! }));
    const again = distributionsFor(prepared, { table: current });
    expect(again).toEqual(distributionsFor(prepared, { table: current }));
    expect(JSON.parse(JSON.stringify(again))).toEqual(again);
  });
});

describe("reference columns that come sorted (from the drift profile)", () => {
  it("give the same bins, counts, missing counts and box stats as the unsorted pass", async () => {
    const { prepareReferenceDistributions: prepare } = await import("@/lib/evaluation/distributions");
    let s = 7;
    const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const n = 5000;
    const x = Float64Array.from({ length: n }, (_, i) => (i % 97 === 0 ? Number.NaN : i % 13 === 0 ? 0.5 : Math.round(rand() * 1000) / 10));
    const constant = new Float64Array(n).fill(3);
    const table = { file: "r.csv", format: "csv" as const, rowCount: n, firstRowNumber: 2, columns: [
      { name: "x", kind: "numeric" as const, values: x },
      { name: "k", kind: "numeric" as const, values: constant },
    ] };
    const sortedFinite = (v: Float64Array) => Float64Array.from(Array.from(v).filter((a) => Number.isFinite(a)).sort((a, b) => a - b));
    const plain = prepare({ reference: table, featureColumns: ["x", "k"] });
    const fast = prepare({ reference: table, featureColumns: ["x", "k"], sortedNumeric: { x: sortedFinite(x), k: sortedFinite(constant) } });
    expect(fast.columns.length).toBe(2);
    for (const [i, col] of plain.columns.entries()) {
      const other = fast.columns[i]!;
      expect(other.kind).toBe("numeric");
      if (col.kind !== "numeric" || other.kind !== "numeric") continue;
      expect(other.edges).toEqual(col.edges);
      expect(other.counts).toEqual(col.counts);
      expect(other.missing).toBe(col.missing);
      const { mean, ...rest } = col.box!;
      const { mean: fastMean, ...fastRest } = other.box!;
      expect(fastRest).toEqual(rest);
      expect(fastMean).toBeCloseTo(mean, 9);
    }
  });
});
