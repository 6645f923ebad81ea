/**
 * Closed-form 95% intervals for slice metrics, where a bootstrap per group would cost too much:
 * the Wilson score interval for a proportion (statsmodels `proportion_confint(method="wilson")`)
 * and the normal approximation for a mean (mean +- z * sd / sqrt(n), sd with ddof 1).
 */

/** z for a two-sided 95% interval (scipy.stats.norm.ppf(0.975)). */
export const Z_95 = 1.959963984540054;

export interface ClosedFormInterval {
  lower: number;
  upper: number;
}

/**
 * Wilson score interval for `successes` out of `n` (statsmodels' `proportion_confint(..., method="wilson")`).
 * n = 0 gives NaN bounds.
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): ClosedFormInterval {
  if (!(n > 0)) return { lower: Number.NaN, upper: Number.NaN };
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { lower: Math.max(0, center - half), upper: Math.min(1, center + half) };
}

/**
 * Normal-approximation interval of a mean from its count, sum and sum of squares
 * (sample standard deviation, ddof = 1). Fewer than two values give NaN bounds.
 */
export function meanInterval(n: number, sum: number, sumSquares: number, z: number = Z_95): ClosedFormInterval {
  if (!(n > 1)) return { lower: Number.NaN, upper: Number.NaN };
  const mean = sum / n;
  const variance = Math.max(0, (sumSquares - n * mean * mean) / (n - 1));
  const half = (z * Math.sqrt(variance)) / Math.sqrt(n);
  return { lower: mean - half, upper: mean + half };
}
