// Evaluates a model version on one data window against the reference and the model's policy.
// Pure: tables and model outputs in, the snapshot's JSON content out.
import { isNumericStorage, type Column, type Table } from "@/lib/ingest/table";
import {
  calibrationCurve,
  driftReport,
  fairnessReport,
  regressionScorecard,
  scorecard,
  type ConfidenceInterval,
  type ReferenceProfile,
  type WindowColumn,
} from "@/lib/metrics";
import { describeSnapshot } from "@/lib/narrative/describe-snapshot";
import { judge, type PolicyRules } from "@/lib/governance/verdicts";
import { binaryLabels, columnByName, completeRows, numericLabels, takeCodes, takeNumbers, toWindowColumn } from "./columns";
import type {
  DriftSection,
  FairnessAttributeEntry,
  FairnessSection,
  MetricEntry,
  ScorecardSection,
  SnapshotContent,
} from "./snapshot-types";

export type Task = "binary" | "multiclass" | "regression";

/** What the model said for each row: P(positive) for binary, the number for regression, the class otherwise. */
export interface ModelOutputs {
  score?: Float64Array;
  prediction?: Float64Array;
  predictedLabels?: readonly string[];
}

export interface EvaluationSetup {
  task: Task;
  positiveLabel: string | null;
  sensitiveAttributes: readonly string[];
  labelColumn: string | null;
  /** input columns compared for drift */
  featureColumns: readonly string[];
  policy: PolicyRules;
  /** seed of the bootstrap (fixed, so the same data gives the same intervals) */
  seed: number;
  resamples: number;
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

const LOWER_IS_BETTER = new Set(["logLoss", "brier", "calibrationError", "mae", "rmse", "mape"]);

function scorecardSection(setup: EvaluationSetup, table: Table, outputs: ModelOutputs): ScorecardSection | null {
  if (!setup.labelColumn) return null;
  const label = columnByName(table).get(setup.labelColumn);
  if (!label) return null;
  if (setup.task === "binary" && outputs.score && setup.positiveLabel !== null) {
    const yAll = binaryLabels(label, setup.positiveLabel);
    const rows = completeRows(yAll, outputs.score);
    if (rows.length === 0) return { rows: table.rowCount, labelledRows: 0, metrics: [] };
    const yTrue = takeNumbers(yAll, rows);
    const yScore = takeNumbers(outputs.score, rows);
    const card = scorecard({ yTrue, yScore }, { resamples: setup.resamples, seed: setup.seed });
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
      metrics: Object.values(card.metrics).map((m) => ({
        name: m.name,
        peer: m.peer,
        value: finite(m.value),
        ci: ciEntry(m.ci),
        judgeable: m.sampleSize.judgeable,
        ...(m.sampleSize.message ? { note: m.sampleSize.message } : {}),
        higherIsBetter: !LOWER_IS_BETTER.has(m.name),
      })),
    };
  }
  if (setup.task === "regression" && outputs.prediction) {
    const yAll = numericLabels(label);
    if (!yAll) return null;
    const rows = completeRows(yAll, outputs.prediction);
    if (rows.length === 0) return { rows: table.rowCount, labelledRows: 0, metrics: [] };
    const card = regressionScorecard(takeNumbers(yAll, rows), takeNumbers(outputs.prediction, rows), { resamples: setup.resamples, seed: setup.seed });
    return {
      rows: table.rowCount,
      labelledRows: rows.length,
      metrics: Object.values(card.metrics).map((m) => ({
        name: m.name,
        peer: m.peer,
        value: finite(m.value),
        ci: ciEntry(m.ci),
        judgeable: m.sampleSize.judgeable,
        ...(m.sampleSize.message ? { note: m.sampleSize.message } : {}),
        higherIsBetter: !LOWER_IS_BETTER.has(m.name),
      })),
    };
  }
  return null;
}

