import { MetricInputError } from "../errors";
import { Xoshiro128 } from "./prng";
import { type ConfidenceInterval, percentileInterval } from "./percentile-interval";
import { poisson1 } from "./samplers";

/** Rows above which the Poisson bootstrap replaces the classic one (METRICS.md). */
export const POISSON_BOOTSTRAP_MIN_ROWS = 100_000;

export interface BootstrapOptions {
  /** Default 1,000. */
  resamples?: number;
  /** Default 0. */
  seed?: number;
  /** Default 0.95. */
  confidence?: number;
  /** "auto" (default): classic up to 100,000 rows, Poisson above. */
  method?: "auto" | "classic" | "poisson";
  /**
   * Stratum (e.g. group code) of every row: the classic bootstrap then resamples each stratum
   * with its own size, as slice metrics require.
   */
  strata?: ArrayLike<number>;
}

/**
 * A metric evaluated with per-row resampling weights: integer multiplicities (classic bootstrap)
 * or Poisson(1) draws (Poisson bootstrap). `weights` is undefined for the point estimate.
 */
export type WeightedMetric = (weights: Float64Array | undefined) => number;

/**
 * Seeded percentile bootstrap confidence interval for any metric that accepts row weights.
 * Classic: each resample draws n rows with replacement (within each stratum when `strata` is
 * given). Poisson (above 100,000 rows by default): each row is weighted by an independent
 * Poisson(1) draw. Generator: xoshiro128** seeded with `seed`.
 */
export function bootstrapCi(metric: WeightedMetric, nRows: number, options: BootstrapOptions = {}): ConfidenceInterval {
  const B = options.resamples ?? 1000;
  const seed = options.seed ?? 0;
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) throw new MetricInputError("confidence must be in (0, 1).");
  if (!(Number.isInteger(B) && B >= 1)) throw new MetricInputError("resamples must be a positive integer.");
  const method = options.method ?? "auto";
  const poissonMode = method === "poisson" || (method === "auto" && nRows > POISSON_BOOTSTRAP_MIN_ROWS);
  const rng = new Xoshiro128(seed);
  const estimate = metric(undefined);
  const stats = new Float64Array(B);
  const w = new Float64Array(nRows);
  let strataRows: number[][] | null = null;
  if (!poissonMode && options.strata !== undefined) {
    const map = new Map<number, number[]>();
    for (let i = 0; i < nRows; i++) {
      const s = options.strata[i] as number;
      let list = map.get(s);
      if (list === undefined) {
        list = [];
        map.set(s, list);
      }
      list.push(i);
    }
    strataRows = [...map.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  }
  for (let b = 0; b < B; b++) {
    w.fill(0);
    if (poissonMode) {
      for (let i = 0; i < nRows; i++) w[i] = poisson1(rng);
    } else if (strataRows !== null) {
      for (const rows of strataRows) {
        for (let k = 0; k < rows.length; k++) {
          const i = rows[rng.nextInt(rows.length)] as number;
          w[i] = (w[i] as number) + 1;
        }
      }
    } else {
      for (let k = 0; k < nRows; k++) {
        const i = rng.nextInt(nRows);
        w[i] = (w[i] as number) + 1;
      }
    }
    stats[b] = metric(w);
  }
  return percentileInterval(stats, estimate, confidence, poissonMode ? "poisson-bootstrap" : "percentile-bootstrap", seed);
}
