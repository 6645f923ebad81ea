/**
 * The drift report entry point: every column gets its default (or chosen) test, then the dataset
 * drift share. The reference is fixed per model version, so `prepareReference` cleans and sorts it
 * once; pass the prepared profile back in to skip that work on every window.
 */
import { MetricInputError } from "../errors";
import { type ColumnDriftResult, type DatasetDriftResult, columnDrift, datasetDrift } from "./column-drift";
import type { ColumnType } from "./default-test";
import { type CategoricalCodes, type DriftInput, type PreparedSample, prepareSample } from "./sample";
import type { StatTestMethod } from "./stat-tests";

/** A column of a data window: numeric (Float64Array, NaN missing) or categorical (strings / codes). */
export type WindowColumn =
  | { type: "numeric"; values: ArrayLike<number> }
  | { type: "categorical"; values: readonly (string | null)[] | CategoricalCodes };

export type ReferenceProfile = Record<string, PreparedSample>;

/** Clean and sort (numeric) or count (categorical) every reference column once. */
export function prepareReference(columns: Record<string, WindowColumn>): ReferenceProfile {
  const out: ReferenceProfile = {};
  for (const [name, col] of Object.entries(columns)) {
    out[name] = prepareSample(col.values as DriftInput, col.type, name, "reference");
  }
  return out;
}

export interface DriftReportOptions {
  /** Per-column test override. */
  methods?: Record<string, StatTestMethod>;
  /** Per-column threshold override. */
  thresholds?: Record<string, number>;
  /** Per-test thresholds for columns without their own (e.g. `{ ks: 0.01, wasserstein: 0.2 }`). */
  methodThresholds?: Partial<Record<StatTestMethod, number>>;
  /** Share of drifted columns that flags the dataset; default 0.5. */
  driftShare?: number;
  /** Columns to include; default every current column. */
  columns?: readonly string[];
}

export interface DriftReport {
  columns: ColumnDriftResult[];
  dataset: DatasetDriftResult;
}

/**
 * Drift of every column between a reference (raw columns or a prepared profile) and a current
 * window, as Evidently's DataDriftPreset (legacy stattests) computes it.
 */
export function driftReport(
  reference: Record<string, WindowColumn> | ReferenceProfile,
  current: Record<string, WindowColumn>,
  options: DriftReportOptions = {},
): DriftReport {
  const names = options.columns ?? Object.keys(current);
  const results: ColumnDriftResult[] = [];
  for (const name of names) {
    const cur = current[name];
    const refEntry = reference[name];
    if (cur === undefined) throw new MetricInputError(`Cannot find column '${name}' in current dataset`);
    if (refEntry === undefined) throw new MetricInputError(`Cannot find column '${name}' in reference dataset`);
    const ref: PreparedSample =
      "kind" in refEntry ? refEntry : prepareSample(refEntry.values as DriftInput, refEntry.type, name, "reference");
    const columnType: ColumnType = cur.type;
    results.push(
      columnDrift(ref, cur.values as DriftInput, {
        column: name,
        columnType,
        method: options.methods?.[name],
        threshold: options.thresholds?.[name],
        ...(options.methodThresholds ? { methodThresholds: options.methodThresholds } : {}),
      }),
    );
  }
  return { columns: results, dataset: datasetDrift(results, options.driftShare ?? 0.5) };
}
