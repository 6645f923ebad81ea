// Realistic judge inputs for the verdict and narrative tests: builders, and a named set of windows that
// between them reach every template (every light, every next step, every data-quality problem, each task).
import type {
  DataQualityProblem,
  DataQualitySection,
  DriftColumnEntry,
  DriftSection,
  FairnessQuestion,
  MetricEntry,
  RateEntry,
  ScorecardSection,
  SliceColumn,
  SliceGroup,
  SliceMetric,
  SlicesSection,
  Task,
} from "@/lib/contracts/snapshot-types";
import { defaultRules } from "@/lib/governance/policy-rules";
import type { PolicyRules } from "@/lib/contracts/policy-rules";
import type { JudgeInput } from "@/lib/contracts/judge-input";

const LOWER = new Set(["logLoss", "brier", "calibrationError", "mae", "rmse", "mape"]);

/** One scorecard metric; `ci` as [lower, upper] or null for none. */
export function metric(name: string, value: number | null, ci: [number, number] | null = null, judgeable = true): MetricEntry {
  return {
    name,
    peer: `sklearn.metrics.${name}`,
    value,
    ci: ci ? { lower: ci[0], upper: ci[1], confidence: 0.95, resamples: 1000, method: "percentile bootstrap" } : null,
    judgeable,
    higherIsBetter: !LOWER.has(name),
  };
}

export function scorecard(metrics: MetricEntry[], extra: Partial<ScorecardSection> = {}): ScorecardSection {
  return { rows: 2400, labelledRows: 2000, metrics, judgeable: true, minimum: { labelledRows: 100, perClass: 10 }, ...extra };
}

export function policy(task: Task, changes: Partial<PolicyRules> = {}): PolicyRules {
  return { ...defaultRules(task), version: 3, ...changes };
}

export function driftColumn(column: string, score: number, drifted: boolean, extra: Partial<DriftColumnEntry> = {}): DriftColumnEntry {
  return { column, columnType: "numeric", method: "wasserstein", stattestName: "Wasserstein distance (normed)", score, threshold: 0.1, drifted, isOutput: false, ...extra };
}

export function driftSection(columns: DriftColumnEntry[], extra: Partial<DriftSection> = {}): DriftSection {
  const drifted = columns.filter((c) => c.drifted).length;
  const share = columns.length ? drifted / columns.length : 0;
  return {
    columns,
    numberOfColumns: columns.length,
    numberOfDriftedColumns: drifted,
    shareOfDriftedColumns: share,
    datasetDrift: share >= 0.5,
    driftShare: 0.5,
    judgeable: true,
    rows: { reference: 5000, current: 2400, minimum: 100 },
    ...extra,
  };
}

/** No column drifts; the model's output is stable. */
export const calmDrift = (): DriftSection =>
  driftSection([
    driftColumn("income", 0.03, false),
    driftColumn("age", 0.05, false),
    driftColumn("region", 0.02, false, { columnType: "categorical", method: "jensenshannon", stattestName: "Jensen-Shannon distance" }),
    driftColumn("(model output)", 0.04, false, { isOutput: true }),
  ]);

/** Two of five columns drift (amber): age most, then income. */
export const someDrift = (): DriftSection =>
  driftSection([
    driftColumn("income", 0.14, true),
    driftColumn("age", 0.31, true),
    driftColumn("region", 0.02, false, { columnType: "categorical", method: "jensenshannon", stattestName: "Jensen-Shannon distance" }),
    driftColumn("tenure", 0.05, false),
    driftColumn("(model output)", 0.06, false, { isOutput: true }),
  ]);

/** Most columns drift (red), the output too; a K-S column far past its p-value limit. */
export const heavyDrift = (): DriftSection =>
  driftSection([
    driftColumn("income", 0.42, true),
    driftColumn("age", 0.18, true),
    driftColumn("basket_size", 1e-9, true, { method: "ks", stattestName: "K-S p_value", threshold: 0.05 }),
    driftColumn("region", 0.12, true, { columnType: "categorical", method: "jensenshannon", stattestName: "Jensen-Shannon distance" }),
    driftColumn("tenure", 0.04, false),
    driftColumn("(model output)", 0.22, true, { isOutput: true }),
  ]);

export function rate(value: number, denominator: number, judgeable = true): RateEntry {
  const half = 1.96 * Math.sqrt((value * (1 - value)) / Math.max(denominator, 1));
  return { value, lower: Math.max(0, value - half), upper: Math.min(1, value + half), denominator, judgeable };
}

