/**
 * The scorecard entry point for a binary classifier: accuracy, precision, recall, F1, ROC AUC,
 * log loss, Brier score and expected calibration error, each with a seeded percentile bootstrap
 * confidence interval and the "too few rows to judge" rule (performance: fewer than 100 labelled
 * rows or fewer than 10 of either class by default; the policy may set other minimums).
 *
 * Point estimates use the same formulas as the peer functions (scikit-learn 1.5, torchmetrics)
 * on exact counts. Resampling:
 * - up to 100,000 rows: classic percentile bootstrap, every resample draws n rows with
 *   replacement (xoshiro128**), and all eight metrics are computed on the same resample in one
 *   pass over the rows pre-sorted by score;
 * - above 100,000 rows: Poisson bootstrap on binned sufficient statistics. Rows are sorted by
 *   score once and cut into about 2,048 score bins per class, with cuts forced at the decision
 *   threshold and at the calibration bin edges (so every bin has one decision and one calibration
 *   bin). A Poisson bootstrap weights each row by Poisson(1); the total weight of a cell of m rows
 *   is then exactly Poisson(m), so each (bin, class) cell gets one Poisson(m) draw per resample.
 *   Count metrics (accuracy, precision, recall, F1) are therefore exact in distribution; value
 *   sums (log loss, Brier, calibration confidence) and same-bin ROC pairs use the bin average
 *   given the drawn weights, and the share this affects is reported as `binnedShare`.
 */
import { MetricInputError } from "./errors";
import { LOG_LOSS_EPS } from "./classification/log-loss";
import { argsortFloat64 } from "./internal/sort";
import { torchLinspace } from "./internal/numeric";
import { Xoshiro128 } from "./uncertainty/prng";
import { type BootstrapMethod, type ConfidenceInterval, percentileInterval } from "./uncertainty/percentile-interval";
import { poisson } from "./uncertainty/samplers";
import { POISSON_BOOTSTRAP_MIN_ROWS } from "./uncertainty/bootstrap-ci";
import { MIN_ROWS_PERFORMANCE, MIN_ROWS_PER_CLASS, type SampleSizeVerdict, performanceSampleSize } from "./uncertainty/sample-size";

export type ScorecardMetricName =
  | "accuracy"
  | "precision"
  | "recall"
  | "f1"
  | "rocAuc"
  | "logLoss"
  | "brier"
  | "calibrationError";

export const SCORECARD_PEERS: Record<ScorecardMetricName, string> = {
  accuracy: "sklearn.metrics.accuracy_score",
  precision: "sklearn.metrics.precision_score",
  recall: "sklearn.metrics.recall_score",
  f1: "sklearn.metrics.f1_score",
  rocAuc: "sklearn.metrics.roc_auc_score",
  logLoss: "sklearn.metrics.log_loss",
  brier: "sklearn.metrics.brier_score_loss",
  calibrationError: "torchmetrics binary_calibration_error (l1, 15 bins)",
};

export interface ScorecardInput {
  /** True labels, 0/1 (1 = positive). */
  yTrue: ArrayLike<number>;
  /** Score = probability of the positive class, in [0, 1]. */
  yScore: ArrayLike<number>;
  /** Decision threshold: predicted positive when `score >= threshold`; default 0.5. */
  threshold?: number;
}

export interface ScorecardOptions {
  resamples?: number;
  seed?: number;
  confidence?: number;
  /** "auto": classic up to 100,000 rows, binned Poisson above. */
  method?: "auto" | "classic" | "poisson";
  /** Calibration error bins (torchmetrics default 15). */
  calibrationBins?: number;
  /** Score bins per class for the binned Poisson bootstrap; default 2,048. */
  scoreBins?: number;
  /** Policy minimum of labelled rows; default 100 (below it: "too few rows to judge"). */
  minRows?: number;
  /** Policy minimum of rows of each class (positives and negatives); default 10. */
  minPerClass?: number;
}

export interface ScorecardMetric {
  name: ScorecardMetricName;
  peer: string;
  value: number;
  ci: ConfidenceInterval;
  sampleSize: SampleSizeVerdict;
}

export interface Scorecard {
  rows: number;
  positives: number;
  threshold: number;
  confusion: { tp: number; fp: number; tn: number; fn: number };
  metrics: Record<ScorecardMetricName, ScorecardMetric>;
}

