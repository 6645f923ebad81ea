// Verdict tables: each light, both metric directions, a reference value near zero, intervals straddling a
// threshold, floors and the worse rule, each fairness question, the minimum-rows cases, the reference data,
// and a data problem named first.
import { describe, expect, it } from "vitest";
import type { Light, ScorecardSection, SliceGroup } from "@/lib/contracts/snapshot-types";
import { checkFloor, checkRelative, judge, judgeDataQuality, judgeDrift, judgeFairness, judgePerformance, relativeDrop } from "@/lib/governance/verdicts";
import type { JudgeInput } from "@/lib/contracts/judge-input";
import {
  PROBLEMS,
  calmDrift,
  dataQuality,
  driftColumn,
  driftSection,
  group,
  heavyDrift,
  input,
  metric,
  policy,
  rate,
  scenarios,
  scorecard,
  sexSlices,
  sliceColumn,
  slicesSection,
  someDrift,
  withMetric,
  BINARY_CARD,
  REGRESSION_CARD,
} from "../narrative/scenarios";

/** A binary window whose primary metric is `name`, judged against a reference value. */
function relative(name: string, reference: number, value: number, ci: [number, number] | null, task: "binary" | "regression" = "binary"): JudgeInput {
  const base = task === "binary" ? BINARY_CARD() : REGRESSION_CARD();
  return input(task, {
    policy: policy(task, { primaryMetric: name }),
    scorecard: withMetric(base, metric(name, value, ci)),
    referenceScorecard: withMetric(base, metric(name, reference, null)),
  });
}

const perf = (i: JudgeInput) => judgePerformance(i).verdict;

describe("the relative drop", () => {
  it.each([
    // name, reference, current, higher is better, drop
    ["rocAuc", 0.9, 0.81, true, 0.1],
    ["logLoss", 0.3, 0.36, false, 0.2],
    ["logLoss", 0.3, 0.27, false, -0.1],
    ["r2", 0.03, 0.02, true, 0.1], // |0.03| < 0.1: divided by 0.1, not 0.03
    ["r2", -0.05, -0.08, true, 0.3],
    ["calibrationError", 0.02, 0.026, false, 0.06],
  ] as const)("%s from %s to %s is a drop of %s", (_name, reference, current, higherIsBetter, drop) => {
    expect(relativeDrop(reference, current, higherIsBetter)).toBeCloseTo(drop, 12);
  });
});

