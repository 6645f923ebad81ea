import { describe, expect, it } from "vitest";
import {
  EmptyColumnError,
  MetricInputError,
  chiSquareStatTest,
  chisquare,
  columnDrift,
  datasetDrift,
  defaultStatTest,
  driftReport,
  entropy,
  hellingerStatTest,
  jensenShannonStatTest,
  jensenshannon,
  klDivStatTest,
  ks2samp,
  ksStatTest,
  prepareReference,
  prepareSample,
  psiStatTest,
  sturgesEdges,
  wassersteinDistance,
  wassersteinStatTest,
  zStatTest,
} from "../../../lib/metrics";
import { expectAllClose, expectClose } from "./helpers";

const range = <T,>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe("ks2samp (scipy.stats.ks_2samp)", () => {
  it("exact two-sided, equal sizes, by hand: [1,2,3] vs [4,5,6]", () => {
    // D = 1, h = 3; _compute_prob_outside_square(3, 3) = 2 * (3/4 * 2/5 * 1/6) = 0.1 = 2 / C(6, 3)
    const r = ks2samp([1, 2, 3], [4, 5, 6]);
    expectClose(r.statistic, 1);
    expectClose(r.pvalue, 0.1);
    expect(r.method).toBe("exact");
  });

  it("exact one-sided, equal sizes: greater = prod (n - j) / (n + j + 1) = 0.05; less has D = 0 so p = 1", () => {
    expectClose(ks2samp([1, 2, 3], [4, 5, 6], { alternative: "greater" }).pvalue, 0.05);
    const less = ks2samp([1, 2, 3], [4, 5, 6], { alternative: "less" });
    expectClose(less.statistic, 0);
    expectClose(less.pvalue, 1);
  });

  it("exact two-sided, unequal sizes: [1,2] vs [3,4,5] -> 2 / C(5, 2) = 0.2", () => {
    expectClose(ks2samp([1, 2], [3, 4, 5]).pvalue, 0.2);
  });

  it("exact one-sided, unequal sizes: 1 path of C(5, 2) = 10 lies outside -> 0.1", () => {
    // _count_paths_outside_method(3, 2, 1, 6): lxj = 1, xj = [3], num_paths = binom(2, 2) = 1
    expectClose(ks2samp([1, 2], [3, 4, 5], { alternative: "greater" }).pvalue, 0.1);
    expectClose(ks2samp([1, 2], [3, 4, 5], { alternative: "less" }).pvalue, 1);
  });

  it("one-sided exact that overflows falls back to the asymptotic formula quickly (scipy 1.10.1 reference)", () => {
    const x = range(3000, (i) => Math.sin(i) * 3);
    const y = range(2500, (i) => Math.cos(i * 1.3) * 3 + 0.1);
    const r = ks2samp(x, y, { alternative: "greater" });
    expect(r.method).toBe("asymp");
    expectClose(r.pvalue, 5.092115454708331e-10, 1e-8);
    expectClose(ks2samp(x, y).pvalue, 1.018382009263811e-9, 1e-8);
  });

  it("NaN propagates (SciPy nan_policy='propagate')", () => {
    expect(ks2samp([1, Number.NaN], [2, 3]).pvalue).toBeNaN();
  });

  // Deterministic samples; expected values computed with scipy 1.10.1 ks_2samp.
  const a = range(50, (i) => i / 50);
  const b = range(60, (i) => ((i + 0.5) / 60) * 1.1);
  it.each([
    { alternative: "two-sided" as const, mode: "auto" as const, stat: 0.11666666666666667, p: 0.8076375143673235 },
    { alternative: "less" as const, mode: "auto" as const, stat: 0, p: 1 },
    { alternative: "greater" as const, mode: "auto" as const, stat: 0.11666666666666667, p: 0.43972664693912755 },
    { alternative: "two-sided" as const, mode: "asymp" as const, stat: 0.1166666666666667, p: 0.8151812621368463 },
  ])("scipy 1.10.1 reference, alternative=$alternative mode=$mode", ({ alternative, mode, stat, p }) => {
    const r = ks2samp(a, b, { alternative, mode });
    expectClose(r.statistic, stat);
    expectClose(r.pvalue, p);
  });

  it("asymptotic for samples above 10,000 (scipy 1.10.1 reference)", () => {
    const x = range(12000, (i) => Math.sin(i) * 3);
    const y = range(15000, (i) => Math.cos(i * 1.3) * 3 + 0.05);
    const r = ks2samp(x, y);
    expect(r.method).toBe("asymp");
    expectClose(r.statistic, 0.059083333333333335);
    expectClose(r.pvalue, 1.131938100085566e-20, 1e-8);
    expectClose(ks2samp(x, y, { alternative: "greater" }).pvalue, 5.771054699994178e-21, 1e-8);
  });

  it("errors like SciPy", () => {
    expect(() => ks2samp([], [1])).toThrow("Data passed to ks_2samp must not be empty");
    expect(() => ks2samp([1], [2], { mode: "bogus" as "auto" })).toThrow("Invalid value for mode: bogus");
  });
});