const RATE_KEYS: SliceMetric[] = ["selectionRate", "truePositiveRate", "falsePositiveRate", "accuracy", "mae"];

/** A group whose judged metric is `value`; its disparity against `refValue`. */
export function group(name: string, rows: number, metricName: SliceMetric, value: number, refValue: number, tau = 0.8, judgeable = true): SliceGroup {
  const disparity = judgeable ? value / refValue : null;
  const g: SliceGroup = {
    group: name,
    rows,
    share: rows / 2000,
    disparity,
    withinTolerance: disparity === null ? null : disparity >= tau && disparity <= 1 / tau,
    judgeable,
  };
  for (const key of RATE_KEYS) if (key === metricName) g[key] = key === "mae" ? { value, lower: value * 0.9, upper: value * 1.1, denominator: rows, judgeable } : rate(value, rows, judgeable);
  return g;
}

export function sliceColumn(name: string, groups: SliceGroup[], referenceGroup: string | null, kind: SliceColumn["kind"] = "sensitive", columns = [name]): SliceColumn {
  return { name, columns, kind, referenceGroup, groups, worstGroup: null, light: "gray" };
}

export function slicesSection(metricName: SliceMetric, columns: SliceColumn[], extra: Partial<SlicesSection> = {}): SlicesSection {
  return { metric: metricName, question: null, tolerance: 0.8, minimumRows: 30, minimumDenominator: 5, columns, missingAttributes: [], rows: 2000, ...extra };
}

/** sex: Female picked (or found, flagged, ...) at `femaleValue` against Male at `maleValue`; plus an "other" column. */
export function sexSlices(metricName: SliceMetric, femaleValue: number, maleValue: number, question: FairnessQuestion | null = null): SlicesSection {
  return slicesSection(
    metricName,
    [
      sliceColumn("sex", [group("Male", 1100, metricName, maleValue, maleValue), group("Female", 900, metricName, femaleValue, maleValue)], "Male"),
      // Analysts' slices are never part of the light: this one is far outside the band.
      sliceColumn("store", [group("North", 1200, metricName, 0.5, 0.5), group("South", 800, metricName, 0.1, 0.5)], "North", "other"),
    ],
    { question },
  );
}

export function dataQuality(problems: DataQualityProblem[], rows = 2400): DataQualitySection {
  return {
    rows,
    missing: [],
    classBalance: null,
    groupShares: [],
    duplicates: { count: 0, share: 0 },
    leakage: [],
    missingColumns: [],
    newColumns: [],
    provenance: null,
    problems,
  };
}

export const PROBLEMS: Record<DataQualityProblem["kind"], DataQualityProblem> = {
  missing: { kind: "missing", column: "income", share: 0.184, referenceShare: 0.012 },
  duplicates: { kind: "duplicates", count: 312, share: 0.13 },
  leakage: { kind: "leakage", column: "approved_by", method: "roc_auc", score: 0.994 },
  missingColumns: { kind: "missingColumns", columns: ["tenure", "region"] },
  groupShift: { kind: "groupShift", column: "sex", group: "Female", share: 0.21, referenceShare: 0.47 },
  classBalance: { kind: "classBalance", label: "yes", share: 0.08, referenceShare: 0.31 },
};

export const BINARY_CARD = (): ScorecardSection =>
  scorecard(
    [
      metric("accuracy", 0.853, [0.838, 0.867]),
      metric("precision", 0.712, [0.68, 0.744]),
      metric("recall", 0.664, [0.631, 0.699]),
      metric("f1", 0.687, [0.66, 0.713]),
      metric("rocAuc", 0.912, [0.901, 0.923]),
      metric("logLoss", 0.334, [0.312, 0.357]),
      metric("brier", 0.104, [0.097, 0.111]),
      metric("calibrationError", 0.031, [0.022, 0.041]),
    ],
    { positives: 640, threshold: 0.5 },
  );