describe("performance against the version's own reference value", () => {
  it.each([
    // name, reference, value, interval, light
    ["rocAuc", 0.9, 0.89, [0.88, 0.9], "green"],
    ["rocAuc", 0.9, 0.84, [0.835, 0.845], "amber"], // whole interval of the drop 6.1%..7.2%
    ["rocAuc", 0.9, 0.78, [0.77, 0.79], "red"], // 12.2%..14.4%
    ["rocAuc", 0.9, 0.84, [0.8, 0.87], "green"], // point drop 6.7%, but the interval reaches 3.3%: not amber
    ["rocAuc", 0.9, 0.79, [0.78, 0.815], "amber"], // point drop 12.2%, the interval reaches 9.4%: amber, not red
    ["rocAuc", 0.9, 0.84, null, "amber"], // no interval: the point value decides
    ["rocAuc", 0.9, 0.95, [0.94, 0.96], "green"], // better than the reference
    ["logLoss", 0.3, 0.29, [0.28, 0.3], "green"],
    ["logLoss", 0.3, 0.33, [0.325, 0.335], "amber"], // lower is better: (0.325 - 0.3) / 0.3 = 8.3%
    ["logLoss", 0.3, 0.36, [0.345, 0.37], "red"],
    ["logLoss", 0.3, 0.33, [0.29, 0.37], "green"], // straddles
    ["logLoss", 0.3, 0.36, null, "red"],
    ["brier", 0.1, 0.106, [0.1055, 0.1065], "amber"],
  ] as const)("%s: reference %s, now %s %j is %s", (name, reference, value, ci, light) => {
    expect(perf(relative(name, reference, value, ci ? [ci[0], ci[1]] : null)).light).toBe(light);
  });

  it.each([
    ["mae", 14.2, 14.6, [14.1, 15.1], "green"],
    ["mae", 14.2, 15.4, [15.0, 15.8], "amber"], // 5.6%..11.3%
    ["mae", 14.2, 17.9, [17.1, 18.8], "red"],
    ["rmse", 21.7, 20.1, [19.5, 20.8], "green"],
    ["r2", 0.81, 0.74, [0.72, 0.76], "amber"],
  ] as const)("regression %s: reference %s, now %s %j is %s", (name, reference, value, ci, light) => {
    expect(perf(relative(name, reference, value, [ci[0], ci[1]], "regression")).light).toBe(light);
  });

  it.each([
    // A reference value near zero divides by 0.1: dividing by |reference| would turn each of these red.
    ["r2", 0.03, 0.02, [0.015, 0.025], "green"], // (0.03 - 0.025) / 0.1 = 5%, not above 5%
    ["r2", 0.03, 0.015, [0.01, 0.022], "amber"], // 8%..20%
    ["r2", 0.03, -0.02, [-0.03, -0.01], "red"], // 40%..60%
    ["calibrationError", 0.02, 0.026, [0.0255, 0.0265], "amber"], // 5.5%..6.5% of 0.1 (27.5% of 0.02)
  ] as const)("%s near zero: reference %s, now %s %j is %s", (name, reference, value, ci, light) => {
    const task = name === "r2" ? "regression" : "binary";
    expect(perf(relative(name, reference, value, [ci[0], ci[1]], task)).light).toBe(light);
  });

  it("says the drop, its interval and the policy's limits in the reason", () => {
    const v = perf(relative("rocAuc", 0.912, 0.79, [0.772, 0.808]));
    expect(v.light).toBe("red");
    expect(v.reason).toContain("is 79%");
    expect(v.reason).toContain("On the reference data it was 91.2%.");
    expect(v.reason).toContain("13.4% worse, likely 11.4% to 15.4% worse");
    expect(v.reason).toContain("more than 10% worse");
    expect(v.next).toEqual({ kind: "retrain" });
  });

  it("points an amber drop at the most drifted column when the data has drifted", () => {
    const i = { ...relative("rocAuc", 0.9, 0.84, [0.835, 0.845]), drift: someDrift() };
    expect(perf(i).next).toEqual({ kind: "lookAtDrift", column: "age" });
    expect(perf({ ...i, drift: calmDrift() }).next).toEqual({ kind: "askReviewer" });
  });

  it("builds the interval of the drop from the current metric's interval", () => {
    const check = checkRelative({ metric: "rocAuc", value: 0.84, lower: 0.8, upper: 0.87 }, 0.9, { amber: 0.05, red: 0.1 });
    expect(check.dropLow).toBeCloseTo(0.03 / 0.9, 12);
    expect(check.dropHigh).toBeCloseTo(0.1 / 0.9, 12);
    const lower = checkRelative({ metric: "mae", value: 15, lower: 14, upper: 16 }, 10, { amber: 0.05, red: 0.1 });
    expect([lower.dropLow, lower.dropHigh]).toEqual([0.4, 0.6]);
  });
});

