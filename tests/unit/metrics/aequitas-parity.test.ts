import { describe, expect, it } from "vitest";
import {
  AEQUITAS_METRICS,
  type AequitasMetric,
  COMBINED_PARITY_NAMES,
  type Determination,
  type DisparityRow,
  type GroupParityRow,
  MetricInputError,
  aequitasCrosstabs,
  aequitasDisparity,
  aequitasFairness,
  aequitasGroupAttributeFairness,
  aequitasGroupValueFairness,
  aequitasOverallFairness,
  combineParities,
  parityFromDisparity,
} from "../../../lib/metrics";

/** A disparity row with the given disparities (1 for the rest) and Aequitas' parities at tau 0.8. */
function row(group: string, disparity: Partial<Record<AequitasMetric, number>>, attribute = "race"): DisparityRow {
  const d = {} as Record<AequitasMetric, number>;
  const parity = {} as Record<AequitasMetric, boolean | null>;
  const metrics = {} as Record<AequitasMetric, number>;
  const referenceGroup = {} as Record<AequitasMetric, string>;
  for (const m of AEQUITAS_METRICS) {
    d[m] = disparity[m] ?? 1;
    parity[m] = parityFromDisparity(d[m]);
    metrics[m] = 0.5;
    referenceGroup[m] = "ref";
  }
  return { attribute, group, groupSize: 10, tp: 0, fp: 0, tn: 0, fn: 0, pp: 0, pn: 0, labelPos: 0, labelNeg: 0, prev: 0, metrics, disparity: d, referenceGroup, parity };
}

describe("parityFromDisparity (aequitas Fairness.fair_eval)", () => {
  it.each([
    { d: 1, tau: 0.8, expected: true },
    { d: 0.8, tau: 0.8, expected: true }, // inclusive
    { d: 1.25, tau: 0.8, expected: true }, // inclusive: 1 / 0.8
    { d: 0.7999, tau: 0.8, expected: false },
    { d: 1.2501, tau: 0.8, expected: false },
    { d: 10, tau: 0.8, expected: false }, // x / 0 capped at 10
    { d: 0, tau: 0.8, expected: false },
    { d: Number.NaN, tau: 0.8, expected: null }, // 0 / 0: undetermined
    { d: 0.6, tau: 0.5, expected: true },
    { d: 2, tau: 0.5, expected: true },
  ])("disparity $d, tau $tau -> $expected", ({ d, tau, expected }) => {
    expect(parityFromDisparity(d, tau)).toBe(expected);
  });
  it("rejects tau outside (0, 1]", () => {
    expect(() => parityFromDisparity(1, 0)).toThrow(MetricInputError);
    expect(() => parityFromDisparity(1, 1.2)).toThrow("tau must be in (0, 1].");
  });
});

describe("combineParities (aequitas Fairness.high_level_pair_eval)", () => {
  // Aequitas: NaN only when both parts are NaN; otherwise `x is True and y is True`.
  // strict: three-valued AND (false wins, then undetermined).
  it.each([
    { a: true, b: true, aequitas: true, strict: true },
    { a: true, b: false, aequitas: false, strict: false },
    { a: false, b: true, aequitas: false, strict: false },
    { a: false, b: false, aequitas: false, strict: false },
    { a: true, b: null, aequitas: false, strict: null },
    { a: null, b: true, aequitas: false, strict: null },
    { a: false, b: null, aequitas: false, strict: false },
    { a: null, b: false, aequitas: false, strict: false },
    { a: null, b: null, aequitas: null, strict: null },
  ] as { a: Determination; b: Determination; aequitas: Determination; strict: Determination }[])(
    "$a and $b -> aequitas $aequitas, strict $strict",
    ({ a, b, aequitas, strict }) => {
      expect(combineParities(a, b)).toBe(aequitas);
      expect(combineParities(a, b, "aequitas")).toBe(aequitas);
      expect(combineParities(a, b, "strict")).toBe(strict);
    },
  );
  it("rejects an unknown rule", () => {
    expect(() => combineParities(true, true, "lenient" as "strict")).toThrow("naRule must be 'aequitas' or 'strict'");
  });
});