const NAMES: readonly ScorecardMetricName[] = ["accuracy", "precision", "recall", "f1", "rocAuc", "logLoss", "brier", "calibrationError"];

interface Stats {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  aucNum: number;
  pos: number;
  neg: number;
  ll: number;
  brier: number;
  total: number;
  eceCount: Float64Array;
  eceConf: Float64Array;
  eceAcc: Float64Array;
}

function metricsFromStats(s: Stats): Record<ScorecardMetricName, number> {
  const pp = s.tp + s.fp;
  const ap = s.tp + s.fn;
  let ece = 0;
  let tot = 0;
  for (let b = 0; b < s.eceCount.length; b++) tot += s.eceCount[b] as number;
  for (let b = 0; b < s.eceCount.length; b++) {
    const c = s.eceCount[b] as number;
    if (c === 0) continue;
    ece += Math.abs((s.eceAcc[b] as number) / c - (s.eceConf[b] as number) / c) * (c / tot);
  }
  return {
    accuracy: (s.tp + s.tn) / s.total,
    precision: pp === 0 ? 0 : s.tp / pp,
    recall: ap === 0 ? 0 : s.tp / ap,
    f1: 2 * s.tp + s.fp + s.fn === 0 ? 0 : (2 * s.tp) / (2 * s.tp + s.fp + s.fn),
    rocAuc: s.pos === 0 || s.neg === 0 ? Number.NaN : s.aucNum / (s.pos * s.neg),
    logLoss: s.ll / s.total,
    brier: s.brier / s.total,
    calibrationError: ece,
  };
}

function emptyStats(nb: number): Stats {
  return {
    tp: 0,
    fp: 0,
    tn: 0,
    fn: 0,
    aucNum: 0,
    pos: 0,
    neg: 0,
    ll: 0,
    brier: 0,
    total: 0,
    eceCount: new Float64Array(nb),
    eceConf: new Float64Array(nb),
    eceAcc: new Float64Array(nb),
  };
}

/** Rows permuted into ascending score order, with tie groups, for sequential passes. */
interface SortedRows {
  n: number;
  score: Float64Array;
  truth: Uint8Array;
  ece: Uint16Array;
  ll: Float64Array;
  br: Float64Array;
  /** End (exclusive) of each tie group. */
  groupEnd: Uint32Array;
  /** 1 on the last row of each tie group. */
  isLast: Uint8Array;
  /** Multiplicity 1 for every row (the point estimate). */
  ones: Int32Array;
}

function sortRows(
  order: Uint32Array,
  score: ArrayLike<number>,
  truth: Uint8Array,
  eceBin: Uint16Array,
  llTerm: Float64Array,
  brTerm: Float64Array,
): SortedRows {
  const n = order.length;
  const r: SortedRows = {
    n,
    score: new Float64Array(n),
    truth: new Uint8Array(n),
    ece: new Uint16Array(n),
    ll: new Float64Array(n),
    br: new Float64Array(n),
    groupEnd: new Uint32Array(0),
    isLast: new Uint8Array(n),
    ones: new Int32Array(n).fill(1),
  };
  const ends: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    r.score[k] = score[i] as number;
    r.truth[k] = truth[i] as number;
    r.ece[k] = eceBin[i] as number;
    r.ll[k] = llTerm[i] as number;
    r.br[k] = brTerm[i] as number;
    if (k > 0 && r.score[k] !== r.score[k - 1]) ends.push(k);
  }
  ends.push(n);
  r.groupEnd = Uint32Array.from(ends);
  for (const e of ends) r.isLast[e - 1] = 1;
  return r;
}