export const MULTICLASS_CARD = (): ScorecardSection =>
  scorecard([
    metric("accuracy", 0.781, [0.763, 0.799]),
    metric("balancedAccuracy", 0.742, [0.72, 0.764]),
    metric("macroPrecision", 0.751, [0.729, 0.772]),
    metric("macroRecall", 0.742, [0.72, 0.764]),
    metric("macroF1", 0.744, [0.723, 0.765]),
    metric("weightedPrecision", 0.779, [0.76, 0.797]),
    metric("weightedRecall", 0.781, [0.763, 0.799]),
    metric("weightedF1", 0.778, [0.759, 0.796]),
    metric("logLoss", 0.612, [0.583, 0.641]),
    metric("calibrationError", 0.047, [0.036, 0.058]),
  ]);

export const REGRESSION_CARD = (): ScorecardSection =>
  scorecard([metric("mae", 14.2, [13.6, 14.9]), metric("rmse", 21.7, [20.4, 23.1]), metric("mape", 0.118, [0.109, 0.127]), metric("r2", 0.81, [0.79, 0.83])]);

/** A window judged against its reference; everything healthy unless `parts` say otherwise. */
export function input(task: Task, parts: Partial<JudgeInput> = {}): JudgeInput {
  const card = task === "binary" ? BINARY_CARD() : task === "multiclass" ? MULTICLASS_CARD() : REGRESSION_CARD();
  const fairMetric: SliceMetric = task === "binary" ? "selectionRate" : task === "multiclass" ? "accuracy" : "mae";
  return {
    task,
    policy: policy(task),
    isReference: false,
    windowLabel: "2026-07",
    scorecard: card,
    referenceScorecard: card,
    previous: null,
    drift: calmDrift(),
    slices: sexSlices(fairMetric, fairMetric === "mae" ? 15 : 0.4, fairMetric === "mae" ? 14 : 0.42),
    dataQuality: dataQuality([]),
    hasLabelColumn: true,
    ...parts,
  };
}

/** The same scorecard with one metric replaced. */
export function withMetric(card: ScorecardSection, entry: MetricEntry): ScorecardSection {
  return { ...card, metrics: card.metrics.map((m) => (m.name === entry.name ? entry : m)) };
}

