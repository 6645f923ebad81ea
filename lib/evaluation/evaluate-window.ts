// Evaluates a model version on one data window against the reference and the model's policy.
// Pure: tables and model outputs in, the snapshot's JSON content (version 2) out.
// The reference half of every comparison (drift profile, distributions, slice bins, data-quality summary) is
// prepared once per version with `prepareEvaluationReference` and reused for every window.
import { isNumericStorage, type Column, type Table } from "@/lib/ingest/table";
import {
  calibrationCurve,
  driftReport,
  multiclassScorecard,
  prepareReference,
  regressionScorecard,
  scorecard,
  type ConfidenceInterval,
  type ReferenceProfile,
  type StatTestMethod,
  type WindowColumn,
} from "@/lib/metrics";
import { describeSnapshot } from "@/lib/narrative/describe-snapshot";
import { judge } from "@/lib/governance/verdicts";
import type { JudgeInput } from "@/lib/contracts/judge-input";
import { LOWER_IS_BETTER } from "@/lib/governance/policy-rules";
import type { PolicyRules } from "@/lib/contracts/policy-rules";
import { binaryLabels, columnByName, completeRows, numericLabels, takeNumbers, toWindowColumn } from "./columns";
import { dataQuality, prepareQualityReference, type PreparedQualityReference, type QualityColumns } from "./data-quality";
import { distributionsFor, prepareReferenceDistributions, type OutputValues, type PreparedReferenceDistributions } from "./distributions";
import { regressionSpread } from "./regression-spread";
import { computeSlices, prepareSliceReference, type SliceReference } from "./slices";
import {
  SNAPSHOT_SCHEMA_VERSION,
  type DataQualityProblem,
  type DataQualitySection,
  type DriftSection,
  type MetricEntry,
  type Provenance,
  type ScorecardSection,
  type SnapshotContent,
  type Task,
} from "@/lib/contracts/snapshot-types";

export type { Task };

/** What the model said for each row: P(positive) for binary, the number for regression, the class otherwise. */
export interface ModelOutputs {
  score?: Float64Array;
  prediction?: Float64Array;
  predictedLabels?: readonly (string | null)[];
  /** category models: row-major N x C probabilities, columns in `classes` order */
  probabilities?: Float64Array;
  classes?: readonly string[];
}

export interface EvaluationSetup {
  task: Task;
  positiveLabel: string | null;
  sensitiveAttributes: readonly string[];
  labelColumn: string | null;
  /** id, timestamp, label and model-output columns: never sliced, never checked for data quality */
  excludedColumns: readonly string[];
  /** input columns of the model (compared for drift and distributions) */
  featureColumns: readonly string[];
  policy: PolicyRules;
  /**
   * Binary versions declared "a raw score with a cut-off" (lib/contracts/processing): the scores are not chances and
   * `policy.decisionThreshold` holds the declared cut-off (a yes at or above it).
   */
  rawScore?: boolean;
  /** seed of the bootstrap (fixed, so the same data gives the same intervals) */
  seed: number;
  resamples: number;
}

/** The previous window's stored results, for "since the previous window". */
export interface PreviousWindow {
  windowLabel: string;
  scorecard: ScorecardSection | null;
  drift: DriftSection | null;
}

/** The model output as a drift column, named so it cannot collide with an input column. */
export const OUTPUT_COLUMN = "(model output)";

export function outputColumn(task: Task, outputs: ModelOutputs): WindowColumn | null {
  if (task === "binary" && outputs.score) return { type: "numeric", values: outputs.score };
  if (task === "regression" && outputs.prediction) return { type: "numeric", values: outputs.prediction };
  if (outputs.predictedLabels) return { type: "categorical", values: outputs.predictedLabels };
  return null;
}

/** True when a column has at least one value (drift tests need one on each side). */
function hasValues(column: Column): boolean {
  if (isNumericStorage(column)) {
    for (let i = 0; i < column.values.length; i++) if (Number.isFinite(column.values[i] as number)) return true;
    return false;
  }
  for (let i = 0; i < column.codes.length; i++) if ((column.codes[i] as number) >= 0) return true;
  return false;
}

/** The drift inputs of a table: the feature columns it has (with at least one value), plus the model's output. */
export function driftColumns(setup: EvaluationSetup, table: Table, outputs: ModelOutputs): Record<string, WindowColumn> {
  const byName = columnByName(table);
  const columns: Record<string, WindowColumn> = {};
  for (const name of setup.featureColumns) {
    const column = byName.get(name);
    if (column && hasValues(column)) columns[name] = toWindowColumn(column);
  }
  const out = outputColumn(setup.task, outputs);
  if (out) columns[OUTPUT_COLUMN] = out;
  return columns;
}

