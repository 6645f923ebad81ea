import { percentileSorted } from "../internal/numeric";

export type BootstrapMethod = "percentile-bootstrap" | "poisson-bootstrap" | "binned-poisson-bootstrap";

export interface ConfidenceInterval {
  /** The metric on the full data. */
  estimate: number;
  lower: number;
  upper: number;
  /** Two-sided confidence level, e.g. 0.95. */
  confidence: number;
  /** Resamples drawn. */
  resamples: number;
  /** Resamples where the metric was undefined (dropped before taking percentiles). */
  undefinedResamples: number;
  /** How the resamples were drawn, named for the reader. */
  method: BootstrapMethod;
  /** Seed of the xoshiro128** generator (same data + same seed = same interval). */
  seed: number;
  /**
   * For "binned-poisson-bootstrap": the share of the metric's row-level variation that lies
   * inside score bins and is replaced by its bin average (for ROC AUC: the share of
   * positive/negative pairs that fall in the same bin). Counts are never binned.
   */
  binnedShare?: number;
}

/** Percentile interval (NumPy's linear percentiles) of the finite bootstrap statistics. */
export function percentileInterval(
  stats: Float64Array,
  estimate: number,
  confidence: number,
  method: BootstrapMethod,
  seed: number,
): ConfidenceInterval {
  const finite = stats.filter((v) => Number.isFinite(v)).sort();
  const alpha = (1 - confidence) / 2;
  const lower = finite.length ? percentileSorted(finite, alpha * 100) : Number.NaN;
  const upper = finite.length ? percentileSorted(finite, (1 - alpha) * 100) : Number.NaN;
  return {
    estimate,
    lower,
    upper,
    confidence,
    resamples: stats.length,
    undefinedResamples: stats.length - finite.length,
    method,
    seed,
  };
}