/** Named windows that between them fill every template. */
export function scenarios(): Record<string, JudgeInput> {
  const binaryRefWorse = withMetric(BINARY_CARD(), metric("rocAuc", 0.912, [0.901, 0.923]));
  const dropped = withMetric(BINARY_CARD(), metric("rocAuc", 0.79, [0.772, 0.808]));
  const amberDrop = withMetric(BINARY_CARD(), metric("rocAuc", 0.852, [0.842, 0.861]));
  const applicants = policy("binary", { rowNoun: "applicants", fairnessQuestion: "help", metricFloors: { accuracy: 0.8 } });
  return {
    "binary healthy": input("binary", { previous: { windowLabel: "2026-06", scorecard: withMetric(BINARY_CARD(), metric("rocAuc", 0.905, [0.893, 0.917])), drift: calmDrift() } }),
    "binary red drop with drift": input("binary", { scorecard: dropped, referenceScorecard: binaryRefWorse, drift: heavyDrift() }),
    "binary amber drop": input("binary", {
      scorecard: amberDrop,
      referenceScorecard: binaryRefWorse,
      drift: someDrift(),
      previous: { windowLabel: "2026-06", scorecard: withMetric(BINARY_CARD(), metric("rocAuc", 0.874, [0.861, 0.886])), drift: calmDrift() },
    }),
    "binary floor broken": input("binary", {
      policy: policy("binary", { primaryMetric: "accuracy", metricFloors: { accuracy: 0.8, rocAuc: 0.85 } }),
      scorecard: withMetric(BINARY_CARD(), metric("accuracy", 0.7996, [0.781, 0.817])),
      referenceScorecard: withMetric(BINARY_CARD(), metric("accuracy", 0.81, [0.79, 0.83])),
    }),
    "binary floor crossed by the interval": input("binary", {
      policy: applicants,
      scorecard: withMetric(BINARY_CARD(), metric("accuracy", 0.812, [0.794, 0.829])),
      slices: sexSlices("truePositiveRate", 0.48, 0.69, "help"),
    }),
    "binary too few rows": input("binary", {
      scorecard: scorecard([metric("rocAuc", 0.88, [0.7, 0.96], false)], { labelledRows: 42, positives: 7, judgeable: false }),
      drift: driftSection([driftColumn("income", 0.2, true)], { judgeable: false, rows: { reference: 5000, current: 42, minimum: 100 } }),
      slices: slicesSection("selectionRate", [sliceColumn("sex", [group("Male", 24, "selectionRate", 0.4, 0.4, 0.8, false), group("Female", 18, "selectionRate", 0.3, 0.4, 0.8, false)], null)], { rows: 42 }),
    }),
    "binary no labels": input("binary", { scorecard: null, hasLabelColumn: false, slices: null, sensitiveAttributes: ["sex"], drift: someDrift() }),
    "binary no sensitive attribute": input("binary", { slices: slicesSection("selectionRate", [], { rows: 2000 }), sensitiveAttributes: [] }),
    "binary missing group column": input("binary", { slices: slicesSection("selectionRate", [], { missingAttributes: ["region"] }) }),
    "binary burden": input("binary", {
      policy: policy("binary", { fairnessQuestion: "burden" }),
      slices: sexSlices("falsePositiveRate", 0.14, 0.09, "burden"),
    }),
    "binary equal, picked less": input("binary", { policy: policy("binary", { fairnessQuestion: "equal", rowNoun: "applicants" }), slices: sexSlices("selectionRate", 0.26, 0.42, "equal") }),
    "binary intersection": input("binary", {
      slices: slicesSection("selectionRate", [
        sliceColumn("sex", [group("Male", 1100, "selectionRate", 0.42, 0.42), group("Female", 900, "selectionRate", 0.4, 0.42)], "Male"),
        sliceColumn(
          "sex × age_band",
          [group("Male & 30-49", 600, "selectionRate", 0.45, 0.45), group("Female & 18-29", 210, "selectionRate", 0.27, 0.45), group("Female & 65+", 12, "selectionRate", 0.2, 0.45, 0.8, false)],
          "Male & 30-49",
          "intersection",
          ["sex", "age_band"],
        ),
      ]),
    }),
    "binary data problem first": input("binary", { dataQuality: dataQuality([PROBLEMS.missing, PROBLEMS.duplicates]), drift: heavyDrift() }),
    "binary leakage": input("binary", { dataQuality: dataQuality([PROBLEMS.leakage, PROBLEMS.classBalance, PROBLEMS.groupShift, PROBLEMS.duplicates]) }),
    "binary missing columns": input("binary", { dataQuality: dataQuality([PROBLEMS.missingColumns]) }),
    "binary reference": input("binary", {
      isReference: true,
      windowLabel: "reference data",
      referenceScorecard: null,
      drift: heavyDrift(),
      slices: sexSlices("selectionRate", 0.26, 0.42),
    }),
    "binary reference below its floor": input("binary", {
      isReference: true,
      windowLabel: "reference data",
      referenceScorecard: null,
      policy: policy("binary", { metricFloors: { rocAuc: 0.95 } }),
      dataQuality: dataQuality([PROBLEMS.leakage]),
    }),
    "multiclass healthy": input("multiclass", { previous: { windowLabel: "2026-06", scorecard: MULTICLASS_CARD(), drift: someDrift() } }),
    "multiclass red drop": input("multiclass", {
      scorecard: withMetric(MULTICLASS_CARD(), metric("macroF1", 0.61, [0.588, 0.633])),
      slices: sexSlices("accuracy", 0.58, 0.79),
      drift: someDrift(),
    }),
    "multiclass reference": input("multiclass", { isReference: true, windowLabel: "reference data", referenceScorecard: null }),
    "regression healthy": input("regression", { targetUnit: "$" }),
    "regression error up": input("regression", {
      targetUnit: "days",
      scorecard: withMetric(REGRESSION_CARD(), metric("mae", 17.9, [17.1, 18.8])),
      slices: sexSlices("mae", 21.3, 14.9),
      dataQuality: dataQuality([{ kind: "leakage", column: "final_price", method: "spearman", score: 0.97 }]),
    }),
    "regression r2 primary near zero": input("regression", {
      policy: policy("regression", { primaryMetric: "r2" }),
      scorecard: withMetric(REGRESSION_CARD(), metric("r2", -0.02, [-0.06, 0.01])),
      referenceScorecard: withMetric(REGRESSION_CARD(), metric("r2", 0.03, [0.01, 0.05])),
    }),
    "regression reference": input("regression", { isReference: true, windowLabel: "reference data", referenceScorecard: null, targetUnit: "€" }),
    "nothing judged": input("binary", { scorecard: null, hasLabelColumn: false, slices: null, dataQuality: null, drift: driftSection([], { judgeable: false, rows: { reference: 5000, current: 12, minimum: 100 } }) }),
  };
}
