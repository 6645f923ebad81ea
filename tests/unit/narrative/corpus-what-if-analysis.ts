// The what-if page's analysis sentences (lib/narrative/what-if-analysis-words.ts), each filled at least twice. Labels
// (WHATIF_ANALYSIS_LABELS, answerAxisLabel, thresholdSliderLabel, countOf, groupWords) are not sentences and are left out.
import {
  WHATIF_ANALYSIS_WORDS,
  answerAxisLabel,
  cheapestThresholdSentence,
  rawScoreThresholdNote,
  counterfactualSentence,
  mistakeCostSentence,
  pdpChartTitle,
  pdpSummary,
  precisionRecallSentence,
  runningCostSentences,
  sampleAnswersDone,
  serverCostSentences,
  searchTimeSentence,
  sweepTimeSentence,
  thresholdCountsSentence,
  thresholdRowsSentence,
  unusualCaseWarning,
} from "@/lib/narrative";
import type { Filled } from "./corpus";

export function whatIfAnalysisFills(): Filled[] {
  const out: Filled[] = [];
  const add = (template: string, fill: string, text: string) => out.push({ template, fill, text });
  for (const [key, value] of Object.entries(WHATIF_ANALYSIS_WORDS)) {
    add(`WHATIF_ANALYSIS_WORDS.${key}`, "as is", value);
    add(`WHATIF_ANALYSIS_WORDS.${key}`, "as is, again", value);
  }
  add("sampleAnswersDone", "300 rows", sampleAnswersDone(300));
  for (const [fill, cost] of [["fast", { oneRowMs: 0.0213, roughPerSecond: 240_000, threads: 1 }], ["slow", { oneRowMs: 12.5, roughPerSecond: 95, threads: 4 }], ["not measured", null]] as const) {
    for (const s of serverCostSentences(cost)) add("serverCostSentences", fill, s);
  }
  add("sampleAnswersDone", "one row", sampleAnswersDone(1));
  add("unusualCaseWarning", "two inputs", unusualCaseWarning(300, ["capital-gain", "age"]));
  add("unusualCaseWarning", "one input", unusualCaseWarning(42, ["workclass"]));
  add("unusualCaseWarning", "none named", unusualCaseWarning(300, []));
  add("pdpSummary", "binary rows", pdpSummary({ feature: "age", answer: "chance", percent: true, low: { value: 0.12, at: 17 }, high: { value: 0.35, at: 52 }, rows: 200, drawn: 50 }));
  add("pdpSummary", "regression no rows", pdpSummary({ feature: "hour", answer: "bikes", percent: false, unit: "bikes", low: { value: 12, at: 4 }, high: { value: 480, at: 17 }, rows: 0, drawn: 0 }));
  add("pdpSummary", "flat", pdpSummary({ feature: "race", answer: "chance", percent: true, low: { value: 0.2, at: "White" }, high: { value: 0.2, at: "Other" }, rows: 120, drawn: 50 }));
  add("pdpSummary", "flat, no rows", pdpSummary({ feature: "race", answer: "chance", percent: true, low: { value: 0.2, at: "White" }, high: { value: 0.2, at: "Other" }, rows: 0, drawn: 0 }));
  add("pdpChartTitle", "age", `${pdpChartTitle(answerAxisLabel("binary", ">50K", null), "age")}.`);
  add("pdpChartTitle", "hour", `${pdpChartTitle(answerAxisLabel("regression", null, null), "hour")}.`);
  add("sweepTimeSentence", "200 rows", sweepTimeSentence(50, 201, 41.3));
  add("sweepTimeSentence", "no rows", sweepTimeSentence(7, 1, 2.1));
  add("counterfactualSentence", "binary yes", counterfactualSentence([{ feature: "hours per week", from: 38, to: 45 }], { task: "binary", yes: true, positiveLabel: null }));
  add("counterfactualSentence", "binary label", counterfactualSentence([{ feature: "hours-per-week", from: 38, to: 45 }, { feature: "workclass", from: "Private", to: "Self-emp-inc" }], { task: "binary", yes: true, positiveLabel: ">50K" }));
  add("counterfactualSentence", "binary no", counterfactualSentence([{ feature: "age", from: 52, to: 31 }], { task: "binary", yes: false, positiveLabel: ">50K" }));
  add("counterfactualSentence", "multiclass", counterfactualSentence([{ feature: "petal width", from: 0.2, to: 1.1 }], { task: "multiclass", label: "versicolor", was: "setosa" }));
  add("counterfactualSentence", "regression, two changes", counterfactualSentence([{ feature: "hour", from: 12, to: 17 }, { feature: "humidity", from: 0.65, to: 0.645 }], { task: "regression", value: 401, was: 204 }));
  add("counterfactualSentence", "regression", counterfactualSentence([{ feature: "hour", from: 3, to: 8 }], { task: "regression", value: 312, was: 41, unit: "bikes" }));
  add("searchTimeSentence", "3 batches", searchTimeSentence(38.2, 3, 1852));
  add("searchTimeSentence", "1 batch", searchTimeSentence(4.1, 1, 50));
  add("thresholdCountsSentence", "50%", thresholdCountsSentence(0.5, { tp: 60, fp: 12, tn: 213, fn: 15 }));
  add("thresholdCountsSentence", "31%", thresholdCountsSentence(0.31, { tp: 71, fp: 40, tn: 185, fn: 4 }));
  add("precisionRecallSentence", "both", precisionRecallSentence(0.833, 0.8));
  add("precisionRecallSentence", "none", precisionRecallSentence(null, null));
  add("mistakeCostSentence", "many", mistakeCostSentence(1620, { fp: 12, fn: 15 }, 10, 100));
  add("mistakeCostSentence", "one", mistakeCostSentence(110, { fp: 1, fn: 1 }, 10, 100));
  add("cheapestThresholdSentence", "31%", cheapestThresholdSentence(0.31, 1200, 0.5));
  add("cheapestThresholdSentence", "50%", cheapestThresholdSentence(0.5, 90, 0.5));
  add("rawScoreThresholdNote", "0", rawScoreThresholdNote(0, "1"));
  add("rawScoreThresholdNote", "-1.5", rawScoreThresholdNote(-1.5, null));
  add("pdpChartTitle", "raw score", `${pdpChartTitle(answerAxisLabel("binary", "1", null, true), "u")}.`);
  add("thresholdRowsSentence", "287", thresholdRowsSentence(287));
  add("thresholdRowsSentence", "1", thresholdRowsSentence(1));
  const cost = (text: string[]) => text.join(" ");
  add("runningCostSentences", "single", cost(runningCostSentences({ fileBytes: 1_234_567, msPerCall: 0.21, calls: 14, roughPerSecond: 4800, batched: false, backend: "WASM, 2 threads" })));
  add("runningCostSentences", "batched", cost(runningCostSentences({ fileBytes: 840_000, msPerCall: 0.5, calls: 1, roughPerSecond: 250_000, batched: true, backend: "WebGPU" })));
  add("runningCostSentences", "batch only", cost(runningCostSentences({ fileBytes: 5140, msPerCall: null, calls: 0, roughPerSecond: 230_000, batched: true, backend: "WASM, 1 thread" })));
  add("runningCostSentences", "none yet", cost(runningCostSentences({ fileBytes: 912, msPerCall: null, calls: 0, roughPerSecond: null, batched: false, backend: "WASM, 1 thread" })));
  return out;
}