describe("aequitasGroupValueFairness: combined flags per group", () => {
  type Combined = GroupParityRow["combined"];
  it.each([
    {
      what: "all disparities 1",
      d: {},
      aequitas: { typeIParity: true, typeIIParity: true, equalizedOdds: true, unsupervisedFairness: true, supervisedFairness: true },
      strict: { typeIParity: true, typeIIParity: true, equalizedOdds: true, unsupervisedFairness: true, supervisedFairness: true },
    },
    {
      what: "FDR undetermined, FPR holds",
      d: { fdr: Number.NaN },
      aequitas: { typeIParity: false, typeIIParity: true, equalizedOdds: true, unsupervisedFairness: true, supervisedFairness: false },
      strict: { typeIParity: null, typeIIParity: true, equalizedOdds: true, unsupervisedFairness: true, supervisedFairness: null },
    },
    {
      what: "FDR and FPR undetermined",
      d: { fdr: Number.NaN, fpr: Number.NaN },
      aequitas: { typeIParity: null, typeIIParity: true, equalizedOdds: false, unsupervisedFairness: true, supervisedFairness: false },
      strict: { typeIParity: null, typeIIParity: true, equalizedOdds: null, unsupervisedFairness: true, supervisedFairness: null },
    },
    {
      what: "all four error-rate disparities undetermined (no positives, no negatives)",
      d: { fdr: Number.NaN, fpr: Number.NaN, for: Number.NaN, fnr: Number.NaN, tpr: Number.NaN },
      aequitas: { typeIParity: null, typeIIParity: null, equalizedOdds: null, unsupervisedFairness: true, supervisedFairness: null },
      strict: { typeIParity: null, typeIIParity: null, equalizedOdds: null, unsupervisedFairness: true, supervisedFairness: null },
    },
    {
      what: "FDR fails, FPR undetermined: false either way",
      d: { fdr: 0.5, fpr: Number.NaN },
      aequitas: { typeIParity: false, typeIIParity: true, equalizedOdds: false, unsupervisedFairness: true, supervisedFairness: false },
      strict: { typeIParity: false, typeIIParity: true, equalizedOdds: null, unsupervisedFairness: true, supervisedFairness: false },
    },
    {
      what: "FNR fails (Type II), statistical and impact parity at the inclusive bounds",
      d: { fnr: 1.3, ppr: 1.25, pprev: 0.8 },
      aequitas: { typeIParity: true, typeIIParity: false, equalizedOdds: true, unsupervisedFairness: true, supervisedFairness: false },
      strict: { typeIParity: true, typeIIParity: false, equalizedOdds: true, unsupervisedFairness: true, supervisedFairness: false },
    },
    {
      what: "predicted-positive share capped at 10 (reference selects nobody)",
      d: { ppr: 10, pprev: 10 },
      aequitas: { typeIParity: true, typeIIParity: true, equalizedOdds: true, unsupervisedFairness: false, supervisedFairness: true },
      strict: { typeIParity: true, typeIIParity: true, equalizedOdds: true, unsupervisedFairness: false, supervisedFairness: true },
    },
    {
      what: "TPR undetermined: Equalized Odds (FPR and TPR)",
      d: { tpr: Number.NaN },
      aequitas: { typeIParity: true, typeIIParity: true, equalizedOdds: false, unsupervisedFairness: true, supervisedFairness: true },
      strict: { typeIParity: true, typeIIParity: true, equalizedOdds: null, unsupervisedFairness: true, supervisedFairness: true },
    },
  ] as { what: string; d: Partial<Record<AequitasMetric, number>>; aequitas: Combined; strict: Combined }[])("$what", ({ d, aequitas, strict }) => {
    const r = [row("g", d)];
    expect(aequitasGroupValueFairness(r)[0]?.combined).toEqual(aequitas);
    expect(aequitasGroupValueFairness(r, { naRule: "strict" })[0]?.combined).toEqual(strict);
  });

  it("keeps the metric parities and can recompute them with another tau", () => {
    const r = [row("g", { fpr: 0.7, ppr: Number.NaN })];
    const at08 = aequitasGroupValueFairness(r)[0];
    expect(at08?.parity.fpr).toBe(false);
    expect(at08?.parity.ppr).toBeNull();
    const at07 = aequitasGroupValueFairness(r, { tau: 0.7 })[0];
    expect(at07?.parity.fpr).toBe(true);
    expect(at07?.combined.typeIParity).toBe(true);
    expect(at07?.combined.unsupervisedFairness).toBe(false); // ppr NaN and pprev true
    expect(() => aequitasGroupValueFairness(r, { tau: 0 })).toThrow("tau must be in (0, 1].");
  });

  it("uses Aequitas' column names", () => {
    expect(COMBINED_PARITY_NAMES).toEqual({
      typeIParity: "TypeI Parity",
      typeIIParity: "TypeII Parity",
      equalizedOdds: "Equalized Odds",
      unsupervisedFairness: "Unsupervised Fairness",
      supervisedFairness: "Supervised Fairness",
    });
  });
});