/** One pass over the sorted rows with row multiplicities (1 for the point estimate). */
function passSorted(rows: SortedRows, threshold: number, nb: number, w: Int32Array): Stats {
  const s = emptyStats(nb);
  const { score, truth, ece, ll, br, isLast } = rows;
  const n = rows.n;
  const eceCount = s.eceCount;
  const eceConf = s.eceConf;
  const eceAcc = s.eceAcc;
  let cumNeg = 0;
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  let sll = 0;
  let sbr = 0;
  let aucNum = 0;
  let gPos = 0;
  let gAll = 0;
  // Branch-free accumulation: rows not drawn have multiplicity 0 and add nothing.
  for (let k = 0; k < n; k++) {
    const wi = w[k] as number;
    gPos += wi * (truth[k] as number);
    gAll += wi;
    sll += wi * (ll[k] as number);
    sbr += wi * (br[k] as number);
    if (isLast[k] === 1 && gAll > 0) {
      const v = score[k] as number;
      const gNeg = gAll - gPos;
      const b = ece[k] as number;
      eceCount[b] = (eceCount[b] as number) + gAll;
      eceAcc[b] = (eceAcc[b] as number) + gPos;
      eceConf[b] = (eceConf[b] as number) + gAll * v;
      if (v >= threshold) {
        tp += gPos;
        fp += gNeg;
      } else {
        fn += gPos;
        tn += gNeg;
      }
      aucNum += gPos * (cumNeg + 0.5 * gNeg);
      cumNeg += gNeg;
      gPos = 0;
      gAll = 0;
    }
  }
  s.tp = tp;
  s.fp = fp;
  s.tn = tn;
  s.fn = fn;
  s.ll = sll;
  s.brier = sbr;
  s.aucNum = aucNum;
  s.pos = tp + fn;
  s.neg = tn + fp;
  s.total = s.pos + s.neg;
  return s;
}

interface Cells {
  nCells: number;
  count: Float64Array; // per cell (bin*2 + label)
  pred: Uint8Array; // per bin
  ece: Uint16Array; // per bin
  meanScore: Float64Array; // per cell
  meanLl: Float64Array;
  meanBr: Float64Array;
  conc: Float64Array; // per bin: within-bin concordant pos/neg pairs (+1/2 ties)
  nBins: number;
  binnedShare: Record<ScorecardMetricName, number>;
}

function buildCells(rows: SortedRows, threshold: number, targetBins: number): Cells {
  const n = rows.n;
  const score = rows.score;
  const truth = rows.truth;
  const eceBin = rows.ece;
  const llTerm = rows.ll;
  const brTerm = rows.br;
  const target = Math.max(1, Math.ceil(n / targetBins));
  const counts: number[] = [];
  const preds: number[] = [];
  const eces: number[] = [];
  const sScore: number[] = [];
  const sLl: number[] = [];
  const sBr: number[] = [];
  const sLl2: number[] = [];
  const sBr2: number[] = [];
  const sSc2: number[] = [];
  const concs: number[] = [];
  let r = 0;
  while (r < n) {
    const first = score[r] as number;
    const predPos = first >= threshold ? 1 : 0;
    const ece = eceBin[r] as number;
    const c = [0, 0];
    const ss = [0, 0];
    const sl = [0, 0];
    const sb = [0, 0];
    const sl2 = [0, 0];
    const sb2 = [0, 0];
    const ss2 = [0, 0];
    let conc = 0;
    let negBelow = 0;
    let e = r;
    // grow the bin by whole tie groups while it stays on one side of the threshold and in one ECE bin
    while (e < n) {
      const v = score[e] as number;
      const i0 = e;
      if ((v >= threshold ? 1 : 0) !== predPos || (eceBin[i0] as number) !== ece) break;
      if (e - r >= target) break;
      let gPos = 0;
      let gNeg = 0;
      let f = e;
      while (f < n && (score[f] as number) === v) {
        const i = f;
        const t = truth[i] as number;
        if (t === 1) gPos++;
        else gNeg++;
        c[t] = (c[t] as number) + 1;
        ss[t] = (ss[t] as number) + v;
        ss2[t] = (ss2[t] as number) + v * v;
        sl[t] = (sl[t] as number) + (llTerm[i] as number);
        sl2[t] = (sl2[t] as number) + (llTerm[i] as number) ** 2;
        sb[t] = (sb[t] as number) + (brTerm[i] as number);
        sb2[t] = (sb2[t] as number) + (brTerm[i] as number) ** 2;
        f++;
      }
      conc += gPos * (negBelow + 0.5 * gNeg);
      negBelow += gNeg;
      e = f;
    }
    for (const t of [0, 1]) {
      counts.push(c[t] as number);
      sScore.push(ss[t] as number);
      sLl.push(sl[t] as number);
      sBr.push(sb[t] as number);
      sLl2.push(sl2[t] as number);
      sBr2.push(sb2[t] as number);
      sSc2.push(ss2[t] as number);
    }
    preds.push(predPos);
    eces.push(ece);
    concs.push(conc);
    r = e;
  }
  const nBins = preds.length;
  const nCells = nBins * 2;
  const count = Float64Array.from(counts);
  const mean = (sums: number[]): Float64Array => Float64Array.from(sums, (v, k) => ((count[k] as number) > 0 ? v / (count[k] as number) : 0));
  // Within-cell share of the sum of squares (what binning replaces by cell means).
  const share = (sums: number[], sq: number[]): number => {
    let tot = 0;
    let tot2 = 0;
    let within = 0;
    for (let k = 0; k < nCells; k++) {
      const m = count[k] as number;
      tot += sums[k] as number;
      tot2 += sq[k] as number;
      if (m > 0) within += (sq[k] as number) - (sums[k] as number) ** 2 / m;
    }
    const totalSS = tot2 - (tot * tot) / n;
    return totalSS > 0 ? Math.max(0, within) / totalSS : 0;
  };
  let pos = 0;
  let neg = 0;
  let samePairs = 0;
  for (let b = 0; b < nBins; b++) {
    pos += count[2 * b + 1] as number;
    neg += count[2 * b] as number;
    samePairs += (count[2 * b] as number) * (count[2 * b + 1] as number);
  }
  return {
    nCells,
    count,
    pred: Uint8Array.from(preds),
    ece: Uint16Array.from(eces),
    meanScore: mean(sScore),
    meanLl: mean(sLl),
    meanBr: mean(sBr),
    conc: Float64Array.from(concs),
    nBins,
    binnedShare: {
      accuracy: 0,
      precision: 0,
      recall: 0,
      f1: 0,
      rocAuc: pos * neg > 0 ? samePairs / (pos * neg) : 0,
      logLoss: share(sLl, sLl2),
      brier: share(sBr, sBr2),
      calibrationError: share(sScore, sSc2),
    },
  };
}