describe("floors and ceilings", () => {
  const floored = (value: number, ci: [number, number] | null, reference = value, floors: Record<string, number> = { accuracy: 0.8 }) =>
    input("binary", {
      policy: policy("binary", { primaryMetric: "accuracy", metricFloors: floors }),
      scorecard: withMetric(BINARY_CARD(), metric("accuracy", value, ci)),
      referenceScorecard: withMetric(BINARY_CARD(), metric("accuracy", reference, null)),
    });

  it.each([
    [0.85, [0.83, 0.87], "green"],
    [0.81, [0.79, 0.83], "amber"], // only the interval crosses the floor
    [0.7996, [0.78, 0.82], "red"], // past the floor
    [0.8, [0.78, 0.82], "amber"], // at the floor is not past it
  ] as const)("accuracy %s %j against a floor of 80%% is %s", (value, ci, light) => {
    expect(perf(floored(value, [ci[0], ci[1]])).light).toBe(light);
  });

  it("prints a value just below the floor with the digits that show it is below", () => {
    const v = perf(floored(0.7996, [0.781, 0.817]));
    expect(v.reason).toContain("It is 79.96%, below that floor.");
    expect(v.reason).not.toMatch(/It is 80%/);
    expect(judge(floored(0.7996, [0.781, 0.817], 0.81)).changes?.sinceReference).toContain("79.96%");
  });

  it.each([
    // reference, value, interval, floors, light: the worse of the relative rule and the floors wins
    [0.9, 0.78, [0.77, 0.79], { accuracy: 0.7 }, "red"], // relative red, floor green
    [0.78, 0.78, [0.77, 0.79], { accuracy: 0.8 }, "red"], // relative green, floor red
    [0.9, 0.84, [0.835, 0.845], { accuracy: 0.84 }, "amber"], // both amber
    [0.9, 0.84, [0.835, 0.845], { accuracy: 0.85 }, "red"], // relative amber, floor red
    [0.82, 0.82, [0.8, 0.84], { accuracy: 0.81 }, "amber"], // relative green, interval crosses the floor
    [0.82, 0.82, [0.8, 0.84], { accuracy: 0.7, rocAuc: 0.95 }, "red"], // another metric's floor is broken
  ] as const)("reference %s, now %s %j with floors %j is %s", (reference, value, ci, floors, light) => {
    expect(perf(floored(value, [ci[0], ci[1]], reference, floors)).light).toBe(light);
  });

  it.each([
    [0.42, [0.4, 0.44], "red"],
    [0.38, [0.36, 0.41], "amber"],
    [0.33, [0.31, 0.35], "green"],
  ] as const)("a ceiling of 0.4 on log loss: %s %j is %s", (value, ci, light) => {
    expect(checkFloor({ metric: "logLoss", value, lower: ci[0], upper: ci[1] }, 0.4).light).toBe(light);
    const i = input("binary", { policy: policy("binary", { primaryMetric: "logLoss", metricFloors: { logLoss: 0.4 } }), scorecard: withMetric(BINARY_CARD(), metric("logLoss", value, [ci[0], ci[1]])), referenceScorecard: null });
    expect(perf(i).light).toBe(light);
    if (light !== "green") expect(perf(i).reason).toContain("ceiling of 0.4");
  });

  it("is gray when there is neither a reference value nor a floor", () => {
    const v = perf(input("binary", { referenceScorecard: null }));
    expect(v.light).toBe("gray");
    expect(v.next).toEqual({ kind: "askReviewer" });
  });
});

describe("performance below the minimum rows, or without labels", () => {
  it("is gray with the count and the minimum when the scorecard is below the minimum", () => {
    const v = perf(input("binary", { scorecard: scorecard([metric("rocAuc", 0.88, [0.7, 0.96], false)], { labelledRows: 42, positives: 20, judgeable: false }) }));
    expect(v.light).toBe("gray");
    expect(v.reason).toContain("Too few rows to judge");
    expect(v.reason).toContain("42 rows");
    expect(v.reason).toContain("at least 100");
    expect(v.next).toEqual({ kind: "uploadMoreData", rows: 42, minimum: 100 });
  });

  it("is gray when the primary metric alone is not judgeable", () => {
    const card = withMetric(BINARY_CARD(), metric("rocAuc", 0.88, [0.7, 0.96], false));
    expect(perf(input("binary", { scorecard: { ...card, judgeable: undefined } })).light).toBe("gray");
  });

  it("asks for more rows of the short class when only the per-class minimum fails", () => {
    const v = perf(input("binary", { scorecard: scorecard([metric("rocAuc", 0.88, null, false)], { labelledRows: 500, positives: 3, judgeable: false }) }));
    expect(v.light).toBe("gray");
    expect(v.reason).toContain("There are 3 yes and 497 no.");
    expect(v.next).toEqual({ kind: "uploadMoreData", rows: 3, minimum: 10 });
  });

  it.each([
    ["no label column", { hasLabelColumn: false, scorecard: null }],
    ["no scorecard", { scorecard: null }],
    ["no labelled row", { scorecard: scorecard([], { labelledRows: 0 }) }],
  ] as const)("is gray and asks for labels with %s", (_case, parts) => {
    const v = perf(input("binary", parts as Partial<JudgeInput>));
    expect(v.light).toBe("gray");
    expect(v.next).toEqual({ kind: "uploadLabels" });
    expect(v.nextStep).toContain("upload the true outcomes");
  });
});

