import { MetricInputError } from "../errors";
import { type ColumnType, defaultStatTest } from "./default-test";
import { type DriftInput, type PreparedSample, prepareSample } from "./sample";
import {
  type StatTestMethod,
  type StatTestResult,
  chiSquareTest,
  hellingerTest,
  jensenShannonTest,
  klDivTest,
  ksTest,
  psiTest,
  wassersteinTest,
  zTest,
} from "./stat-tests";

export interface ColumnDriftOptions {
  /** Column name, used in error messages. */
  column?: string;
  /** Default: categorical for strings and dictionary codes, numeric otherwise. */
  columnType?: ColumnType;
  /** Test to run; default Evidently's default choice. */
  method?: StatTestMethod;
  /** Default: 0.05 for p-value tests, 0.1 for distances. */
  threshold?: number;
  /** Thresholds per test, used when `threshold` is not given (a policy's per-method settings). */
  methodThresholds?: Partial<Record<StatTestMethod, number>>;
  /** Log base for KL and Jensen-Shannon (default e). */
  base?: number;
}

export interface ColumnDriftResult extends StatTestResult {
  column: string;
  columnType: ColumnType;
  /** "base e" for KL and Jensen-Shannon scores (or the base given). */
  unit?: string;
}

const NUMERIC_ONLY: readonly StatTestMethod[] = ["ks", "wasserstein"];

/** Run one stat test on two prepared samples. */
export function runStatTest(
  method: StatTestMethod,
  ref: PreparedSample,
  cur: PreparedSample,
  threshold?: number,
  base?: number,
): StatTestResult {
  switch (method) {
    case "ks":
      return ksTest(ref, cur, threshold);
    case "chisquare":
      return chiSquareTest(ref, cur, threshold);
    case "z":
      return zTest(ref, cur, threshold);
    case "psi":
      return psiTest(ref, cur, threshold);
    case "kl_div":
      return klDivTest(ref, cur, threshold, base);
    case "jensenshannon":
      return jensenShannonTest(ref, cur, threshold, base);
    case "wasserstein":
      return wassersteinTest(ref, cur, threshold);
    case "hellinger":
      return hellingerTest(ref, cur, threshold);
    default:
      throw new MetricInputError(`No stattest found of name ${String(method)}.`);
  }
}

/**
 * Agrees with Evidently's legacy `get_one_column_drift` (ColumnDriftMetric): cleans both sides,
 * picks the default test unless one is given, and returns `{ method, score, threshold, drifted,
 * stattestName }`.
 */
export function columnDrift(
  reference: DriftInput | PreparedSample,
  current: DriftInput | PreparedSample,
  options: ColumnDriftOptions = {},
): ColumnDriftResult {
  const column = options.column ?? "column";
  const ref = prepareSample(reference, options.columnType, column, "reference");
  const cur = prepareSample(current, options.columnType ?? ref.kind, column, "current");
  const columnType: ColumnType = options.columnType ?? ref.kind;
  const method = options.method ?? defaultStatTest(ref, cur, columnType);
  if (columnType === "categorical" && NUMERIC_ONLY.includes(method)) {
    throw new MetricInputError(`Stattest ${method} isn't applicable to feature of type cat.`);
  }
  const res = runStatTest(method, ref, cur, options.threshold ?? options.methodThresholds?.[method], options.base);
  const out: ColumnDriftResult = { column, columnType, ...res };
  if (method === "kl_div" || method === "jensenshannon") out.unit = options.base === undefined ? "base e" : `base ${options.base}`;
  return out;
}

export interface DatasetDriftResult {
  numberOfColumns: number;
  numberOfDriftedColumns: number;
  shareOfDriftedColumns: number;
  /** `share >= driftShare` (default 0.5). */
  datasetDrift: boolean;
  driftShare: number;
}

/** Agrees with Evidently's legacy `get_dataset_drift`: share of drifted columns, drift when `>= driftShare`. */
export function datasetDrift(results: readonly { drifted: boolean }[], driftShare = 0.5): DatasetDriftResult {
  const drifted = results.filter((r) => r.drifted).length;
  const share = results.length === 0 ? Number.NaN : drifted / results.length;
  return {
    numberOfColumns: results.length,
    numberOfDriftedColumns: drifted,
    shareOfDriftedColumns: share,
    datasetDrift: share >= driftShare,
    driftShare,
  };
}
