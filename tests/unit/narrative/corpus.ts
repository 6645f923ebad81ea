// Every sentence template of lib/narrative, each filled several times with realistic values. The readability and
// jargon tests read each filled template on its own.
import { defaultRules } from "@/lib/governance/policy-rules";
import type { PolicyRules } from "@/lib/contracts/policy-rules";
import { classTableCaption, LEGACY_SNAPSHOT_NOTE } from "@/lib/narrative/captions";
import { describePolicy, FAIRNESS_QUESTION_CHOICES } from "@/lib/narrative/policy-words";
import type { ColumnDistribution, DataQualityProblem, DriftColumnEntry, NextStep, SliceMetric, Task } from "@/lib/contracts/snapshot-types";
import { judge } from "@/lib/governance/verdicts";
import {
  describeSnapshot,
  disparityChartSummary,
  driftHistogramSummary,
  gapSentence,
  metricMeaning,
  metricOverTimeSummary,
  metricSentence,
  metricWords,
  nextStepSentence,
  problemSentence,
  scorecardCaption,
  sliceSentence,
  type WordingContext,
} from "@/lib/narrative";
import { PROBLEMS, driftColumn, group, scenarios, sliceColumn } from "./scenarios";
import { shellFills } from "./corpus-shell";
import { analysisPageFills } from "./corpus-analysis";
import { modelPageFills } from "./corpus-model-pages";
import { governanceFills } from "./corpus-governance";
import { packetFills } from "./corpus-packet";
import { whatIfFills } from "./corpus-what-if";
import { whatIfAnalysisFills } from "./corpus-what-if-analysis";
import { notificationFills } from "./corpus-notifications";
import { rowsAndApiFills } from "./corpus-rows-api";
import { acceptedRiskFills } from "./corpus-accepted-risks";
import { inputMappingFills } from "./corpus-input-mapping";
import { processingFills } from "./corpus-processing";

export interface Filled {
  template: string;
  fill: string;
  text: string;
}

const METRICS: Record<Task, string[]> = {
  binary: ["accuracy", "precision", "recall", "f1", "rocAuc", "logLoss", "brier", "calibrationError"],
  multiclass: ["accuracy", "balancedAccuracy", "macroPrecision", "macroRecall", "macroF1", "weightedPrecision", "weightedRecall", "weightedF1", "logLoss", "calibrationError"],
  regression: ["mae", "rmse", "mape", "r2"],
};

/** Realistic values per metric: [value, lower, upper]. */
const VALUES: Record<string, [number, number, number][]> = {
  accuracy: [[0.853, 0.838, 0.867], [0.7996, 0.781, 0.817]],
  balancedAccuracy: [[0.742, 0.72, 0.764], [0.61, 0.58, 0.64]],
  precision: [[0.712, 0.68, 0.744], [0.5, 0.46, 0.54]],
  recall: [[0.664, 0.631, 0.699], [0.91, 0.89, 0.93]],
  f1: [[0.687, 0.66, 0.713], [0.42, 0.38, 0.46]],
  rocAuc: [[0.912, 0.901, 0.923], [0.785, 0.761, 0.809]],
  logLoss: [[0.334, 0.312, 0.357], [0.712, 0.68, 0.75]],
  brier: [[0.104, 0.097, 0.111], [0.21, 0.19, 0.23]],
  calibrationError: [[0.031, 0.022, 0.041], [0.12, 0.1, 0.14]],
  macroPrecision: [[0.751, 0.729, 0.772], [0.55, 0.52, 0.58]],
  macroRecall: [[0.742, 0.72, 0.764], [0.6, 0.57, 0.63]],
  macroF1: [[0.744, 0.723, 0.765], [0.61, 0.588, 0.633]],
  weightedPrecision: [[0.779, 0.76, 0.797], [0.66, 0.63, 0.69]],
  weightedRecall: [[0.781, 0.763, 0.799], [0.67, 0.64, 0.7]],
  weightedF1: [[0.778, 0.759, 0.796], [0.65, 0.62, 0.68]],
  mae: [[14.2, 13.6, 14.9], [1240, 1180, 1310]],
  rmse: [[21.7, 20.4, 23.1], [1830, 1720, 1950]],
  mape: [[0.118, 0.109, 0.127], [0.31, 0.28, 0.34]],
  r2: [[0.81, 0.79, 0.83], [-0.04, -0.09, 0.01]],
};