describe("drift", () => {
  const drift = (i: JudgeInput) => judgeDrift(i).verdict;

  it.each([
    ["calm", calmDrift(), "green", { kind: "none" }],
    ["some columns", someDrift(), "amber", { kind: "lookAtDrift", column: "age" }],
    ["most columns", heavyDrift(), "red", { kind: "lookAtDrift", column: "basket_size" }],
  ] as const)("%s is %s", (_case, section, light, next) => {
    const v = drift(input("binary", { drift: section }));
    expect(v.light).toBe(light);
    expect(v.next).toEqual(next);
  });

  it("names the most drifted columns by how far past their threshold, and the model's output", () => {
    const v = drift(input("binary", { drift: heavyDrift() }));
    expect(v.reason).toContain("5 of 6 columns show drift");
    expect(v.reason).toContain("The biggest changes are in basket_size, income, age, and in 1 column more.");
    expect(v.reason).toContain("The model's output has changed too.");
    expect(v.nextStep).toBe("Next, look at the drift of column basket_size. Drift is a change since the reference data.");
  });

  it("follows each column's drifted flag, not its score", () => {
    const section = driftSection([driftColumn("income", 0.9, false), driftColumn("age", 0.01, true, { method: "ks", stattestName: "K-S p_value", threshold: 0.05 }), driftColumn("tenure", 0.02, false)]);
    const v = drift(input("binary", { drift: section }));
    expect(v.light).toBe("amber");
    expect(v.next).toEqual({ kind: "lookAtDrift", column: "age" });
  });

  it("points at the model's output when only the output drifted", () => {
    const section = driftSection([driftColumn("income", 0.02, false), driftColumn("age", 0.03, false), driftColumn("(model output)", 0.3, true, { isOutput: true })]);
    const v = drift(input("binary", { drift: section }));
    expect(v.light).toBe("amber");
    expect(v.next).toEqual({ kind: "lookAtDrift", column: "(model output)" });
    expect(v.nextStep).toContain("the model's output");
  });

  it("is gray below the minimum rows, with the counts", () => {
    const section = driftSection([driftColumn("income", 0.5, true)], { judgeable: false, rows: { reference: 5000, current: 42, minimum: 100 } });
    const v = drift(input("binary", { drift: section }));
    expect(v.light).toBe("gray");
    expect(v.reason).toContain("Too few rows to judge");
    expect(v.reason).toContain("5,000 rows and this data has 42");
    expect(v.next).toEqual({ kind: "uploadMoreData", rows: 42, minimum: 100 });
  });

  it("is gray on the reference data, however different its columns look", () => {
    const v = drift(input("binary", { isReference: true, windowLabel: "reference data", referenceScorecard: null, drift: heavyDrift() }));
    expect(v.light).toBe("gray");
    expect(v.reason).toContain("This is the reference data");
  });
});