describe("aequitasGroupAttributeFairness and aequitasOverallFairness", () => {
  it.each([
    // Aequitas: false if any group is false; NaN only when every group is NaN; else true.
    { groups: [true, true], aequitas: true, strict: true },
    { groups: [true, false], aequitas: false, strict: false },
    { groups: [true, null], aequitas: true, strict: null },
    { groups: [false, null], aequitas: false, strict: false },
    { groups: [null, null], aequitas: null, strict: null },
  ] as { groups: Determination[]; aequitas: Determination; strict: Determination }[])(
    "groups $groups -> attribute aequitas $aequitas, strict $strict",
    ({ groups, aequitas, strict }) => {
      // Statistical Parity per group: ppr disparity 1 (true), 2 (false) or NaN (null)
      const rows = groups.map((g, k) => row(`g${k}`, { ppr: g === true ? 1 : g === false ? 2 : Number.NaN, pprev: Number.NaN }));
      const a = aequitasGroupAttributeFairness(aequitasGroupValueFairness(rows));
      expect(a).toHaveLength(1);
      expect(a[0]?.attribute).toBe("race");
      expect(a[0]?.parity.ppr).toBe(aequitas);
      const s = aequitasGroupAttributeFairness(aequitasGroupValueFairness(rows), { naRule: "strict" });
      expect(s[0]?.parity.ppr).toBe(strict);
    },
  );

  it.each([
    // per attribute: [Unsupervised, Supervised]; Aequitas' overall takes `min() == False`, so an
    // undetermined attribute counts as fair, and Overall Fairness is false if either is false.
    { attrs: [[true, true]], aequitas: [true, true, true], strict: [true, true, true] },
    { attrs: [[true, true], [false, true]], aequitas: [false, true, false], strict: [false, true, false] },
    { attrs: [[true, null]], aequitas: [true, true, true], strict: [true, null, null] },
    { attrs: [[null, null]], aequitas: [true, true, true], strict: [null, null, null] },
    { attrs: [[null, false]], aequitas: [true, false, false], strict: [null, false, false] },
  ] as { attrs: Determination[][]; aequitas: Determination[]; strict: Determination[] }[])(
    "attributes $attrs -> overall aequitas $aequitas, strict $strict",
    ({ attrs, aequitas, strict }) => {
      const rows = attrs.map(([u, s], k) => ({
        attribute: `a${k}`,
        parity: {} as Record<AequitasMetric, Determination>,
        combined: { typeIParity: s ?? null, typeIIParity: s ?? null, equalizedOdds: null, unsupervisedFairness: u ?? null, supervisedFairness: s ?? null },
      }));
      const o = aequitasOverallFairness(rows);
      expect([o.unsupervisedFairness, o.supervisedFairness, o.overallFairness]).toEqual(aequitas);
      const st = aequitasOverallFairness(rows, { naRule: "strict" });
      expect([st.unsupervisedFairness, st.supervisedFairness, st.overallFairness]).toEqual(strict);
    },
  );
});

describe("aequitasFairness end to end (crosstabs -> disparity -> fairness)", () => {
  // Group A: y=[1,1,0,0], pred=[1,0,1,0] (tp 1 fn 1 fp 1 tn 1); group B: y=[1,0,0,0], pred=[1,0,0,0].
  const Y = [1, 1, 0, 0, 1, 0, 0, 0];
  const P = [1, 0, 1, 0, 1, 0, 0, 0];
  const G = ["A", "A", "A", "A", "B", "B", "B", "B"];
  const ct = aequitasCrosstabs({ yTrue: Y, yPred: P, attributes: [{ name: "g", values: G }] });

  it("largest-group reference (A): A is fair to itself, B fails every parity", () => {
    const f = aequitasFairness(aequitasDisparity(ct));
    const [a, b] = f.groups;
    expect(Object.values(a?.combined ?? {})).toEqual([true, true, true, true, true]);
    expect(Object.values(b?.combined ?? {})).toEqual([false, false, false, false, false]);
    expect(f.attributes[0]?.combined.supervisedFairness).toBe(false);
    expect(f.overall).toEqual({ unsupervisedFairness: false, supervisedFairness: false, overallFairness: false });
  });

  it("min_metric reference: B's FDR, FPR, FOR and FNR disparities are 0/0 (undetermined)", () => {
    const f = aequitasFairness(aequitasDisparity(ct, { reference: { kind: "min_metric" } }));
    const b = f.groups[1];
    // B is the reference for ppr, pprev (1 -> true) and for fdr, fpr, for, fnr (0 / 0 -> NaN)
    expect(b?.parity.ppr).toBe(true);
    expect(b?.parity.fdr).toBeNull();
    expect(b?.combined).toEqual({ typeIParity: null, typeIIParity: null, equalizedOdds: false, unsupervisedFairness: true, supervisedFairness: null });
    // A: fdr, fpr, for, fnr are x / 0 -> 10 -> false; ppr, pprev 2 -> false; tpr is the reference -> true
    const a = f.groups[0];
    expect(a?.combined).toEqual({ typeIParity: false, typeIIParity: false, equalizedOdds: false, unsupervisedFairness: false, supervisedFairness: false });
    expect(f.attributes[0]?.combined.typeIParity).toBe(false);
    const strict = aequitasFairness(aequitasDisparity(ct, { reference: { kind: "min_metric" } }), { naRule: "strict" });
    // strict: FPR undetermined but TPR fails -> Equalized Odds false; Type I and II undetermined
    expect(strict.groups[1]?.combined).toEqual(b?.combined);
    expect(strict.attributes[0]?.combined.unsupervisedFairness).toBe(false);
  });

  it("one row per attribute, in input order", () => {
    const two = aequitasCrosstabs({ yTrue: Y, yPred: P, attributes: [{ name: "g", values: G }, { name: "h", values: ["x", "y", "x", "y", "x", "y", "x", "y"] }] });
    const f = aequitasFairness(aequitasDisparity(two));
    expect(f.attributes.map((a) => a.attribute)).toEqual(["g", "h"]);
    expect(f.groups.map((g) => `${g.attribute}:${g.group}`)).toEqual(["g:A", "g:B", "h:x", "h:y"]);
  });
});