function fairnessSection(setup: EvaluationSetup, table: Table, outputs: ModelOutputs): FairnessSection | null {
  if (setup.task !== "binary" || !outputs.score || !setup.labelColumn || setup.positiveLabel === null) return null;
  if (setup.sensitiveAttributes.length === 0) return null;
  const byName = columnByName(table);
  const label = byName.get(setup.labelColumn);
  if (!label) return null;
  const yAll = binaryLabels(label, setup.positiveLabel);
  const rows = completeRows(yAll, outputs.score);
  const yTrue = takeNumbers(yAll, rows);
  const yScore = takeNumbers(outputs.score, rows);
  const present = setup.sensitiveAttributes.filter((a) => byName.has(a));
  const missingAttributes = setup.sensitiveAttributes.filter((a) => !byName.has(a));
  const tau = setup.policy.fairnessTolerance;
  const attributes: FairnessAttributeEntry[] = [];
  if (rows.length > 0 && present.length > 0) {
    const report = fairnessReport(
      { yTrue, yScore, threshold: 0.5, attributes: present.map((name) => ({ name, values: takeCodes(byName.get(name)!, rows) })) },
      { resamples: setup.resamples, seed: setup.seed, disparity: { tau } },
    );
    for (const attr of report.attributes) {
      const name = attr.attributes[0] ?? "";
      const disparityByGroup = new Map((attr.disparity ?? []).map((d) => [d.group, d]));
      const parity = attr.parity[0] ?? [];
      const firstDisparity = attr.disparity?.[0];
      attributes.push({
        attribute: name,
        referenceGroup: firstDisparity?.referenceGroup.pprev ?? null,
        demographicParityRatio: finite(parity.find((p) => p.name === "demographicParityRatio")?.value),
        equalizedOddsDifference: finite(parity.find((p) => p.name === "equalizedOddsDifference")?.value),
        groups: attr.groups.map((g) => {
          const group = g.group.join(" & ");
          const d = disparityByGroup.get(group);
          const judgeable = g.sampleSize.selectionRate.judgeable;
          return {
            group,
            rows: g.counts.tp + g.counts.fp + g.counts.tn + g.counts.fn,
            selectionRate: finite(g.rates.selectionRate),
            truePositiveRate: finite(g.rates.truePositiveRate),
            falsePositiveRate: finite(g.rates.falsePositiveRate),
            disparity: finite(d?.disparity.pprev),
            parity: d ? d.parity.pprev : null,
            judgeable,
            ...(judgeable ? {} : { note: g.sampleSize.selectionRate.message ?? "too few rows to judge" }),
          };
        }),
      });
    }
  }
  return { tau, attributes, missingAttributes };
}

function whyNoFairness(setup: EvaluationSetup, card: ScorecardSection | null): string {
  if (setup.task === "regression") return "Group fairness checks are for yes/no models; this model predicts a number.";
  if (setup.task === "multiclass") return "Group fairness checks for models that pick a category are not available yet.";
  if (setup.sensitiveAttributes.length === 0) return "No group columns (such as sex, age band or region) were chosen for this model.";
  if (!card || card.labelledRows === 0) return "No true outcomes yet, so groups cannot be compared.";
  return "No groups could be compared.";
}

/**
 * One window's snapshot content. `reference` is the prepared drift profile of the reference data
 * (prepare it once per version with `prepareReference(driftColumns(...))`).
 */
export function evaluateWindow(
  setup: EvaluationSetup,
  reference: ReferenceProfile,
  window: { table: Table; outputs: ModelOutputs },
): SnapshotContent {
  const current = driftColumns(setup, window.table, window.outputs);
  const columns = Object.keys(current).filter((name) => name in reference);
  // Each column gets Evidently's default test and threshold (the defaults of every policy so far);
  // the policy sets the share of drifted columns that counts as dataset drift.
  const report = driftReport(reference, current, { columns, driftShare: setup.policy.driftThresholds.datasetShare });
  const drift: DriftSection = {
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
  };
  const card = scorecardSection(setup, window.table, window.outputs);
  const fairness = fairnessSection(setup, window.table, window.outputs);
  const verdicts = judge(setup.policy, card, drift, fairness, whyNoFairness(setup, card));
  return { scorecard: card, drift, fairness, verdicts, narrative: describeSnapshot(setup.task, card, drift, fairness, verdicts) };
}