describe("fairness on the metric the owner chose", () => {
  const fair = (i: JudgeInput) => judgeFairness(i).verdict;

  it.each([
    ["binary", null, "selectionRate", 0.26, 0.42, "are picked 0.62 times as often as those where sex is Male"],
    ["binary", "equal", "selectionRate", 0.26, 0.42, "are picked 0.62 times"],
    ["binary", "help", "truePositiveRate", 0.48, 0.69, "of those that really were yes, are found 0.7 times as often"],
    ["binary", "burden", "falsePositiveRate", 0.14, 0.09, "of those that really were no, are wrongly flagged 1.56 times as often"],
    ["multiclass", null, "accuracy", 0.58, 0.79, "are classed correctly 0.73 times as often"],
    ["regression", null, "mae", 21.3, 14.9, "the model's error is 1.43 times as large as for those where sex is Male"],
  ] as const)("%s with question %s judges %s", (task, question, metricName, female, male, words) => {
    const i = input(task, { policy: policy(task, { fairnessQuestion: question }), slices: sexSlices(metricName, female, male, question) });
    const v = fair(i);
    expect(v.light).toBe("red");
    expect(v.reason).toContain(words);
    expect(v.reason).toContain("(the reference group)");
    expect(v.reason).toContain("The policy allows 0.8 to 1.25.");
    expect(v.reason).toContain("the four-fifths convention from US employment practice; a rule of thumb, not a verdict of fairness");
    expect(v.next).toEqual({ kind: "lookAtSlice", column: "sex", group: "Female" });
  });

  it("uses the owner's row noun", () => {
    const v = fair(input("binary", { policy: policy("binary", { rowNoun: "applicants" }), slices: sexSlices("selectionRate", 0.26, 0.42) }));
    expect(v.reason).toContain("Applicants where sex is Female are picked 0.62 times as often as those where sex is Male (the reference group).");
  });

  it("judges the owner's metric even when the slices were judged on another one", () => {
    const both = (name: string, selection: number, tpr: number): SliceGroup => ({
      group: name, rows: 1000, share: 0.5, selectionRate: rate(selection, 1000), truePositiveRate: rate(tpr, 400),
      disparity: selection / 0.4, withinTolerance: true, judgeable: true,
    });
    const slices = slicesSection("selectionRate", [sliceColumn("sex", [both("Male", 0.4, 0.69), both("Female", 0.4, 0.48)], "Male")]);
    expect(fair(input("binary", { slices })).light).toBe("green");
    const help = fair(input("binary", { policy: policy("binary", { fairnessQuestion: "help" }), slices }));
    expect(help.light).toBe("red");
    expect(help.reason).toContain("are found 0.7 times");
  });

  it.each([
    [0.8, "green"],
    [1.25, "green"],
    // Just outside, but the group's interval reaches into the band: it may be chance.
    [0.79, "amber"],
    [1.26, "amber"],
    // Outside for the whole interval.
    [0.6, "red"],
    [1.6, "red"],
  ] as const)("a disparity of %s against the band 0.8 to 1.25 is %s (inclusive; red only when the whole interval is outside)", (disparity, light) => {
    const slices = slicesSection("selectionRate", [sliceColumn("sex", [group("Male", 1000, "selectionRate", 0.4, 0.4), { ...group("Female", 1000, "selectionRate", 0.4 * disparity, 0.4), disparity }], "Male")]);
    expect(fair(input("binary", { slices })).light).toBe(light);
  });

  it("leaves analysts' slices (kind other) out of the light", () => {
    const v = fair(input("binary", { slices: sexSlices("selectionRate", 0.4, 0.42) }));
    expect(v.light).toBe("green");
    expect(v.reason).not.toContain("store");
  });

  it("judges intersections, and names their groups column by column", () => {
    const v = judge(scenarios()["binary intersection"]!);
    expect(v.fairness.light).toBe("red");
    expect(v.fairness.reason).toContain("Rows where sex is Female and age_band is 18-29 are picked 0.6 times as often as those where sex is Male and age_band is 30-49");
    expect(v.fairness.next).toEqual({ kind: "lookAtSlice", column: "sex × age_band", group: "Female & 18-29" });
  });

  it("says the band is a rule of thumb, and not the four-fifths one, for another tolerance", () => {
    const v = fair(input("binary", { policy: policy("binary", { fairnessTolerance: 0.9 }), slices: sexSlices("selectionRate", 0.35, 0.42) }));
    expect(v.light).toBe("amber");
    expect(v.reason).toContain("the gap may be chance");
    expect(v.reason).toContain("The policy allows 0.9 to 1.11.");
    expect(v.reason).toContain("a rule of thumb, not a verdict of fairness");
    expect(v.reason).not.toContain("four-fifths");
  });

  it.each([
    ["no sensitive attribute declared", { sensitiveAttributes: [], slices: slicesSection("selectionRate", []) }, { kind: "declareSensitive" }],
    ["no slices and none declared", { slices: null }, { kind: "declareSensitive" }],
    ["no labels", { hasLabelColumn: false, scorecard: null, slices: null, sensitiveAttributes: ["sex"] }, { kind: "uploadLabels" }],
    ["a missing group column", { slices: slicesSection("selectionRate", [], { missingAttributes: ["region"] }) }, { kind: "fixData", problem: "missingColumns", column: "region" }],
  ] as const)("is gray with %s", (_case, parts, next) => {
    const v = fair(input("binary", parts as Partial<JudgeInput>));
    expect(v.light).toBe("gray");
    expect(v.next).toEqual(next);
  });

  it("tells how to declare a group column", () => {
    const v = fair(input("binary", { sensitiveAttributes: [], slices: null }));
    expect(v.nextStep).toContain("An owner can name group columns such as sex or age band on the model's policy page.");
  });

  it("is gray with the group counts when every group is below the minimum rows", () => {
    const v = judge(scenarios()["binary too few rows"]!).fairness;
    expect(v.light).toBe("gray");
    expect(v.reason).toContain("Too few rows to judge fairness: each group needs at least 30 rows.");
    expect(v.reason).toContain("sex = Female has 18");
    expect(v.reason).toContain("sex = Male has 24");
    expect(v.next).toEqual({ kind: "uploadMoreData", rows: 18, minimum: 30 });
  });

  it("judges the groups that have enough rows and counts the others", () => {
    const slices = slicesSection("selectionRate", [
      sliceColumn("age_band", [group("30-49", 900, "selectionRate", 0.42, 0.42), group("18-29", 500, "selectionRate", 0.4, 0.42), group("65+", 12, "selectionRate", 0.1, 0.42, 0.8, false)], "30-49"),
    ]);
    const v = fair(input("binary", { slices }));
    expect(v.light).toBe("green");
    expect(v.reason).toContain("1 group has too few rows to judge.");
  });

  it("is at most amber on the reference data, and asks a reviewer", () => {
    const v = fair(input("binary", { isReference: true, windowLabel: "reference data", referenceScorecard: null, slices: sexSlices("selectionRate", 0.26, 0.42) }));
    expect(v.light).toBe("amber");
    expect(v.next).toEqual({ kind: "askReviewer" });
  });
});