function statsFromCells(cells: Cells, W: Float64Array, nb: number): Stats {
  const s = emptyStats(nb);
  let cumNeg = 0;
  for (let b = 0; b < cells.nBins; b++) {
    const w0 = W[2 * b] as number;
    const w1 = W[2 * b + 1] as number;
    const n0 = cells.count[2 * b] as number;
    const n1 = cells.count[2 * b + 1] as number;
    let within = 0;
    if (n0 > 0 && n1 > 0) within = (w1 * w0 * (cells.conc[b] as number)) / (n1 * n0);
    s.aucNum += w1 * cumNeg + within;
    cumNeg += w0;
    s.pos += w1;
    s.neg += w0;
    if (cells.pred[b] === 1) {
      s.tp += w1;
      s.fp += w0;
    } else {
      s.fn += w1;
      s.tn += w0;
    }
    s.ll += w0 * (cells.meanLl[2 * b] as number) + w1 * (cells.meanLl[2 * b + 1] as number);
    s.brier += w0 * (cells.meanBr[2 * b] as number) + w1 * (cells.meanBr[2 * b + 1] as number);
    const e = cells.ece[b] as number;
    s.eceCount[e] = (s.eceCount[e] as number) + w0 + w1;
    s.eceConf[e] = (s.eceConf[e] as number) + w0 * (cells.meanScore[2 * b] as number) + w1 * (cells.meanScore[2 * b + 1] as number);
    s.eceAcc[e] = (s.eceAcc[e] as number) + w1;
  }
  s.total = s.pos + s.neg;
  return s;
}

function validate(input: ScorecardInput): { truth: Uint8Array; score: Float64Array } {
  const n = input.yTrue.length;
  if (input.yScore.length !== n) {
    throw new MetricInputError(`Found input variables with inconsistent numbers of samples: [${n}, ${input.yScore.length}]`);
  }
  if (n === 0) throw new MetricInputError("The scorecard needs at least one row.");
  const truth = new Uint8Array(n);
  const score = input.yScore instanceof Float64Array ? input.yScore : Float64Array.from(input.yScore);
  for (let i = 0; i < n; i++) {
    const t = input.yTrue[i] as number;
    if (t !== 0 && t !== 1) throw new MetricInputError(`Labels must be 0 or 1; found ${t}.`);
    truth[i] = t;
    const v = score[i] as number;
    if (!(v >= 0 && v <= 1)) {
      throw new MetricInputError(Number.isNaN(v) ? "Input y_score contains NaN." : "y_prob contains values outside [0, 1].");
    }
  }
  return { truth, score };
}

