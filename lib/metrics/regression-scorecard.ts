/**
 * The scorecard for a regression model: MAE, RMSE, MAPE and R^2 (scikit-learn 1.5) with seeded
 * bootstrap confidence intervals. Up to 100,000 rows: classic percentile bootstrap (n rows drawn
 * with replacement). Above: binned Poisson bootstrap. Rows are sorted by residual and cut into
 * about 2,048 bins; each bin's total Poisson weight is drawn exactly as Poisson(rows in bin), and
 * the per-row sums inside a bin use the bin averages; the share of row-level variation this
 * replaces is reported as `binnedShare`. Fewer than 100 labelled rows (the policy default,
 * `minRows`): "too few rows to judge".
 */
import { MetricInputError } from "./errors";
import { argsortFloat64 } from "./internal/sort";
import { POISSON_BOOTSTRAP_MIN_ROWS } from "./uncertainty/bootstrap-ci";
import { Xoshiro128 } from "./uncertainty/prng";
import { type BootstrapMethod, type ConfidenceInterval, percentileInterval } from "./uncertainty/percentile-interval";
import { poisson } from "./uncertainty/samplers";
import { MIN_ROWS_PERFORMANCE, type SampleSizeVerdict, performanceSampleSize } from "./uncertainty/sample-size";

export type RegressionMetricName = "mae" | "rmse" | "mape" | "r2";

export const REGRESSION_PEERS: Record<RegressionMetricName, string> = {
  mae: "sklearn.metrics.mean_absolute_error",
  rmse: "sklearn.metrics.root_mean_squared_error",
  mape: "sklearn.metrics.mean_absolute_percentage_error",
  r2: "sklearn.metrics.r2_score",
};

export interface RegressionScorecardOptions {
  resamples?: number;
  seed?: number;
  confidence?: number;
  method?: "auto" | "classic" | "poisson";
  /** Residual bins for the binned Poisson bootstrap; default 2,048. */
  bins?: number;
  /** Policy minimum of labelled rows; default 100 (below it: "too few rows to judge"). */
  minRows?: number;
}

export interface RegressionScorecardMetric {
  name: RegressionMetricName;
  peer: string;
  value: number;
  ci: ConfidenceInterval;
  sampleSize: SampleSizeVerdict;
}

export interface RegressionScorecard {
  rows: number;
  metrics: Record<RegressionMetricName, RegressionScorecardMetric>;
}

const NAMES: readonly RegressionMetricName[] = ["mae", "rmse", "mape", "r2"];
const EPS = 2.220446049250313e-16;

/** Sufficient sums: weight, |r|, r^2, |r|/max(|y|, eps), y, y^2. */
type Sums = [number, number, number, number, number, number];

function fromSums(s: Sums): Record<RegressionMetricName, number> {
  const [w, a, q, p, y, y2] = s;
  const ss = y2 - (y * y) / w;
  let r2: number;
  if (w < 2) r2 = Number.NaN;
  else if (q === 0) r2 = 1;
  else if (!(ss > 1e-12 * y2)) r2 = 0;
  else r2 = 1 - q / ss;
  return { mae: a / w, rmse: Math.sqrt(q / w), mape: p / w, r2 };
}