const finite = (x: number | undefined | null): number | null => (x !== undefined && x !== null && Number.isFinite(x) ? x : null);

function ciEntry(ci: ConfidenceInterval | undefined): MetricEntry["ci"] {
  if (!ci) return null;
  return { lower: finite(ci.lower), upper: finite(ci.upper), confidence: ci.confidence, resamples: ci.resamples, method: ci.method };
}

interface EngineMetric {
  name: string;
  peer: string;
  value: number;
  ci?: ConfidenceInterval;
  sampleSize: { judgeable: boolean; message?: string };
}

function metricEntry(m: EngineMetric, judgeable: boolean): MetricEntry {
  const ok = judgeable && m.sampleSize.judgeable;
  return {
    name: m.name,
    peer: m.peer,
    value: finite(m.value),
    ci: ciEntry(m.ci),
    judgeable: ok,
    ...(ok ? {} : { note: "too few rows to judge" }),
    higherIsBetter: !LOWER_IS_BETTER.has(m.name),
  };
}

/** The true class of each row as text ("" missing -> null). */
function labelTexts(column: Column): (string | null)[] {
  const n = isNumericStorage(column) ? column.values.length : column.codes.length;
  const out = new Array<string | null>(n);
  if (isNumericStorage(column)) {
    for (let i = 0; i < n; i++) {
      const v = column.values[i] as number;
      out[i] = Number.isNaN(v) ? null : column.kind === "boolean" ? (v === 1 ? (column.booleanText?.true ?? "true") : (column.booleanText?.false ?? "false")) : String(v);
    }
    return out;
  }
  for (let i = 0; i < n; i++) {
    const code = column.codes[i] as number;
    out[i] = code < 0 ? null : (column.dictionary[code] as string);
  }
  return out;
}

/** Binary metrics that read the score as a chance: left out for a raw score. */
const NEEDS_A_CHANCE: ReadonlySet<string> = new Set(["logLoss", "brier", "calibrationError"]);

/**
 * Raw scores as numbers in (0, 1) in the same order (ties kept: each distinct score k of D becomes k / (D + 1)), and
 * the cut-off in the same terms, so that a row is a yes exactly when its raw score is at least `cutOff`.
 */