const CONTEXTS: WordingContext[] = [
  { task: "binary", rowNoun: "rows" },
  { task: "binary", rowNoun: "applicants" },
  { task: "regression", rowNoun: "orders", unit: "$" },
  { task: "multiclass", rowNoun: "tickets" },
];

const NEXT_STEPS: NextStep[] = [
  { kind: "none" },
  { kind: "uploadLabels" },
  { kind: "uploadMoreData", rows: 42, minimum: 100 },
  { kind: "uploadMoreData", rows: 1873, minimum: 2500 },
  { kind: "lookAtDrift", column: "income" },
  { kind: "lookAtDrift", column: "(model output)" },
  { kind: "lookAtDrift", column: "days_since_last_order" },
  { kind: "lookAtSlice", column: "sex", group: "Female" },
  { kind: "lookAtSlice", column: "sex × age_band", group: "Female & 18-29" },
  { kind: "fixData", problem: "missing", column: "income" },
  { kind: "fixData", problem: "duplicates" },
  { kind: "fixData", problem: "leakage", column: "approved_by" },
  { kind: "fixData", problem: "missingColumns", column: "tenure" },
  { kind: "fixData", problem: "missingColumns" },
  { kind: "fixData", problem: "groupShift", column: "sex" },
  { kind: "fixData", problem: "classBalance" },
  { kind: "askReviewer" },
  { kind: "retrain" },
  { kind: "declareSensitive" },
];

const DRIFT_TESTS: DriftColumnEntry[] = [
  driftColumn("income", 0.23, true),
  driftColumn("income", 0.04, false),
  driftColumn("age", 0.003, true, { method: "ks", stattestName: "K-S p_value", threshold: 0.05 }),
  driftColumn("age", 0.41, false, { method: "ks", stattestName: "K-S p_value", threshold: 0.05 }),
  driftColumn("region", 1e-6, true, { columnType: "categorical", method: "chisquare", stattestName: "chi-square p_value", threshold: 0.05 }),
  driftColumn("is_member", 0.2, false, { columnType: "categorical", method: "z", stattestName: "Z-test p_value", threshold: 0.05 }),
  driftColumn("region", 0.14, true, { columnType: "categorical", method: "jensenshannon", stattestName: "Jensen-Shannon distance" }),
  driftColumn("income", 0.31, true, { method: "psi", stattestName: "PSI" }),
  driftColumn("income", 0.02, false, { method: "kl_div", stattestName: "Kullback-Leibler divergence" }),
  driftColumn("income", 0.12, true, { method: "hellinger", stattestName: "Hellinger distance" }),
  driftColumn("(model output)", 0.19, true, { isOutput: true }),
  driftColumn("income", 0, false, { score: null }),
];

const numeric = (column: string, shift: number): ColumnDistribution => ({
  column,
  role: column === "(model output)" ? "output" : "input",
  kind: "numeric",
  edges: [0, 20000, 40000, 60000, 80000, 100000],
  reference: [120, 340, 310, 160, 70],
  current: [60, 200, 330, 260, 110 - shift],
  below: { reference: 0, current: 3 },
  above: { reference: 0, current: 40 + shift },
  missing: { reference: 4, current: 31 },
  box: {
    reference: { min: 1200, p01: 3000, q1: 24000, median: 41000, q3: 58000, p99: 96000, max: 99000, mean: 42000 },
    current: { min: 900, p01: 3500, q1: 31000, median: 51500 + shift, q3: 70000, p99: 118000, max: 140000, mean: 52000 },
  },
});

const categorical = (column: string): ColumnDistribution => ({
  column,
  role: "input",
  kind: "categorical",
  categories: ["North", "South", "East", "West"],
  reference: [300, 280, 220, 200],
  current: [450, 250, 180, 120],
  other: { reference: 12, current: 30 },
  missing: { reference: 0, current: 0 },
});

