// Every sentence template of lib/narrative, filled several times with realistic values (binary, multiclass and
// regression models, the reference data, the gray cases, every next step, every data-quality problem and each
// fairness question), must read at Flesch reading ease 60 or more on its own.
import { describe, expect, it } from "vitest";
import type { DataQualityProblem, NextStep, SliceMetric } from "@/lib/contracts/snapshot-types";
import { filledTemplates } from "./corpus";
import { fleschReadingEase } from "./flesch";

const filled = filledTemplates();

describe("the Flesch helper", () => {
  it("computes the formula on a known sentence", () => {
    const r = fleschReadingEase("The cat sat on the mat.");
    expect(r).toMatchObject({ words: 6, sentences: 1, syllables: 6 });
    expect(r.score).toBeCloseTo(206.835 - 1.015 * 6 - 84.6 * 1, 10);
  });

  it("counts any token with a digit as one word of two syllables, and does not end a sentence inside a number", () => {
    const r = fleschReadingEase("It is 85.3% now. The rate is 0.62 times.");
    expect(r).toMatchObject({ words: 9, sentences: 2 });
    // it, is, now, the, rate, is, times: 1 each (7); 85.3% and 0.62: 2 each
    expect(r.syllables).toBe(11);
  });

  it("skips marks that are not words and reads the syllables of long words", () => {
    const r = fleschReadingEase("Look at the slice sex = Female · now.");
    expect(r.words).toBe(7);
    expect(fleschReadingEase("Reference reference.").syllables).toBe(6);
  });
});

describe("readability of every filled template", () => {
  const templates = new Map<string, number>();
  for (const f of filled) templates.set(f.template, (templates.get(f.template) ?? 0) + 1);

  it("fills each template several times, and reaches every next step, data problem and fairness metric", () => {
    for (const [template, fills] of templates) expect(fills, template).toBeGreaterThanOrEqual(2);
    const kinds: NextStep["kind"][] = ["none", "uploadLabels", "uploadMoreData", "lookAtDrift", "lookAtSlice", "fixData", "askReviewer", "retrain", "declareSensitive"];
    for (const kind of kinds) expect(templates.has(`nextStepSentence(${kind})`), kind).toBe(true);
    const problems: DataQualityProblem["kind"][] = ["missing", "duplicates", "leakage", "missingColumns", "groupShift", "classBalance"];
    for (const kind of problems) expect(templates.has(`problemSentence(${kind})`), kind).toBe(true);
    const metrics: SliceMetric[] = ["selectionRate", "truePositiveRate", "falsePositiveRate", "accuracy", "mae"];
    for (const m of metrics) expect(templates.has(`sliceSentence(${m})`), m).toBe(true);
    for (const t of ["metricOverTimeSummary", "driftHistogramSummary", "disparityChartSummary", "verdict reason (overall)", "changes since the reference", "changes since the previous window", "narrative line"]) {
      expect(templates.has(t), t).toBe(true);
    }
  });

  it.each(filled.map((f) => [f.template, f.fill, f.text] as const))("%s, filled with %s, reads at 60 or more", (_template, _fill, text) => {
    const { score } = fleschReadingEase(text);
    expect(score, text).toBeGreaterThanOrEqual(60);
  });
});