/** Regression scorecard with bootstrap confidence intervals (point values agree with scikit-learn). */
export function regressionScorecard(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: RegressionScorecardOptions = {},
): RegressionScorecard {
  const n = yTrue.length;
  if (yPred.length !== n) throw new MetricInputError(`Found input variables with inconsistent numbers of samples: [${n}, ${yPred.length}]`);
  if (n === 0) throw new MetricInputError("Found array with 0 sample(s) (shape=(0,)) while a minimum of 1 is required.");
  const B = options.resamples ?? 1000;
  const seed = options.seed ?? 0;
  const confidence = options.confidence ?? 0.95;
  const m = options.method ?? "auto";
  const poissonMode = m === "poisson" || (m === "auto" && n > POISSON_BOOTSTRAP_MIN_ROWS);
  const abs = new Float64Array(n);
  const sq = new Float64Array(n);
  const pct = new Float64Array(n);
  const y = new Float64Array(n);
  const res = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = yTrue[i] as number;
    const p = yPred[i] as number;
    if (!Number.isFinite(t) || !Number.isFinite(p)) throw new MetricInputError("Input contains NaN or infinity.");
    const r = t - p;
    res[i] = r;
    abs[i] = Math.abs(r);
    sq[i] = r * r;
    pct[i] = Math.abs(r) / Math.max(Math.abs(t), EPS);
    y[i] = t;
  }
  // Point estimates exactly as scikit-learn (two-pass R^2).
  let sa = 0;
  let sq2 = 0;
  let sp = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sa += abs[i] as number;
    sq2 += sq[i] as number;
    sp += pct[i] as number;
    sy += y[i] as number;
  }
  const mean = sy / n;
  let den = 0;
  for (let i = 0; i < n; i++) den += ((y[i] as number) - mean) ** 2;
  const values: Record<RegressionMetricName, number> = {
    mae: sa / n,
    rmse: Math.sqrt(sq2 / n),
    mape: sp / n,
    r2: n < 2 ? Number.NaN : sq2 === 0 ? 1 : den === 0 ? 0 : 1 - sq2 / den,
  };
  const rng = new Xoshiro128(seed);
  const samples: Record<RegressionMetricName, Float64Array> = { mae: new Float64Array(B), rmse: new Float64Array(B), mape: new Float64Array(B), r2: new Float64Array(B) };
  let method: BootstrapMethod;
  let binnedShare: Record<RegressionMetricName, number> | undefined;
  if (!poissonMode) {
    method = "percentile-bootstrap";
    const w = new Int32Array(n);
    for (let b = 0; b < B; b++) {
      w.fill(0);
      for (let k = 0; k < n; k++) {
        const i = rng.nextInt(n);
        w[i] = (w[i] as number) + 1;
      }
      const s: Sums = [0, 0, 0, 0, 0, 0];
      for (let i = 0; i < n; i++) {
        const wi = w[i] as number;
        if (wi === 0) continue;
        s[0] += wi;
        s[1] += wi * (abs[i] as number);
        s[2] += wi * (sq[i] as number);
        s[3] += wi * (pct[i] as number);
        s[4] += wi * ((y[i] as number) - mean);
        s[5] += wi * ((y[i] as number) - mean) ** 2;
      }
      const r = fromSums(s);
      for (const name of NAMES) samples[name][b] = r[name];
    }
  } else {
    method = "binned-poisson-bootstrap";
    const order = argsortFloat64(res);
    const G = Math.max(1, Math.min(options.bins ?? 2048, n));
    const size = Math.ceil(n / G);
    const nb = Math.ceil(n / size);
    const cnt = new Float64Array(nb);
    const mA = new Float64Array(nb);
    const mQ = new Float64Array(nb);
    const mP = new Float64Array(nb);
    const mY = new Float64Array(nb);
    const mY2 = new Float64Array(nb);
    const within = [0, 0, 0, 0];
    const total = [0, 0, 0, 0];
    const sums = [0, 0, 0, 0];
    for (let b = 0; b < nb; b++) {
      const lo = b * size;
      const hi = Math.min(n, lo + size);
      const c = hi - lo;
      let a = 0;
      let q = 0;
      let p = 0;
      let yy = 0;
      let yy2 = 0;
      const s2 = [0, 0, 0, 0];
      for (let k = lo; k < hi; k++) {
        const i = order[k] as number;
        const yc = (y[i] as number) - mean;
        const vals = [abs[i] as number, sq[i] as number, pct[i] as number, yc];
        a += vals[0] as number;
        q += vals[1] as number;
        p += vals[2] as number;
        yy += yc;
        yy2 += yc * yc;
        for (let t = 0; t < 4; t++) {
          s2[t] = (s2[t] as number) + (vals[t] as number) ** 2;
          total[t] = (total[t] as number) + (vals[t] as number) ** 2;
          sums[t] = (sums[t] as number) + (vals[t] as number);
        }
      }
      cnt[b] = c;
      mA[b] = a / c;
      mQ[b] = q / c;
      mP[b] = p / c;
      mY[b] = yy / c;
      mY2[b] = yy2 / c;
      const binSums = [a, q, p, yy];
      for (let t = 0; t < 4; t++) within[t] = (within[t] as number) + ((s2[t] as number) - (binSums[t] as number) ** 2 / c);
    }
    const share = (t: number): number => {
      const tss = (total[t] as number) - (sums[t] as number) ** 2 / n;
      return tss > 0 ? Math.max(0, within[t] as number) / tss : 0;
    };
    binnedShare = { mae: share(0), rmse: share(1), mape: share(2), r2: Math.max(share(1), share(3)) };
    for (let b = 0; b < B; b++) {
      const s: Sums = [0, 0, 0, 0, 0, 0];
      for (let k = 0; k < nb; k++) {
        const W = poisson(rng, cnt[k] as number);
        if (W === 0) continue;
        s[0] += W;
        s[1] += W * (mA[k] as number);
        s[2] += W * (mQ[k] as number);
        s[3] += W * (mP[k] as number);
        s[4] += W * (mY[k] as number);
        s[5] += W * (mY2[k] as number);
      }
      const r = fromSums(s);
      for (const name of NAMES) samples[name][b] = r[name];
    }
  }
  const metrics = {} as Record<RegressionMetricName, RegressionScorecardMetric>;
  for (const name of NAMES) {
    const ci = percentileInterval(samples[name], values[name], confidence, method, seed);
    if (binnedShare !== undefined) ci.binnedShare = binnedShare[name];
    metrics[name] = { name, peer: REGRESSION_PEERS[name], value: values[name], ci, sampleSize: performanceSampleSize(n, undefined, { minRows: options.minRows ?? MIN_ROWS_PERFORMANCE }) };
  }
  return { rows: n, metrics };
}