function sliceFills(): Filled[] {
  const out: Filled[] = [];
  const metrics: [SliceMetric, number, number][] = [
    ["selectionRate", 0.26, 0.42],
    ["truePositiveRate", 0.48, 0.69],
    ["falsePositiveRate", 0.14, 0.09],
    ["accuracy", 0.58, 0.79],
    ["mae", 21.3, 14.9],
  ];
  const columns = [
    sliceColumn("sex", [], "Male"),
    sliceColumn("age_band", [], "30-49"),
    sliceColumn("sex × age_band", [], "Male & 30-49", "intersection", ["sex", "age_band"]),
  ];
  const groups = ["Female", "65+", "Female & 18-29"];
  for (const [metric, value, ref] of metrics) {
    columns.forEach((column, i) => {
      for (const rowNoun of ["rows", "applicants"]) {
        for (const tolerance of [0.8, 0.9]) {
          const gap = { metric, column, group: groups[i]!, referenceGroup: column.referenceGroup!, disparity: value / ref, tolerance, rowNoun };
          const fill = `${metric}, ${column.name}, ${rowNoun}, tau ${tolerance}`;
          out.push({ template: `sliceSentence(${metric})`, fill, text: sliceSentence(gap) });
          out.push({ template: `gapSentence(${metric})`, fill, text: gapSentence(gap) });
        }
      }
    });
  }
  return out;
}

function chartFills(): Filled[] {
  const out: Filled[] = [];
  const months = ["2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07"];
  for (const task of ["binary", "multiclass", "regression"] as Task[]) {
    for (const metric of METRICS[task]) {
      const [v] = VALUES[metric]![0]!;
      const higherIsBetter = !["logLoss", "brier", "calibrationError", "mae", "rmse", "mape"].includes(metric);
      const series = months.map((windowLabel, i) => ({ windowLabel, value: v * (1 - 0.02 * i + (i === 3 ? -0.05 : 0)) }));
      out.push({ template: "metricOverTimeSummary", fill: `${metric}, 6 months`, text: metricOverTimeSummary({ metric, higherIsBetter, points: series, reference: v, floor: v * 0.9, unit: task === "regression" ? "$" : undefined }) });
      out.push({ template: "metricOverTimeSummary", fill: `${metric}, one month`, text: metricOverTimeSummary({ metric, higherIsBetter, points: series.slice(0, 1) }) });
      out.push({ template: "metricOverTimeSummary", fill: `${metric}, none`, text: metricOverTimeSummary({ metric, higherIsBetter, points: [] }) });
    }
  }
  DRIFT_TESTS.forEach((drift, i) => {
    const distribution = drift.columnType === "categorical" ? categorical(drift.column) : numeric(drift.column, i * 100);
    out.push({ template: "driftHistogramSummary", fill: `${drift.method} ${drift.column} ${drift.drifted}`, text: driftHistogramSummary(distribution, drift, drift.column === "income" ? "$" : undefined) });
  });
  out.push({ template: "driftHistogramSummary", fill: "numeric without a test", text: driftHistogramSummary(numeric("basket_size", 0)) });
  const ref = 0.42;
  const tauColumns = [
    sliceColumn("sex", [group("Male", 1100, "selectionRate", ref, ref), group("Female", 900, "selectionRate", 0.26, ref)], "Male"),
    sliceColumn(
      "age_band",
      [group("30-49", 900, "selectionRate", ref, ref), group("18-29", 500, "selectionRate", 0.4, ref), group("50-64", 400, "selectionRate", 0.45, ref), group("65+", 12, "selectionRate", 0.3, ref, 0.8, false)],
      "30-49",
    ),
    sliceColumn("region", [group("North", 12, "selectionRate", ref, ref, 0.8, false)], null),
  ];
  for (const column of tauColumns) {
    for (const metric of ["selectionRate", "truePositiveRate", "mae"] as SliceMetric[]) {
      out.push({ template: "disparityChartSummary", fill: `${column.name} ${metric}`, text: disparityChartSummary({ column, metric, tolerance: 0.8 }) });
    }
  }
  return out;
}