export function rankedScores(raw: Float64Array, cutOff: number): { scores: Float64Array; threshold: number } {
  const distinct = Float64Array.from(new Set(raw)).sort();
  const steps = distinct.length + 1;
  const rankOf = (value: number): number => {
    let lo = 0;
    let hi = distinct.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((distinct[mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1; // 1-based position of the first distinct score at or above `value`
  };
  const scores = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) scores[i] = rankOf(raw[i] as number) / steps;
  return { scores, threshold: rankOf(cutOff) / steps };
}

/** Binary: metrics at the policy's threshold (sklearn and torchmetrics peers), judged when rows suffice. */
function binaryScorecard(setup: EvaluationSetup, table: Table, label: Column, score: Float64Array): ScorecardSection {
  const minimum = { labelledRows: setup.policy.minimumRows.performance, perClass: setup.policy.minimumRows.perClass };
  const yAll = binaryLabels(label, setup.positiveLabel ?? "1");
  const rows = completeRows(yAll, score);
  if (rows.length === 0) return { rows: table.rowCount, labelledRows: 0, metrics: [], judgeable: false, minimum };
  const yTrue = takeNumbers(yAll, rows);
  const yScore = takeNumbers(score, rows);
  let positives = 0;
  for (let i = 0; i < yTrue.length; i++) positives += yTrue[i] === 1 ? 1 : 0;
  const negatives = yTrue.length - positives;
  const judgeable = rows.length >= minimum.labelledRows && positives >= minimum.perClass && negatives >= minimum.perClass;
  // A scorecard needs both classes; with one class only the part is "too few rows to judge" (no metrics).
  const threshold = setup.policy.decisionThreshold;
  const raw = setup.rawScore ? { rawScore: true as const } : {};
  if (positives === 0 || negatives === 0) return { rows: table.rowCount, labelledRows: rows.length, positives, metrics: [], judgeable: false, minimum, threshold, ...raw };
  if (setup.rawScore) {
    // A raw score: decisions at the declared cut-off and ROC AUC (ranks only), through scores that keep the order.
    const ranked = rankedScores(yScore, threshold);
    const card = scorecard({ yTrue, yScore: ranked.scores, threshold: ranked.threshold }, { resamples: setup.resamples, seed: setup.seed });
    return {
      rows: table.rowCount,
      labelledRows: rows.length,
      positives: card.positives,
      threshold,
      confusion: card.confusion,
      rawScore: true,
      metrics: Object.values(card.metrics)
        .filter((m) => !NEEDS_A_CHANCE.has(m.name))
        .map((m) => metricEntry(m, judgeable)),
      judgeable,
      minimum,
    };
  }
  const card = scorecard({ yTrue, yScore, threshold }, { resamples: setup.resamples, seed: setup.seed });
  const curve = calibrationCurve(yTrue, yScore, { nBins: 10, strategy: "uniform" });
  return {
    rows: table.rowCount,
    labelledRows: rows.length,
    positives: card.positives,
    threshold: card.threshold,
    confusion: card.confusion,
    calibration: {
      peer: "sklearn.calibration.calibration_curve (10 uniform bins)",
      bins: curve.probPred.map((meanScore, i) => ({ meanScore, fractionPositive: curve.probTrue[i] as number, rows: curve.counts[i] as number })),
    },
    metrics: Object.values(card.metrics).map((m) => metricEntry(m, judgeable)),
    judgeable,
    minimum,
  };
}

function regressionSection(setup: EvaluationSetup, table: Table, label: Column, prediction: Float64Array): ScorecardSection | null {
  const minimum = { labelledRows: setup.policy.minimumRows.performance };
  const yAll = numericLabels(label);
  if (!yAll) return null;
  const rows = completeRows(yAll, prediction);
  if (rows.length === 0) return { rows: table.rowCount, labelledRows: 0, metrics: [], judgeable: false, minimum };
  const judgeable = rows.length >= minimum.labelledRows;
  const actual = takeNumbers(yAll, rows);
  const predicted = takeNumbers(prediction, rows);
  const spread = regressionSpread(actual, predicted);
  const card = regressionScorecard(actual, predicted, { resamples: setup.resamples, seed: setup.seed });
  return { rows: table.rowCount, labelledRows: rows.length, metrics: Object.values(card.metrics).map((m) => metricEntry(m, judgeable)), judgeable, minimum, ...(spread ? { spread } : {}) };
}

/** Category models: sklearn's accuracy, balanced accuracy, macro/weighted P/R/F1, per-class table and confusion matrix. */
function multiclassSection(setup: EvaluationSetup, table: Table, label: Column, outputs: ModelOutputs): ScorecardSection | null {
  const predicted = outputs.predictedLabels;
  if (!predicted) return null;
  const minimum = { labelledRows: setup.policy.minimumRows.performance };
  const truth = labelTexts(label);
  const keep: number[] = [];
  for (let i = 0; i < truth.length; i++) if (truth[i] !== null && predicted[i] !== null && predicted[i] !== undefined) keep.push(i);
  if (keep.length === 0) return { rows: table.rowCount, labelledRows: 0, metrics: [], judgeable: false, minimum };
  const yTrue = keep.map((i) => truth[i] as string);
  const yPred = keep.map((i) => predicted[i] as string);
  // Probabilities only when every true class is one of the model's classes (log loss needs a column per class).
  const classes = outputs.classes;
  let yProb: { data: Float64Array; nClasses: number } | undefined;
  if (outputs.probabilities && classes && classes.length > 1) {
    const known = new Set(classes);
    if (yTrue.every((t) => known.has(t)) && yPred.every((p) => known.has(p))) {
      const order = [...classes].map((c, j) => ({ c, j })).sort((a, b) => (a.c < b.c ? -1 : a.c > b.c ? 1 : 0));
      const cols = classes.length;
      const data = new Float64Array(keep.length * cols);
      for (let r = 0; r < keep.length; r++) {
        const src = (keep[r] as number) * cols;
        for (let k = 0; k < cols; k++) data[r * cols + k] = outputs.probabilities[src + (order[k] as { j: number }).j] as number;
      }
      yProb = { data, nClasses: cols };
    }
  }
  const card = multiclassScorecard(
    { yTrue, yPred, ...(yProb ? { yProb } : {}), ...(yProb && classes ? { labels: [...classes] } : {}) },
    { resamples: setup.resamples, seed: setup.seed, minRows: minimum.labelledRows },
  );
  const judgeable = keep.length >= minimum.labelledRows;
  return {
    rows: table.rowCount,
    labelledRows: keep.length,
    metrics: Object.values(card.metrics).map((m) => metricEntry(m as EngineMetric, judgeable)),
    judgeable,
    minimum,
    classes: card.classes,
    perClass: card.perClass,
    confusionMatrix: card.confusionMatrix,
  };
}

function scorecardSection(setup: EvaluationSetup, table: Table, outputs: ModelOutputs): ScorecardSection | null {
  if (!setup.labelColumn) return null;
  const label = columnByName(table).get(setup.labelColumn);
  if (!label) return null;
  if (setup.task === "binary" && outputs.score && setup.positiveLabel !== null) return binaryScorecard(setup, table, label, outputs.score);
  if (setup.task === "regression" && outputs.prediction) return regressionSection(setup, table, label, outputs.prediction);
  if (setup.task === "multiclass") return multiclassSection(setup, table, label, outputs);
  return null;
}

/** The reference's own scorecard: the values later windows are compared with. */
export function referenceScorecard(setup: EvaluationSetup, reference: Table, outputs: ModelOutputs): ScorecardSection | null {
  return scorecardSection(setup, reference, outputs);
}

/** The policy's drift thresholds per test: p-value tests, distances, then per-method overrides. */
export function methodThresholds(policy: PolicyRules): Partial<Record<StatTestMethod, number>> {
  const p = policy.driftThresholds.pValue;
  const d = policy.driftThresholds.distance;
  const base: Partial<Record<StatTestMethod, number>> = { ks: p, chisquare: p, z: p, psi: d, kl_div: d, jensenshannon: d, wasserstein: d, hellinger: d };
  for (const [method, value] of Object.entries(policy.driftThresholds.perMethod)) {
    if (method in base) base[method as StatTestMethod] = value;
  }
  return base;
}

/** Everything about the reference that every window is compared with, prepared once per version. */
export interface PreparedEvaluationReference {
  rows: number;
  drift: ReferenceProfile;
  distributions: PreparedReferenceDistributions;
  slices: SliceReference;
  quality: PreparedQualityReference;
  qualityColumns: QualityColumns;
}

function modelOutputValues(task: Task, outputs: ModelOutputs): OutputValues | null {
  if (task === "binary" && outputs.score) return { type: "numeric", values: outputs.score };
  if (task === "regression" && outputs.prediction) return { type: "numeric", values: outputs.prediction };
  return outputs.predictedLabels ?? null;
}

function sliceColumns(setup: EvaluationSetup, table: Table): string[] {
  const excluded = new Set([...setup.excludedColumns, ...setup.sensitiveAttributes]);
  if (setup.labelColumn) excluded.add(setup.labelColumn);
  return table.columns.filter((c) => !excluded.has(c.name) && c.kind !== "id" && c.kind !== "datetime").map((c) => c.name);
}

function qualityColumns(setup: EvaluationSetup, table: Table): QualityColumns {
  const features = table.columns.filter((c) => !setup.excludedColumns.includes(c.name) && c.name !== setup.labelColumn).map((c) => c.name);
  return {
    featureColumns: features,
    labelColumn: setup.labelColumn,
    task: setup.task,
    positiveLabel: setup.positiveLabel,
    sensitiveAttributes: setup.sensitiveAttributes,
    idColumns: [],
    timestampColumns: [],
    outputColumns: [...setup.excludedColumns],
  };
}

export function prepareEvaluationReference(setup: EvaluationSetup, reference: Table, outputs: ModelOutputs): PreparedEvaluationReference {
  const columns = qualityColumns(setup, reference);
  const drift = prepareReference(driftColumns(setup, reference, outputs));
  return {
    rows: reference.rowCount,
    drift,
    distributions: prepareReferenceDistributions({
      sortedNumeric: sortedOf(drift),
      reference,
      featureColumns: setup.featureColumns,
      labelColumn: setup.labelColumn,
      task: setup.task,
      output: modelOutputValues(setup.task, outputs),
      outputName: OUTPUT_COLUMN,
    }),
    slices: prepareSliceReference(reference, [...setup.sensitiveAttributes, ...sliceColumns(setup, reference)]),
    quality: prepareQualityReference(reference, columns),
    qualityColumns: columns,
  };
}

/** The drift profile's sorted numeric columns, reused for the distributions' bins and box stats. */
function sortedOf(profile: ReferenceProfile): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const [name, sample] of Object.entries(profile)) if (sample.kind === "numeric") out[name] = sample.sorted;
  return out;
}