describe("SciPy building blocks", () => {
  it("chisquare docstring examples", () => {
    const r = chisquare([16, 18, 16, 14, 12, 12]);
    expectClose(r.statistic, 2.0);
    expectClose(r.pvalue, 0.8491450360846096);
    expectClose(chisquare([16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 16, 8]).pvalue, 0.6233876277495822);
    expectClose(chisquare([16, 18, 16, 14, 12, 12], undefined, 1).pvalue, 0.7357588823428847);
    expect(() => chisquare([1, 2], [1, 5])).toThrow("the sum of the observed frequencies must agree");
  });

  it("entropy / jensenshannon docstring examples", () => {
    expectClose(entropy([0.5, 0.5], [0.9, 0.1]), 0.5108256237659907);
    expectClose(jensenshannon([1, 0, 0], [0, 1, 0], 2), 1.0);
    expectClose(jensenshannon([1, 0], [0.5, 0.5]), 0.46450140402245893);
  });

  it("wasserstein_distance docstring examples", () => {
    expectClose(wassersteinDistance([0, 1, 3], [5, 6, 8]), 5.0);
    expectClose(wassersteinDistance([0, 1], [0, 1], { uWeights: [3, 1], vWeights: [2, 2] }), 0.25);
    expectClose(
      wassersteinDistance([3.4, 3.9, 7.5, 7.8], [4.5, 1.4], { uWeights: [1.4, 0.9, 3.1, 7.2], vWeights: [3.2, 3.5] }),
      4.078133143804786,
    );
    expect(() => wassersteinDistance([], [1])).toThrow("Distribution can't be empty.");
  });

  it("wasserstein_distance with infinities and zero weights (cases from SciPy's own tests)", () => {
    const I = Number.POSITIVE_INFINITY;
    expect(wassersteinDistance([1, 2, I], [1, 1])).toBe(I);
    expect(wassersteinDistance([1, 2, I], [-I, 1])).toBe(I);
    expect(wassersteinDistance([1, -I, I], [1, 1])).toBe(I);
    expect(wassersteinDistance([1, 2, I], [I, 1])).toBeNaN();
    expectClose(
      wassersteinDistance([1, 2, 100000], [1, 1], { uWeights: [1, 1, 0], vWeights: [1, 1] }),
      wassersteinDistance([1, 2], [1, 1], { uWeights: [1, 1], vWeights: [1, 1] }),
    );
    expect(() => wassersteinDistance([1], [2], { uWeights: [-1] })).toThrow("All weights must be non-negative.");
    expect(() => wassersteinDistance([1], [2], { uWeights: [0] })).toThrow("Weight array must sum to a positive finite value.");
  });

  it("numpy Sturges edges: ceil(log2(N) + 1) equal bins over min..max", () => {
    // N = 100 -> log2(100) + 1 = 7.64 -> 8 bins -> 9 edges from 0 to 8
    expectAllClose(sturgesEdges(0, 8, 100), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // a single value widens to [v - 0.5, v + 0.5] with one bin
    expectAllClose(sturgesEdges(3, 3, 10), [2.5, 3.5]);
  });
});

const REF = ["a", "a", "b", "b"];
const CUR = ["a", "b", "b", "b"];

describe("Evidently legacy stattests", () => {
  it("PSI by hand: (0.5-0.25) ln 2 + (0.5-0.75) ln(0.5/0.75)", () => {
    const r = psiStatTest(REF, CUR);
    expectClose(r.score, 0.27465307216702745);
    expect(r).toMatchObject({ method: "psi", stattestName: "PSI", threshold: 0.1, drifted: true });
  });

  it("PSI empty-bin fill: zeros become 1e-4 when the smallest share exceeds 1e-4", () => {
    // ref (2/3, 1/3, 0) -> (2/3, 1/3, 1e-4); cur (2/3, 0, 1/3) -> (2/3, 1e-4, 1/3)
    // PSI = 2 (1/3 - 1e-4) ln((1/3) / 1e-4)
    expectClose(psiStatTest(["a", "a", "b"], ["a", "a", "c"]).score, 5.40619637658872);
  });

  it("PSI empty-bin fill: zeros become m / 1e6 when the smallest share m <= 1e-4", () => {
    // ref: 19,999 'a' + 1 'b' -> shares (0.99995, 5e-5, 0) -> 'c' filled with 5e-5 / 1e6
    const ref = [...Array<string>(19999).fill("a"), "b"];
    const cur = ["a", "a", "a", "c"];
    const r0 = 0.99995;
    const r1 = 5e-5;
    const r2 = 5e-11;
    // cur shares (0.75, 0, 0.25): its smallest non-zero share 0.25 > 1e-4 -> 'b' filled with 1e-4
    const c = [0.75, 1e-4, 0.25];
    const expected = (r0 - 0.75) * Math.log(r0 / 0.75) + (r1 - (c[1] as number)) * Math.log(r1 / (c[1] as number)) + (r2 - 0.25) * Math.log(r2 / 0.25);
    expectClose(psiStatTest(ref, cur).score, expected);
  });

  it("KL divergence (scipy.stats.entropy of the filled shares), natural log and base 2", () => {
    expectClose(klDivStatTest(REF, CUR).score, 0.14384103622589042);
    expectClose(klDivStatTest(REF, CUR, { base: 2 }).score, 0.20751874963942185);
  });

  it("Jensen-Shannon distance, base e and base 2", () => {
    const r = jensenShannonStatTest(REF, CUR);
    expectClose(r.score, 0.1839077909404743);
    expect(r.stattestName).toBe("Jensen-Shannon distance");
    expectClose(jensenShannonStatTest(REF, CUR, { base: 2 }).score, 0.22089576884901735);
    // at most sqrt(ln 2) for disjoint supports
    expectClose(jensenShannonStatTest(["a"], ["b"]).score, Math.sqrt(Math.LN2));
  });

  it("Z-test by hand: p1 = .5, p2 = .75, pooled .625", () => {
    // z = -0.25 / sqrt(0.625 * 0.375 * (1/4 + 1/4)); p = 2 (1 - Phi(|z|))
    const r = zStatTest(REF, CUR);
    expectClose(r.score, 0.4652088184521417);
    expect(r.drifted).toBe(false);
  });

  it("Z-test: both sides constant and equal gives p = 1", () => {
    expect(zStatTest(["x", "x"], ["x"]).score).toBe(1);
  });

  it("chi-square: a value missing from the reference gives p = 0", () => {
    const r = chiSquareStatTest(["a", "b", "c", "a"], ["a", "b", "d", "c"]);
    expect(r.score).toBe(0);
    expect(r.drifted).toBe(true);
  });

  it("chi-square: expected = reference counts scaled to the current size (by hand)", () => {
    // ref counts a:2 b:1 c:1 (n=4), cur a:1 b:2 c:1 (n=4): exp = (2,1,1), obs = (1,2,1)
    // stat = 1/2 + 1/1 + 0 = 1.5, df = 2 -> p = exp(-0.75)
    expectClose(chiSquareStatTest(["a", "a", "b", "c"], ["a", "b", "b", "c"]).score, Math.exp(-0.75));
  });

  it("normed Wasserstein: W1 / population std of the reference", () => {
    // ref [0,1,2,3]: std sqrt(1.25); cur shifted by 1 -> W1 = 1
    expectClose(wassersteinStatTest([0, 1, 2, 3], [1, 2, 3, 4]).score, 1 / Math.sqrt(1.25));
    // constant reference: the std floor 0.001 applies
    expectClose(wassersteinStatTest([5, 5, 5], [6, 6, 6]).score, 1000);
  });

  it("Hellinger, categorical: sqrt(1 - sum sqrt(p q))", () => {
    expectClose(hellingerStatTest(REF, CUR).score, 0.18459191128251476);
  });

  it("Hellinger, numeric: identical samples give 0", () => {
    const x = range(40, (i) => i * 0.37);
    expectClose(hellingerStatTest(x, x).score, 0, 1e-9, 1e-7);
  });

  it("K-S drifts when p <= threshold (threshold inclusive)", () => {
    // p = 0.1 exactly (see ks2samp test)
    expect(ksStatTest([1, 2, 3], [4, 5, 6], { threshold: 0.1 }).drifted).toBe(true);
    expect(ksStatTest([1, 2, 3], [4, 5, 6]).drifted).toBe(false);
  });

  it("Sturges binning for numeric columns whose reference has more than 20 distinct values", () => {
    const ref = range(30, (i) => i);
    expectClose(psiStatTest(ref, ref).score, 0);
    expectClose(klDivStatTest(ref, ref).score, 0);
  });
});

describe("cleaning and the default test (Evidently get_one_column_drift / _get_default_stattest)", () => {
  it("Infinity and NaN are dropped; an empty column names the column and the side", () => {
    expect(() => columnDrift([Number.NaN, Number.POSITIVE_INFINITY], [1, 2], { column: "income" })).toThrow(
      "An empty column 'income' was provided for drift calculation in the reference dataset.",
    );
    expect(() => columnDrift([1, 2], [Number.NEGATIVE_INFINITY], { column: "income" })).toThrow(EmptyColumnError);
    expect(() => columnDrift(["a"], [null, null], { column: "city" })).toThrow(
      "An empty column 'city' was provided for drift calculation in the current dataset.",
    );
    // Infinity in the middle of data is removed before testing
    const r = columnDrift([1, 2, 3, Number.POSITIVE_INFINITY], [4, 5, 6], { method: "ks" });
    expectClose(r.score, 0.1);
  });

  const num = (xs: number[]) => prepareSample(xs, "numeric");
  const cat = (xs: string[]) => prepareSample(xs, "categorical");
  it.each([
    { name: "n<=1000 numeric u>5 -> ks", ref: num(range(10, (i) => i)), cur: num([1, 2]), type: "numeric" as const, expected: "ks" },
    { name: "n<=1000 numeric u=4 -> chisquare", ref: num([1, 2, 3, 4]), cur: num([1]), type: "numeric" as const, expected: "chisquare" },
    { name: "n<=1000 numeric u=2 -> z", ref: num([0, 1, 1]), cur: num([0]), type: "numeric" as const, expected: "z" },
    { name: "n<=1000 categorical u=3 -> chisquare", ref: cat(["a", "b"]), cur: cat(["c"]), type: "categorical" as const, expected: "chisquare" },
    { name: "n<=1000 categorical u=2 -> z", ref: cat(["a", "b"]), cur: cat(["a"]), type: "categorical" as const, expected: "z" },
    { name: "n>1000 numeric u>5 -> wasserstein", ref: num(range(1001, (i) => i % 7)), cur: num([1]), type: "numeric" as const, expected: "wasserstein" },
    { name: "n>1000 numeric u=5 -> jensenshannon", ref: num(range(1001, (i) => i % 5)), cur: num([1]), type: "numeric" as const, expected: "jensenshannon" },
    { name: "n>1000 categorical -> jensenshannon", ref: cat(range(1001, (i) => i).map((i) => `v${i}`)), cur: cat(["a"]), type: "categorical" as const, expected: "jensenshannon" },
  ])("$name", ({ ref, cur, type, expected }) => {
    expect(defaultStatTest(ref, cur, type)).toBe(expected);
  });

  it("u counts distinct values over both samples together", () => {
    // reference has 3 distinct values, current adds 3 more -> u = 6 > 5 -> ks
    expect(defaultStatTest(num([1, 2, 3]), num([4, 5, 6]), "numeric")).toBe("ks");
  });

  it("per-column result shape", () => {
    const r = columnDrift(REF, CUR, { column: "city" });
    expect(r).toMatchObject({ column: "city", columnType: "categorical", method: "z", stattestName: "Z-test p_value", threshold: 0.05, drifted: false });
    expectClose(r.score, 0.4652088184521417);
    expect(columnDrift(REF, CUR, { method: "jensenshannon" }).unit).toBe("base e");
  });

  it("numeric-only tests are refused for categorical columns", () => {
    expect(() => columnDrift(REF, CUR, { method: "ks" })).toThrow(MetricInputError);
  });
});

describe("dataset drift share and the report", () => {
  it.each([
    { drifted: [true, true, false, false], share: 0.5, dataset: true },
    { drifted: [true, false, false], share: 1 / 3, dataset: false },
    { drifted: [false], share: 0, dataset: false },
  ])("share $share -> dataset drift $dataset (drifts when share >= 0.5)", ({ drifted, share, dataset }) => {
    const r = datasetDrift(drifted.map((d) => ({ drifted: d })));
    expectClose(r.shareOfDriftedColumns, share);
    expect(r.datasetDrift).toBe(dataset);
  });

  it("driftReport with a prepared reference equals driftReport on raw columns", () => {
    const reference = {
      x: { type: "numeric" as const, values: Float64Array.from(range(200, (i) => Math.sin(i))) },
      c: { type: "categorical" as const, values: range(200, (i) => (i % 3 === 0 ? "a" : "b")) },
      k: { type: "categorical" as const, values: { codes: Int32Array.from(range(200, (i) => i % 2)), dictionary: ["u", "v"] } },
    };
    const current = {
      x: { type: "numeric" as const, values: Float64Array.from(range(150, (i) => Math.sin(i) + 0.8)) },
      c: { type: "categorical" as const, values: range(150, (i) => (i % 2 === 0 ? "a" : "b")) },
      k: { type: "categorical" as const, values: { codes: Int32Array.from(range(150, (i) => (i % 5 === 0 ? 1 : 0))), dictionary: ["v", "u"] } },
    };
    const raw = driftReport(reference, current);
    const prepared = driftReport(prepareReference(reference), current);
    expect(prepared).toEqual(raw);
    expect(raw.columns.map((c) => c.method)).toEqual(["ks", "z", "z"]);
    expect(raw.columns[0]?.drifted).toBe(true);
    expect(raw.dataset.numberOfColumns).toBe(3);
  });
});