/** Every template, filled. */
export function filledTemplates(): Filled[] {
  const out: Filled[] = [];
  for (const [name, input] of Object.entries(scenarios())) {
    const v = judge(input);
    for (const part of ["overall", "performance", "drift", "fairness", "dataQuality"] as const) {
      const verdict = v[part];
      if (!verdict) continue;
      out.push({ template: `verdict reason (${part})`, fill: name, text: verdict.reason });
      if (verdict.nextStep) out.push({ template: `verdict next step (${part})`, fill: name, text: verdict.nextStep });
    }
    if (v.changes?.sinceReference) out.push({ template: "changes since the reference", fill: name, text: v.changes.sinceReference });
    if (v.changes?.sincePrevious) out.push({ template: "changes since the previous window", fill: name, text: v.changes.sincePrevious });
    describeSnapshot(input, v).forEach((line, i) => out.push({ template: "narrative line", fill: `${name} #${i}`, text: line }));
  }
  for (const next of NEXT_STEPS) {
    for (const rowNoun of ["rows", "applicants"]) out.push({ template: `nextStepSentence(${next.kind})`, fill: `${JSON.stringify(next)} ${rowNoun}`, text: nextStepSentence(next, rowNoun) });
  }
  const problems: DataQualityProblem[] = [
    ...Object.values(PROBLEMS),
    { kind: "leakage", column: "final_price", method: "spearman", score: 0.97 },
    { kind: "missingColumns", columns: ["tenure"] },
  ];
  for (const problem of problems) {
    for (const ctx of CONTEXTS) out.push({ template: `problemSentence(${problem.kind})`, fill: `${ctx.task} ${ctx.rowNoun}`, text: problemSentence(problem, ctx) });
  }
  for (const task of ["binary", "multiclass", "regression"] as Task[]) {
    for (const metric of METRICS[task]) {
      out.push({ template: "metricWords", fill: metric, text: `The ${metricWords(metric)} is shown here.` });
      for (const [value, lower, upper] of VALUES[metric]!) {
        for (const unit of task === "regression" ? [undefined, "$", "days"] : [undefined]) {
          const fill = `${metric} ${value} ${unit ?? ""}`;
          out.push({ template: `metricSentence(${metric})`, fill, text: metricSentence(metric, value, { lower, upper }, unit ? { unit } : {}) });
          out.push({ template: `metricSentence(${metric}) without interval`, fill, text: metricSentence(metric, value, null, unit ? { unit } : {}) });
          out.push({ template: `metricMeaning(${metric})`, fill, text: metricMeaning(metric, value, unit ? { unit } : {}) });
        }
      }
    }
  }
  for (const rows of [42, 2000, 123456]) out.push({ template: "scorecardCaption", fill: String(rows), text: scorecardCaption(rows) });
  out.push(...sliceFills(), ...chartFills(), ...policyFills(), ...analysisPageFills(), ...shellFills(), ...modelPageFills(), ...governanceFills(), ...packetFills(), ...whatIfFills(), ...whatIfAnalysisFills(), ...notificationFills(), ...rowsAndApiFills(), ...acceptedRiskFills(), ...processingFills(), ...inputMappingFills());
  return out;
}

/** The policy in words, the category table's caption, the note on old snapshots and the fairness question. */
function policyFills(): Filled[] {
  const out: Filled[] = [];
  for (const task of ["binary", "multiclass", "regression"] as Task[]) {
    const variants: PolicyRules[] = [
      { ...defaultRules(task), version: 1 },
      { ...defaultRules(task), version: 2, metricFloors: { [defaultRules(task).primaryMetric]: 0.7 }, fairnessQuestion: "help", approvalsRequired: 2 },
      { ...defaultRules(task), version: 3, fairnessQuestion: "burden", approvalsRequired: 0, fairnessTolerance: 0.9 },
      { ...defaultRules(task), version: 4, fairnessQuestion: "equal" },
    ];
    for (const rules of variants) {
      for (const groups of [[], ["sex", "age_band"]]) {
        describePolicy(rules, task, groups).forEach((line, i) => out.push({ template: "describePolicy", fill: `${task} v${rules.version} ${groups.length} groups line ${i}`, text: line }));
      }
    }
  }
  for (const n of [3, 12]) out.push({ template: "classTableCaption", fill: String(n), text: classTableCaption(n) });
  for (const fill of ["binary", "regression"]) out.push({ template: "LEGACY_SNAPSHOT_NOTE", fill, text: LEGACY_SNAPSHOT_NOTE });
  for (const choice of FAIRNESS_QUESTION_CHOICES) {
    out.push({ template: "fairness question choice", fill: `${choice.value} label`, text: `${choice.label}.` });
    out.push({ template: "fairness question choice", fill: `${choice.value} explain`, text: choice.explain });
  }
  return out;
}