describe("data quality", () => {
  const dq = (problems: Parameters<typeof dataQuality>[0], parts: Partial<JudgeInput> = {}) => judgeDataQuality(input("binary", { dataQuality: dataQuality(problems), ...parts })).verdict;

  it.each([
    [[], "green", { kind: "none" }],
    [[PROBLEMS.missing], "amber", { kind: "fixData", problem: "missing", column: "income" }],
    [[PROBLEMS.duplicates], "amber", { kind: "fixData", problem: "duplicates" }],
    [[PROBLEMS.groupShift], "amber", { kind: "fixData", problem: "groupShift", column: "sex" }],
    [[PROBLEMS.classBalance], "amber", { kind: "fixData", problem: "classBalance" }],
    [[PROBLEMS.leakage], "red", { kind: "fixData", problem: "leakage", column: "approved_by" }],
    [[PROBLEMS.missingColumns], "red", { kind: "fixData", problem: "missingColumns", column: "tenure" }],
    [[PROBLEMS.duplicates, PROBLEMS.leakage], "red", { kind: "fixData", problem: "leakage", column: "approved_by" }],
  ] as const)("%j is %s", (problems, light, next) => {
    const v = dq([...problems]);
    expect(v.light).toBe(light);
    expect(v.next).toEqual(next);
  });

  it("is gray when it was not checked", () => {
    expect(judgeDataQuality(input("binary", { dataQuality: null })).verdict.light).toBe("gray");
  });

  it("is at most amber on the reference data", () => {
    expect(dq([PROBLEMS.leakage], { isReference: true, windowLabel: "reference data", referenceScorecard: null }).light).toBe("amber");
  });
});

