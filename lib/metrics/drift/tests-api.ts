/**
 * One function per Evidently stattest, on raw columns (cleaned here). Numeric columns are
 * Float64Array / number[] with NaN as missing; categorical columns are string arrays (null
 * missing) or dictionary codes.
 */
import { type ColumnType } from "./default-test";
import { type DriftInput, type PreparedSample, prepareSample } from "./sample";
import * as T from "./stat-tests";
import type { StatTestResult } from "./stat-tests";

export interface StatTestOptions {
  threshold?: number;
  columnType?: ColumnType;
  column?: string;
}

function prep(ref: DriftInput | PreparedSample, cur: DriftInput | PreparedSample, o: StatTestOptions): [PreparedSample, PreparedSample] {
  const r = prepareSample(ref, o.columnType, o.column, "reference");
  const c = prepareSample(cur, o.columnType ?? r.kind, o.column, "current");
  return [r, c];
}

/** Agrees with evidently.legacy.calculations.stattests.ks_stat_test (scipy ks_2samp p-value; drift when p <= threshold). */
export function ksStatTest(reference: DriftInput | PreparedSample, current: DriftInput | PreparedSample, options: StatTestOptions = {}): StatTestResult {
  return T.ksTest(...prep(reference, current, { ...options, columnType: "numeric" }), options.threshold);
}

/** Agrees with evidently.legacy.calculations.stattests.chi_stat_test (drift when p < threshold). */
export function chiSquareStatTest(reference: DriftInput | PreparedSample, current: DriftInput | PreparedSample, options: StatTestOptions = {}): StatTestResult {
  return T.chiSquareTest(...prep(reference, current, options), options.threshold);
}

/** Agrees with evidently.legacy.calculations.stattests.z_stat_test (two proportions; drift when p < threshold). */
export function zStatTest(reference: DriftInput | PreparedSample, current: DriftInput | PreparedSample, options: StatTestOptions = {}): StatTestResult {
  return T.zTest(...prep(reference, current, options), options.threshold);
}

/** Agrees with evidently.legacy.calculations.stattests.psi_stat_test. */
export function psiStatTest(reference: DriftInput | PreparedSample, current: DriftInput | PreparedSample, options: StatTestOptions = {}): StatTestResult {
  return T.psiTest(...prep(reference, current, options), options.threshold);
}

/** Agrees with evidently.legacy.calculations.stattests.kl_div_stat_test (scipy.stats.entropy; `base` default e). */
export function klDivStatTest(
  reference: DriftInput | PreparedSample,
  current: DriftInput | PreparedSample,
  options: StatTestOptions & { base?: number } = {},
): StatTestResult {
  return T.klDivTest(...prep(reference, current, options), options.threshold, options.base);
}

/** Agrees with evidently.legacy.calculations.stattests.jensenshannon_stat_test (distance, `base` default e). */
export function jensenShannonStatTest(
  reference: DriftInput | PreparedSample,
  current: DriftInput | PreparedSample,
  options: StatTestOptions & { base?: number } = {},
): StatTestResult {
  return T.jensenShannonTest(...prep(reference, current, options), options.threshold, options.base);
}

/**
 * Agrees with evidently.legacy.calculations.stattests.wasserstein_stat_test: Wasserstein-1 distance
 * divided by max(population std of reference, 0.001). Optional weights (an extension: the
 * distance uses them as scipy.stats.wasserstein_distance does, the norm is the weighted std).
 * Weights are aligned with the raw (uncleaned) arrays, so pass arrays without missing values.
 */
export function wassersteinStatTest(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  options: StatTestOptions & { referenceWeights?: ArrayLike<number>; currentWeights?: ArrayLike<number> } = {},
): StatTestResult {
  if (options.referenceWeights === undefined && options.currentWeights === undefined) {
    return T.wassersteinTest(...prep(reference, current, { ...options, columnType: "numeric" }), options.threshold);
  }
  const sortWith = (v: ArrayLike<number>, w: ArrayLike<number> | undefined): [Float64Array<ArrayBuffer>, Float64Array | undefined] => {
    const idx = Array.from({ length: v.length }, (_, i) => i).sort((x, y) => (v[x] as number) - (v[y] as number) || x - y);
    return [Float64Array.from(idx, (i) => v[i] as number), w === undefined ? undefined : Float64Array.from(idx, (i) => w[i] as number)];
  };
  const [rs, rw] = sortWith(reference, options.referenceWeights);
  const [cs, cw] = sortWith(current, options.currentWeights);
  return T.wassersteinTest({ kind: "numeric", sorted: rs }, { kind: "numeric", sorted: cs }, options.threshold, {
    reference: rw,
    current: cw,
  });
}

/** Agrees with evidently.legacy.calculations.stattests.hellinger_stat_test. */
export function hellingerStatTest(reference: DriftInput | PreparedSample, current: DriftInput | PreparedSample, options: StatTestOptions = {}): StatTestResult {
  return T.hellingerTest(...prep(reference, current, options), options.threshold);
}
