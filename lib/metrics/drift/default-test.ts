import { type PreparedSample, distinctUnion, sampleSize } from "./sample";
import type { StatTestMethod } from "./stat-tests";

export type ColumnType = "numeric" | "categorical";

/**
 * Agrees with Evidently's `_get_default_stattest` (legacy): with `n` reference rows after
 * cleaning and `u` distinct values over both samples,
 * `n <= 1000`: numeric with `u > 5` -> K-S; numeric with `u <= 5` or categorical -> chi-square if
 * `u > 2` else Z-test. `n > 1000`: numeric with `u > 5` -> normed Wasserstein, otherwise
 * Jensen-Shannon.
 */
export function defaultStatTest(reference: PreparedSample, current: PreparedSample, columnType: ColumnType): StatTestMethod {
  const n = sampleSize(reference);
  if (n <= 1000) {
    const u = distinctUnion(reference, current);
    if (columnType === "numeric" && u > 5) return "ks";
    return u > 2 ? "chisquare" : "z";
  }
  if (columnType === "numeric") {
    const u = distinctUnion(reference, current, 6);
    return u > 5 ? "wasserstein" : "jensenshannon";
  }
  return "jensenshannon";
}
