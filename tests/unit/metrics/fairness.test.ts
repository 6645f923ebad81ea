import { describe, expect, it } from "vitest";
import {
  MetricInputError,
  aequitasCrosstabs,
  aequitasDisparity,
  aggregateRate,
  demographicParityDifference,
  demographicParityRatio,
  equalOpportunityDifference,
  equalOpportunityRatio,
  equalizedOddsDifference,
  equalizedOddsRatio,
  fairnessReport,
  groupRates,
  selectionRate,
} from "../../../lib/metrics";
import { expectClose } from "./helpers";

// Hand-built example. Group A: y=[1,1,0,0], pred=[1,0,1,0] -> tp=1 fn=1 fp=1 tn=1.
// Group B: y=[1,0,0,0], pred=[1,0,0,0] -> tp=1 fn=0 fp=0 tn=3.
// Overall: tp=2 fn=1 fp=1 tn=4.
const Y = [1, 1, 0, 0, 1, 0, 0, 0];
const P = [1, 0, 1, 0, 1, 0, 0, 0];
const G = ["A", "A", "A", "A", "B", "B", "B", "B"];

describe("groupRates (fairlearn MetricFrame rates)", () => {
  const frame = groupRates({ yTrue: Y, yPred: P, sensitiveFeatures: [{ name: "g", values: G }] });

  it("rates per group from the row-normalised confusion matrix", () => {
    const [a, b] = frame.byGroup;
    expect(a?.group).toEqual(["A"]);
    expect(a?.rates).toEqual({ selectionRate: 0.5, truePositiveRate: 0.5, falsePositiveRate: 0.5, trueNegativeRate: 0.5, falseNegativeRate: 0.5 });
    expect(b?.rates).toEqual({ selectionRate: 0.25, truePositiveRate: 1, falsePositiveRate: 0, trueNegativeRate: 1, falseNegativeRate: 0 });
    const o = frame.overall[0]?.rates;
    expectClose(o?.selectionRate ?? Number.NaN, 3 / 8);
    expectClose(o?.truePositiveRate ?? Number.NaN, 2 / 3);
    expectClose(o?.falsePositiveRate ?? Number.NaN, 1 / 5);
  });

  it("an undefined rate is 0, not NaN (no positives in the group)", () => {
    const f = groupRates({ yTrue: [0, 0], yPred: [0, 1], sensitiveFeatures: [{ name: "g", values: ["C", "C"] }] });
    expect(f.byGroup[0]?.rates.truePositiveRate).toBe(0);
    expect(f.byGroup[0]?.rates.falseNegativeRate).toBe(0);
    expect(f.byGroup[0]?.rates.falsePositiveRate).toBe(0.5);
  });

  it("scores become decisions with score >= threshold", () => {
    const f = groupRates({ yTrue: [1, 0, 1], yScore: [0.7, 0.7, 0.2], threshold: 0.7, sensitiveFeatures: [{ name: "g", values: ["x", "x", "x"] }] });
    expectClose(f.byGroup[0]?.rates.selectionRate ?? Number.NaN, 2 / 3);
  });

  it("sample weights (selection rate = weighted share predicted positive)", () => {
    // group A predictions [1,0,1,0] with weights [3,1,1,1] -> (3 + 1) / 6
    const f = groupRates({ yTrue: Y, yPred: P, sampleWeight: [3, 1, 1, 1, 1, 1, 1, 1], sensitiveFeatures: [{ name: "g", values: G }] });
    expectClose(f.byGroup[0]?.rates.selectionRate ?? Number.NaN, 4 / 6);
    // TPR of A: tp weight 3 / (tp 3 + fn 1)
    expectClose(f.byGroup[0]?.rates.truePositiveRate ?? Number.NaN, 3 / 4);
    expectClose(selectionRate([1, 0, 1, 0], { sampleWeight: [3, 1, 1, 1] }), 4 / 6);
  });

  it("intersections of two attributes; empty intersections are NaN and skipped by aggregates", () => {
    const f = groupRates({
      yTrue: [1, 0, 1, 0],
      yPred: [1, 0, 0, 1],
      sensitiveFeatures: [
        { name: "sex", values: ["F", "F", "M", "M"] },
        { name: "age", values: ["old", "young", "young", "young"] },
      ],
    });
    expect(f.byGroup.map((g) => g.group.join("/"))).toEqual(["F/old", "F/young", "M/old", "M/young"]);
    expect(Number.isNaN(f.byGroup[2]?.rates.selectionRate ?? 0)).toBe(true);
    // selection rates: F/old 1, F/young 0, M/young 1/2 -> difference 1 - 0
    const agg = aggregateRate(f, "selectionRate")[0];
    expect(agg?.difference).toBe(1);
    expect(agg?.groupMin).toBe(0);
  });

  it("control features: aggregates within each control value", () => {
    const f = groupRates({
      yTrue: Y,
      yPred: P,
      sensitiveFeatures: [{ name: "g", values: G }],
      controlFeatures: [{ name: "region", values: ["n", "n", "s", "s", "n", "n", "s", "s"] }],
    });
    const aggs = aggregateRate(f, "selectionRate");
    expect(aggs.map((a) => a.control)).toEqual([["n"], ["s"]]);
    // region n: A rows (1,1)/(1,0) -> sel 1/2; B rows (1,1)/(0,0) -> 1/2 -> difference 0
    expect(aggs[0]?.difference).toBe(0);
    // region s: A pred [1,0] -> 1/2; B pred [0,0] -> 0 -> difference 1/2
    expect(aggs[1]?.difference).toBe(0.5);
  });

  it("rejects more than two label values (fairlearn)", () => {
    expect(() => groupRates({ yTrue: [0, 1, 2], yPred: [0, 1, 1], sensitiveFeatures: [{ name: "g", values: ["a", "a", "a"] }] })).toThrow(
      "Must have no more than two unique y values",
    );
  });
});