function driftSection(setup: EvaluationSetup, reference: PreparedEvaluationReference, table: Table, outputs: ModelOutputs): DriftSection {
  const current = driftColumns(setup, table, outputs);
  const columns = Object.keys(current).filter((name) => name in reference.drift);
  const report = driftReport(reference.drift, current, {
    columns,
    driftShare: setup.policy.driftThresholds.datasetShare,
    methodThresholds: methodThresholds(setup.policy),
  });
  const minimum = setup.policy.minimumRows.drift;
  return {
    columns: report.columns.map((c) => ({
      column: c.column,
      columnType: c.columnType,
      method: c.method,
      stattestName: c.stattestName,
      score: finite(c.score),
      threshold: c.threshold,
      drifted: c.drifted,
      ...(c.unit ? { unit: c.unit } : {}),
      isOutput: c.column === OUTPUT_COLUMN,
    })),
    ...report.dataset,
    judgeable: reference.rows >= minimum && table.rowCount >= minimum,
    rows: { reference: reference.rows, current: table.rowCount, minimum },
  };
}

/** The truth and the model's answers of a window, in the shapes the slices take. */
function sliceTruth(setup: EvaluationSetup, table: Table, outputs: ModelOutputs) {
  const label = setup.labelColumn ? columnByName(table).get(setup.labelColumn) : undefined;
  if (setup.task === "binary") {
    const yTrue = label && setup.positiveLabel !== null ? binaryLabels(label, setup.positiveLabel) : new Float64Array(table.rowCount).fill(Number.NaN);
    return outputs.score ? { yTrue, score: outputs.score } : {};
  }
  if (setup.task === "regression") {
    const yTrue = (label && numericLabels(label)) ?? new Float64Array(table.rowCount).fill(Number.NaN);
    return outputs.prediction ? { yTrue, prediction: outputs.prediction } : {};
  }
  const trueLabels = label ? labelTexts(label) : new Array<string | null>(table.rowCount).fill(null);
  return outputs.predictedLabels ? { trueLabels, predictedLabels: outputs.predictedLabels } : {};
}