/**
 * Scorecard of a binary classifier with bootstrap confidence intervals (see the module comment
 * for the resampling scheme). Agrees point-for-point with the scikit-learn/torchmetrics peers
 * listed in {@link SCORECARD_PEERS}.
 */
export function scorecard(input: ScorecardInput, options: ScorecardOptions = {}): Scorecard {
  const { truth, score } = validate(input);
  const n = truth.length;
  const threshold = input.threshold ?? 0.5;
  const B = options.resamples ?? 1000;
  const seed = options.seed ?? 0;
  const confidence = options.confidence ?? 0.95;
  const nEce = options.calibrationBins ?? 15;
  const methodOpt = options.method ?? "auto";
  const poissonMode = methodOpt === "poisson" || (methodOpt === "auto" && n > POISSON_BOOTSTRAP_MIN_ROWS);

  // Per-row terms.
  const boundaries = torchLinspace(0, 1, nEce + 1);
  const eceBin = new Uint16Array(n);
  const llTerm = new Float64Array(n);
  const brTerm = new Float64Array(n);
  const eps = LOG_LOSS_EPS;
  for (let i = 0; i < n; i++) {
    const p = score[i] as number;
    let lo = 0;
    let hi = boundaries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((boundaries[mid] as number) <= p) lo = mid + 1;
      else hi = mid;
    }
    eceBin[i] = lo - 1;
    const t = truth[i] as number;
    const q = t === 1 ? p : 1 - p;
    llTerm[i] = -Math.log(q < eps ? eps : q > 1 - eps ? 1 - eps : q);
    brTerm[i] = (t - p) * (t - p);
  }
  const nbEce = boundaries.length;
  const order = argsortFloat64(score);
  const sorted = sortRows(order, score, truth, eceBin, llTerm, brTerm);
  const point = passSorted(sorted, threshold, nbEce, sorted.ones);
  const values = metricsFromStats(point);

  const rng = new Xoshiro128(seed);
  const samples: Record<ScorecardMetricName, Float64Array> = {
    accuracy: new Float64Array(B),
    precision: new Float64Array(B),
    recall: new Float64Array(B),
    f1: new Float64Array(B),
    rocAuc: new Float64Array(B),
    logLoss: new Float64Array(B),
    brier: new Float64Array(B),
    calibrationError: new Float64Array(B),
  };
  let method: BootstrapMethod;
  let binnedShare: Record<ScorecardMetricName, number> | undefined;
  if (poissonMode) {
    method = "binned-poisson-bootstrap";
    const cells = buildCells(sorted, threshold, options.scoreBins ?? 2048);
    binnedShare = cells.binnedShare;
    const W = new Float64Array(cells.nCells);
    for (let b = 0; b < B; b++) {
      for (let k = 0; k < cells.nCells; k++) W[k] = poisson(rng, cells.count[k] as number);
      const m = metricsFromStats(statsFromCells(cells, W, nbEce));
      for (const name of NAMES) samples[name][b] = m[name];
    }
  } else {
    method = "percentile-bootstrap";
    const w = new Int32Array(n);
    for (let b = 0; b < B; b++) {
      w.fill(0);
      for (let k = 0; k < n; k++) {
        const i = rng.nextInt(n);
        w[i] = (w[i] as number) + 1;
      }
      const m = metricsFromStats(passSorted(sorted, threshold, nbEce, w));
      for (const name of NAMES) samples[name][b] = m[name];
    }
  }
  const positives = point.tp + point.fn;
  const negatives = point.tn + point.fp;
  // The performance rule: 100 labelled rows and 10 of each class (policy defaults), for every metric.
  const sampleSize = performanceSampleSize(n, [negatives, positives], {
    minRows: options.minRows ?? MIN_ROWS_PERFORMANCE,
    minPerClass: options.minPerClass ?? MIN_ROWS_PER_CLASS,
  });
  const metrics = {} as Record<ScorecardMetricName, ScorecardMetric>;
  for (const name of NAMES) {
    const ci = percentileInterval(samples[name], values[name], confidence, method, seed);
    if (binnedShare !== undefined) ci.binnedShare = binnedShare[name];
    metrics[name] = {
      name,
      peer: SCORECARD_PEERS[name],
      value: values[name],
      ci,
      sampleSize: { ...sampleSize },
    };
  }
  return {
    rows: n,
    positives,
    threshold,
    confusion: { tp: point.tp, fp: point.fp, tn: point.tn, fn: point.fn },
    metrics,
  };
}
