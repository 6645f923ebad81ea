// What the performance page draws for a number model, computed once with the snapshot: the model's answers along the
// real values (groups of rows, never a single row: design principle 4) and the spread of every row's error.
import type { RegressionSpread } from "@/lib/contracts/snapshot-types";
import { binnedPredictions, errorHistogram } from "@/lib/metrics";

export const SPREAD_GROUPS = 20;
export const ERROR_BINS = 20;

export function regressionSpread(actual: Float64Array, predicted: Float64Array): RegressionSpread | null {
  if (actual.length === 0 || predicted.length !== actual.length) return null;
  return { bins: binnedPredictions(actual, predicted, SPREAD_GROUPS), errors: errorHistogram(actual, predicted, ERROR_BINS) };
}