describe("aggregates (MetricFrame.difference / ratio)", () => {
  const frame = groupRates({ yTrue: Y, yPred: P, sensitiveFeatures: [{ name: "g", values: G }] });
  it("between groups: max - min and min / max", () => {
    const a = aggregateRate(frame, "selectionRate", "between_groups")[0];
    expect(a?.difference).toBe(0.25);
    expect(a?.ratio).toBe(0.5);
  });
  it("to overall: max |g - overall| and min over groups of min(g/o, o/g)", () => {
    const a = aggregateRate(frame, "selectionRate", "to_overall")[0];
    expectClose(a?.difference ?? Number.NaN, 0.125);
    // min(0.375/0.5, 0.25/0.375) = min(0.75, 0.6667)
    expectClose(a?.ratio ?? Number.NaN, 2 / 3);
  });
  it("0/0 ratio is NaN", () => {
    const f = groupRates({ yTrue: [0, 0], yPred: [0, 0], sensitiveFeatures: [{ name: "g", values: ["a", "b"] }] });
    expect(Number.isNaN(aggregateRate(f, "selectionRate")[0]?.ratio ?? 0)).toBe(true);
  });
});

describe("named fairness metrics (fairlearn)", () => {
  const o = { sensitiveFeatures: G };
  it.each([
    { fn: demographicParityDifference, expected: 0.25 },
    { fn: demographicParityRatio, expected: 0.5 },
    { fn: equalOpportunityDifference, expected: 0.5 },
    { fn: equalOpportunityRatio, expected: 0.5 },
  ])("$fn.name -> $expected", ({ fn, expected }) => {
    expectClose(fn(Y, P, o), expected);
  });

  it("equalized odds: worst case and mean of the TPR and FPR gaps", () => {
    // TPR: A .5 B 1 -> diff .5 ratio .5; FPR: A .5 B 0 -> diff .5 ratio 0
    expectClose(equalizedOddsDifference(Y, P, o), 0.5);
    expectClose(equalizedOddsDifference(Y, P, { ...o, agg: "mean" }), 0.5);
    expectClose(equalizedOddsRatio(Y, P, o), 0);
    expectClose(equalizedOddsRatio(Y, P, { ...o, agg: "mean" }), 0.25);
    expect(() => equalizedOddsDifference(Y, P, { ...o, agg: "median" as "mean" })).toThrow("agg must be one of 'worst_case' or 'mean', got median");
  });

  it("to_overall method", () => {
    expectClose(demographicParityDifference(Y, P, { ...o, method: "to_overall" }), 0.125);
    expectClose(demographicParityRatio(Y, P, { ...o, method: "to_overall" }), 2 / 3);
  });
});

describe("Aequitas crosstabs and disparity", () => {
  const ct = aequitasCrosstabs({ yTrue: Y, yPred: P, attributes: [{ name: "g", values: G }] });

  it("group metrics (ppr is the share of all predicted positives)", () => {
    const [a, b] = ct;
    expect(a?.metrics).toMatchObject({ ppr: 2 / 3, pprev: 0.5, precision: 0.5, fdr: 0.5, for: 0.5, fpr: 0.5, fnr: 0.5, tpr: 0.5, tnr: 0.5, npv: 0.5 });
    expect(b?.metrics).toMatchObject({ ppr: 1 / 3, pprev: 0.25, precision: 1, fdr: 0, for: 0, fpr: 0, fnr: 0, tpr: 1, tnr: 1, npv: 1 });
  });

  it("largest group is the default reference (ties: first group)", () => {
    const d = aequitasDisparity(ct);
    const b = d[1];
    expect(b?.referenceGroup.ppr).toBe("A");
    expectClose(b?.disparity.ppr ?? Number.NaN, 0.5);
    expect(b?.disparity.tpr).toBe(2);
    expect(b?.parity.ppr).toBe(false);
    expect(d[0]?.parity.ppr).toBe(true);
    // fdr: 0 / 0.5 = 0
    expect(b?.disparity.fdr).toBe(0);
  });

  it("min_metric reference: x/0 with x > 0 is capped at 10, 0/0 is NaN (parity null)", () => {
    const d = aequitasDisparity(ct, { reference: { kind: "min_metric" } });
    expect(d[0]?.referenceGroup.fdr).toBe("B");
    expect(d[0]?.disparity.fdr).toBe(10);
    expect(Number.isNaN(d[1]?.disparity.fdr ?? 0)).toBe(true);
    expect(d[1]?.parity.fdr).toBeNull();
  });

  it("predefined reference and tau bounds are inclusive", () => {
    const d = aequitasDisparity(ct, { reference: { kind: "predefined", groups: { g: "B" } }, tau: 0.5 });
    // A's ppr disparity vs B = (2/3)/(1/3) = 2 = 1/tau -> parity holds (inclusive)
    expectClose(d[0]?.disparity.ppr ?? Number.NaN, 2);
    expect(d[0]?.parity.ppr).toBe(true);
    expect(() => aequitasDisparity(ct, { reference: { kind: "predefined", groups: { g: "Z" } } })).toThrow(MetricInputError);
  });
});