/** Shares of a handful of rows swing by chance: below the minimum rows, changed mixes are not called problems. */
function withoutShareProblemsBelow(quality: DataQualitySection, minimum: number): DataQualitySection {
  if (quality.rows >= minimum) return quality;
  const byChance = new Set<DataQualityProblem["kind"]>(["groupShift", "classBalance", "duplicates", "missing"]);
  return { ...quality, problems: quality.problems.filter((p) => !byChance.has(p.kind)) };
}

export interface WindowToEvaluate {
  table: Table;
  outputs: ModelOutputs;
  /** the reference data's own snapshot (the baseline, never "action needed") */
  isReference?: boolean;
  windowLabel?: string;
  /** the same version's scorecard on the reference (the values a drop is measured from) */
  referenceScorecard?: ScorecardSection | null;
  previous?: PreviousWindow | null;
  provenance?: Provenance | null;
}

/** One window's snapshot content (version 2). */
export function evaluateWindow(setup: EvaluationSetup, reference: PreparedEvaluationReference, window: WindowToEvaluate): SnapshotContent {
  const { table, outputs } = window;
  const isReference = window.isReference ?? false;
  const drift = driftSection(setup, reference, table, outputs);
  const card = scorecardSection(setup, table, outputs);
  const slices = computeSlices({
    task: setup.task,
    table,
    ...sliceTruth(setup, table, outputs),
    policy: setup.policy,
    sensitiveAttributes: setup.sensitiveAttributes,
    otherColumns: sliceColumns(setup, table),
    reference: reference.slices,
    excludeColumns: [...setup.excludedColumns, ...(setup.labelColumn ? [setup.labelColumn] : [])],
  });
  const quality = withoutShareProblemsBelow(
    dataQuality({ ...reference.qualityColumns, table, reference: isReference ? null : reference.quality, provenance: window.provenance ?? null, isReference }),
    setup.policy.minimumRows.drift,
  );
  const distributions = distributionsFor(reference.distributions, { table, output: modelOutputValues(setup.task, outputs) });
  const input: JudgeInput = {
    task: setup.task,
    policy: setup.policy,
    isReference,
    windowLabel: window.windowLabel ?? (isReference ? "the reference data" : "this data"),
    scorecard: card,
    referenceScorecard: isReference ? card : (window.referenceScorecard ?? null),
    previous: window.previous ?? null,
    drift,
    slices,
    dataQuality: quality,
    hasLabelColumn: Boolean(setup.labelColumn && columnByName(table).has(setup.labelColumn)),
    sensitiveAttributes: setup.sensitiveAttributes,
  };
  const verdicts = judge(input);
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    scorecard: card,
    drift,
    // Version 1's fairness summary is replaced by `slices`.
    fairness: null,
    verdicts,
    narrative: describeSnapshot(input, verdicts),
    distributions,
    slices,
    dataQuality: quality,
    isReference,
  };
}