describe("the overall verdict", () => {
  const all = scenarios();
  const lights = (name: string) => {
    const v = judge(all[name]!);
    return [v.overall.light, v.performance.light, v.drift.light, v.fairness.light, v.dataQuality?.light] as Light[];
  };

  it.each([
    // overall, performance, drift, fairness, data quality
    ["binary healthy", ["green", "green", "green", "green", "green"]],
    ["binary red drop with drift", ["red", "red", "red", "green", "green"]],
    ["binary amber drop", ["amber", "amber", "amber", "green", "green"]],
    ["binary floor broken", ["red", "red", "green", "green", "green"]],
    ["binary no labels", ["amber", "gray", "amber", "gray", "green"]],
    ["binary too few rows", ["gray", "gray", "gray", "gray", "green"]], // clean data alone does not make a model healthy
    ["binary data problem first", ["red", "green", "red", "green", "amber"]],
    ["binary leakage", ["red", "green", "green", "green", "red"]],
    ["binary reference", ["amber", "green", "gray", "amber", "green"]],
    ["binary reference below its floor", ["amber", "amber", "gray", "green", "amber"]],
    ["multiclass red drop", ["red", "red", "amber", "red", "green"]],
    ["regression error up", ["red", "red", "green", "red", "red"]],
    ["regression reference", ["green", "green", "gray", "green", "green"]],
    ["nothing judged", ["gray", "gray", "gray", "gray", "gray"]],
  ] as const)("%s: overall, performance, drift, fairness, data quality are %j", (name, expected) => {
    expect(lights(name)).toEqual(expected);
  });

  it("names the deciding part and its next step", () => {
    const v = judge(all["binary red drop with drift"]!);
    expect(v.overall.reason).toContain("Action needed on performance.");
    expect(v.overall.next).toEqual(v.performance.next);
    expect(v.overall.reason).toContain(v.performance.nextStep!);
    expect(v.overall.nextStep).toBe(v.performance.nextStep);
  });

  it("names a data problem before the verdict built on that data", () => {
    const i = all["binary data problem first"]!;
    const v = judge(i);
    const problem = v.overall.reason.indexOf("In column income, 18.4% of the values are missing now.");
    expect(problem).toBeGreaterThanOrEqual(0);
    expect(problem).toBeLessThan(v.overall.reason.indexOf("Action needed"));
    expect(v.overall.reason.startsWith("First, a data problem:")).toBe(true);
  });

  it("offers the step that would let a gray part be judged when the rest is green", () => {
    const v = judge(all["binary no sensitive attribute"]!);
    expect(v.overall.light).toBe("green");
    expect(v.overall.next).toEqual({ kind: "declareSensitive" });
    expect(v.overall.reason).toContain("Fairness could not be judged yet.");
  });

  it("is gray, with a step, when nothing could be judged", () => {
    const v = judge(all["nothing judged"]!);
    expect(v.overall.reason.startsWith("Nothing could be judged yet.")).toBe(true);
    expect(v.overall.next).toEqual({ kind: "uploadLabels" });
  });

  it("never calls the reference data red, even with broken floors, drift, leakage and a group gap", () => {
    const i = input("binary", {
      isReference: true,
      windowLabel: "reference data",
      referenceScorecard: null,
      policy: policy("binary", { metricFloors: { rocAuc: 0.95, accuracy: 0.9 } }),
      drift: heavyDrift(),
      slices: sexSlices("selectionRate", 0.2, 0.42),
      dataQuality: dataQuality([PROBLEMS.leakage, PROBLEMS.missingColumns]),
    });
    const v = judge(i);
    expect(v.overall.light).toBe("amber");
    for (const part of [v.performance, v.drift, v.fairness, v.dataQuality!]) expect(part.light).not.toBe("red");
    expect(v.drift.light).toBe("gray");
    expect(v.overall.reason.startsWith("This is the reference data: the baseline that later data is compared with.")).toBe(true);
  });

  it("states the reference data's performance as the baseline", () => {
    const v = judge(all["binary reference"]!);
    expect(v.performance.light).toBe("green");
    expect(v.performance.reason).toContain("is 91.2%");
    expect(v.performance.reason).toContain("This is the baseline that later data is compared with.");
    expect(v.changes).toEqual({ sinceReference: null, sincePrevious: null });
  });

  it("records the policy version", () => {
    expect(judge(input("binary", { policy: policy("binary", { version: 7 }) })).policyVersion).toBe(7);
  });
});

describe("what changed", () => {
  it("since the reference and since the previous window", () => {
    const v = judge(scenarios()["binary amber drop"]!);
    expect(v.changes?.sinceReference).toBe("ROC AUC (how often it ranks a real yes above a real no) fell. It was 91.2% on the reference data, and it is 85.2% now.");
    expect(v.changes?.sincePrevious).toContain("It was 87.4% in June, and it is 85.2% now.");
    expect(v.changes?.sincePrevious).toContain("Since June, age and income started to show drift");
  });

  it("says nothing since the previous window when there is none", () => {
    const v = judge(input("binary"));
    expect(v.changes?.sincePrevious).toBeNull();
    expect(v.changes?.sinceReference).toContain("the same on the reference data");
  });

  it("keeps the year when the previous window is in another year", () => {
    const card = withMetric(BINARY_CARD(), metric("rocAuc", 0.93, null));
    const v = judge(input("binary", { windowLabel: "2026-01", previous: { windowLabel: "2025-12", scorecard: card as ScorecardSection, drift: null } }));
    expect(v.changes?.sincePrevious).toContain("in December 2025");
  });
});