describe("fairnessReport", () => {
  const n = 400;
  const y = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
  const s = Array.from({ length: n }, (_, i) => ((i * 37) % 100) / 100);
  const sex = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? "F" : "M"));
  const age = Array.from({ length: n }, (_, i) => ["18-29", "30-44", "45-64", "65+"][i % 4] as string);
  const input = { yTrue: y, yScore: s, threshold: 0.5, attributes: [{ name: "sex", values: sex }, { name: "age_band", values: age }], intersections: [["sex", "age_band"]] as [string, string][] };
  const rep = fairnessReport(input, { resamples: 200, seed: 7 });

  it("point values agree with groupRates and the named metrics", () => {
    const yPred = s.map((v) => (v >= 0.5 ? 1 : 0));
    const f = groupRates({ yTrue: y, yPred, sensitiveFeatures: [{ name: "sex", values: sex }] });
    const sexRep = rep.attributes[0];
    expect(sexRep?.groups.map((g) => g.rates)).toEqual(f.byGroup.map((g) => g.rates));
    const dp = sexRep?.parity[0]?.find((p) => p.name === "demographicParityDifference");
    expectClose(dp?.value ?? Number.NaN, demographicParityDifference(y, yPred, { sensitiveFeatures: sex }));
    expect(rep.attributes.map((a) => a.attributes.join("&"))).toEqual(["sex", "age_band", "sex&age_band"]);
    expect(rep.attributes[0]?.disparity?.length).toBe(2);
  });

  it("intervals contain the estimate and repeat exactly for the same seed", () => {
    for (const g of rep.attributes[1]?.groups ?? []) {
      const ci = g.ci.selectionRate;
      expect(ci.lower).toBeLessThanOrEqual(ci.estimate);
      expect(ci.upper).toBeGreaterThanOrEqual(ci.estimate);
      expect(ci.method).toBe("percentile-bootstrap");
    }
    expect(fairnessReport(input, { resamples: 200, seed: 7 })).toEqual(rep);
    expect(fairnessReport(input, { resamples: 200, seed: 8 })).not.toEqual(rep);
  });

  it("too few rows to judge: intersections of 50 rows are fine, rates with < 5 positives are not", () => {
    const small = fairnessReport(
      { yTrue: [1, 0, 0, 0, 0, 0], yPred: [1, 0, 0, 0, 0, 1], attributes: [{ name: "g", values: ["a", "a", "a", "b", "b", "b"] }] },
      { resamples: 50 },
    );
    const g = small.attributes[0]?.groups[0];
    expect(g?.sampleSize.selectionRate.judgeable).toBe(false);
    expect(g?.sampleSize.truePositiveRate.message).toBe("too few rows to judge");
  });

  it("fairness minimums: 30 rows per group and 5 in a rate's denominator by default, or the policy's", () => {
    // 400 rows, sex groups of 200: rows are enough; TPR denominators are the group's positives
    const g = rep.attributes[0]?.groups[0];
    expect(g?.sampleSize.selectionRate).toMatchObject({ judgeable: true, rows: 200, minRows: 30 });
    expect(g?.sampleSize.truePositiveRate.minDenominator).toBe(5);
    const strict = fairnessReport(input, { resamples: 20, seed: 7, minRowsPerGroup: 201 });
    expect(strict.attributes[0]?.groups[0]?.sampleSize.selectionRate.judgeable).toBe(false);
    const lax = fairnessReport(
      { yTrue: [1, 0, 0, 0, 0, 0], yPred: [1, 0, 0, 0, 0, 1], attributes: [{ name: "g", values: ["a", "a", "a", "b", "b", "b"] }] },
      { resamples: 20, minRowsPerGroup: 3, minDenominator: 1 },
    );
    expect(lax.attributes[0]?.groups[0]?.sampleSize.truePositiveRate.judgeable).toBe(true);
    expect(lax.attributes[0]?.groups[1]?.sampleSize.truePositiveRate.judgeable).toBe(false); // no positives in b
  });
});
