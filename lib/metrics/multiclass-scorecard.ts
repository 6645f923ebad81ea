/**
 * The scorecard of a multiclass classifier: accuracy, balanced accuracy, macro and weighted
 * precision / recall / F1 (scikit-learn 1.5, `zero_division=0`), and with class probabilities log
 * loss (scikit-learn) and top-label expected calibration error (torchmetrics, l1, 15 bins), each
 * with a seeded percentile bootstrap interval and the "too few rows to judge" rule; plus the
 * per-class table (sklearn `classification_report`) and the confusion matrix.
 *
 * Classes: the sorted union of the labels in `yTrue`, `yPred` and the optional `labels` (the
 * model's classes); probability columns follow that order. Averages (macro, weighted, balanced)
 * are scikit-learn's without a `labels` argument, so a class that appears in neither `yTrue` nor
 * `yPred` (of the data or of a resample) does not enter them; a class never predicted has
 * precision 0 and a class absent from `yTrue` recall 0 (`zero_division=0`).
 *
 * Resampling (seeded xoshiro128**, 1,000 resamples by default):
 * - up to 100,000 rows, classic percentile bootstrap (n rows drawn with replacement). Without
 *   probabilities every metric is a function of the confusion matrix, and the resampled matrix is
 *   drawn exactly as Multinomial(n, cell shares); with probabilities the same Multinomial draw is
 *   made over (cell, calibration bin, top class right) groups and each group's rows are then
 *   drawn uniformly within it, summing their exact log-loss and confidence terms (the same
 *   distribution as n draws over all rows);
 * - above 100,000 rows, Poisson bootstrap (each row weighted by Poisson(1)). A cell of m rows then
 *   has total weight exactly Poisson(m): without probabilities each confusion-matrix cell gets one
 *   Poisson(count) draw ("poisson-bootstrap", nothing binned). With probabilities the rows are
 *   grouped by (true class, predicted class, calibration bin, top class right or wrong), ordered by
 *   their log-loss term within each group (a histogram of up to 1,024 levels, no sort) and cut
 *   into about 2,048 chunks overall that never cross a group; each chunk gets one Poisson(rows)
 *   draw, so counts (all count metrics, calibration bin counts and accuracies)
 *   stay exact in distribution, and the log-loss sum and calibration confidence sum use the chunk
 *   averages ("binned-poisson-bootstrap", with the share of row-level variation this replaces as
 *   `binnedShare`).
 */
import { MetricInputError } from "./errors";
import { LOG_LOSS_EPS } from "./classification/log-loss";
import { type CategoricalCodes, isCodes } from "./drift/sample";
import { type Label, type LabelArray, compareLabels } from "./internal/labels";
import { type ScoreMatrix, toDense } from "./internal/matrix";
import { torchLinspace } from "./internal/numeric";
import { type PoissonSampler, poissonSampler } from "./internal/poisson-sampler";
import { POISSON_BOOTSTRAP_MIN_ROWS } from "./uncertainty/bootstrap-ci";
import { type BootstrapMethod, type ConfidenceInterval, percentileInterval } from "./uncertainty/percentile-interval";
import { Xoshiro128 } from "./uncertainty/prng";
import { multinomial, poisson } from "./uncertainty/samplers";
import { MIN_ROWS_PERFORMANCE, type SampleSizeVerdict, performanceSampleSize } from "./uncertainty/sample-size";

/** Headline metrics of {@link multiclassScorecard} (peers in {@link MULTICLASS_SCORECARD_PEERS}). */
export type MulticlassMetricName =
  | "accuracy"
  | "balancedAccuracy"
  | "macroPrecision"
  | "macroRecall"
  | "macroF1"
  | "weightedPrecision"
  | "weightedRecall"
  | "weightedF1"
  | "logLoss"
  | "calibrationError";

/** The metrics that need class probabilities. */
export type MulticlassProbabilityMetric = "logLoss" | "calibrationError";

/** The peer call each multiclass scorecard metric agrees with. */
export const MULTICLASS_SCORECARD_PEERS: Readonly<Record<MulticlassMetricName, string>> = Object.freeze({
  accuracy: "sklearn.metrics.accuracy_score",
  balancedAccuracy: "sklearn.metrics.balanced_accuracy_score",
  macroPrecision: "sklearn.metrics.precision_score (average='macro', zero_division=0)",
  macroRecall: "sklearn.metrics.recall_score (average='macro', zero_division=0)",
  macroF1: "sklearn.metrics.f1_score (average='macro', zero_division=0)",
  weightedPrecision: "sklearn.metrics.precision_score (average='weighted', zero_division=0)",
  weightedRecall: "sklearn.metrics.recall_score (average='weighted', zero_division=0)",
  weightedF1: "sklearn.metrics.f1_score (average='weighted', zero_division=0)",
  logLoss: "sklearn.metrics.log_loss (labels = classes)",
  calibrationError: "torchmetrics multiclass_calibration_error (l1, 15 bins)",
});

const COUNT_NAMES = [
  "accuracy",
  "balancedAccuracy",
  "macroPrecision",
  "macroRecall",
  "macroF1",
  "weightedPrecision",
  "weightedRecall",
  "weightedF1",
] as const;
const ALL_NAMES: readonly MulticlassMetricName[] = [...COUNT_NAMES, "logLoss", "calibrationError"];

/** Class labels: numbers, strings (null = missing, an error), or dictionary codes (negative = missing, an error). */
export type MulticlassLabels = LabelArray | readonly (string | null)[] | CategoricalCodes;

/** Input of {@link multiclassScorecard}. */
export interface MulticlassScorecardInput {
  yTrue: MulticlassLabels;
  /** Predicted classes. */
  yPred: MulticlassLabels;
  /** Class probabilities, N x C, columns in sorted class order (as `log_loss`). */
  yProb?: ScoreMatrix;
  /** All classes of the model (when the data need not contain every class); sorted before use. */
  labels?: readonly Label[];
}

/** Options of {@link multiclassScorecard}. */
export interface MulticlassScorecardOptions {
  /** Default 1,000. */
  resamples?: number;
  /** Default 0. */
  seed?: number;
  /** Default 0.95. */
  confidence?: number;
  /** "auto" (default): classic up to 100,000 rows, Poisson above. */
  method?: "auto" | "classic" | "poisson";
  /** Policy minimum of labelled rows; default 100 (below it: "too few rows to judge"). */
  minRows?: number;
  /** Calibration bins (torchmetrics default 15). */
  calibrationBins?: number;
  /** Chunks for the binned Poisson bootstrap with probabilities; default 2,048. */
  chunks?: number;
}

/** One headline metric with its peer, bootstrap interval and sample-size verdict. */
export interface MulticlassScorecardMetric {
  name: MulticlassMetricName;
  peer: string;
  value: number;
  ci: ConfidenceInterval;
  sampleSize: SampleSizeVerdict;
}

/** One row of sklearn.metrics.classification_report, plus the rows predicted as the class. */
export interface ClassReport {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Rows whose true class this is. */
  support: number;
  /** Rows predicted as this class. */
  predicted: number;
}

/** The headline metrics by name; logLoss and calibrationError only with probabilities. */
export type MulticlassScorecardMetrics = Record<Exclude<MulticlassMetricName, MulticlassProbabilityMetric>, MulticlassScorecardMetric> &
  Partial<Record<MulticlassProbabilityMetric, MulticlassScorecardMetric>>;

/** Result of {@link multiclassScorecard}. */
export interface MulticlassScorecard {
  rows: number;
  /** Classes in sorted order (as strings). */
  classes: string[];
  /** How the intervals were drawn. */
  method: BootstrapMethod;
  /** logLoss and calibrationError only with probabilities. */
  metrics: MulticlassScorecardMetrics;
  /** sklearn.metrics.classification_report per class (zero_division=0), in class order. */
  perClass: ClassReport[];
  /** sklearn.metrics.confusion_matrix(labels=classes): rows true, columns predicted. */
  confusionMatrix: number[][];
  sampleSize: SampleSizeVerdict;
}

/** One label input: its distinct labels, and a way to encode it once the classes are known. */
interface LabelSource {
  labels: Label[];
  encode: (index: Map<Label, number>) => Int32Array;
}

const MISSING = (name: string): MetricInputError => new MetricInputError(`Input ${name} contains missing labels; leave unlabelled rows out.`);
const UNKNOWN = (label: Label, name: string): MetricInputError => new MetricInputError(`Label ${String(label)} in ${name} is not among the labels.`);

/** Labels of one input: dictionary codes, small integers (table lookups) or any labels (a Map). */
function labelSource(y: MulticlassLabels, name: string): LabelSource {
  if (isCodes(y)) {
    const dict = y.dictionary;
    const used = new Uint8Array(dict.length);
    for (let i = 0; i < y.codes.length; i++) {
      const c = y.codes[i] as number;
      if (!(c >= 0 && c < dict.length)) throw MISSING(name);
      used[c] = 1;
    }
    return {
      labels: dict.filter((_, k) => used[k] === 1),
      encode: (index) => {
        const map = Int32Array.from(dict, (d) => index.get(d) ?? -1);
        const out = new Int32Array(y.codes.length);
        for (let i = 0; i < out.length; i++) {
          const k = map[y.codes[i] as number] as number;
          if (k < 0) throw UNKNOWN(dict[y.codes[i] as number] as string, name);
          out[i] = k;
        }
        return out;
      },
    };
  }
  const a = y as ArrayLike<Label | null>;
  const n = a.length;
  // Small non-negative or negative integers: a lookup table instead of a Map.
  let ints = n > 0 && typeof a[0] === "number";
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n && ints; i++) {
    const v = a[i];
    if (typeof v !== "number" || !Number.isInteger(v)) {
      ints = false;
      break;
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (ints && max - min < 1 << 22) {
    const a2 = a as ArrayLike<number>;
    const used = new Uint8Array(max - min + 1);
    for (let i = 0; i < n; i++) used[(a2[i] as number) - min] = 1;
    const labels: Label[] = [];
    for (let v = 0; v < used.length; v++) if (used[v] === 1) labels.push(v + min);
    return {
      labels,
      encode: (index) => {
        const table = new Int32Array(used.length).fill(-1);
        for (let v = 0; v < used.length; v++) table[v] = index.get(v + min) ?? -1;
        const out = new Int32Array(n);
        for (let i = 0; i < n; i++) {
          const k = table[(a2[i] as number) - min] as number;
          if (k < 0) throw UNKNOWN(a2[i] as number, name);
          out[i] = k;
        }
        return out;
      },
    };
  }
  const seen = new Set<Label>();
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) throw MISSING(name);
    seen.add(v);
  }
  return {
    labels: [...seen],
    encode: (index) => {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const k = index.get(a[i] as Label);
        if (k === undefined) throw UNKNOWN(a[i] as Label, name);
        out[i] = k;
      }
      return out;
    },
  };
}

function lengthOf(y: MulticlassLabels): number {
  return isCodes(y) ? y.codes.length : (y as ArrayLike<unknown>).length;
}

/** Scratch space for metrics from a confusion matrix. */
interface Work {
  C: number;
  sup: Float64Array;
  pred: Float64Array;
  tp: Float64Array;
}

/**
 * Count metrics from a confusion matrix (row-major C x C, rows true) into `out` (COUNT_NAMES
 * order). Averages run over the classes present in yTrue or yPred (support + predicted > 0).
 */
function countMetrics(cm: Float64Array, wk: Work, out: Float64Array): void {
  const { C, sup, pred, tp } = wk;
  sup.fill(0);
  pred.fill(0);
  let N = 0;
  let diag = 0;
  for (let t = 0; t < C; t++) {
    let rs = 0;
    for (let p = 0; p < C; p++) {
      const v = cm[t * C + p] as number;
      rs += v;
      pred[p] = (pred[p] as number) + v;
    }
    sup[t] = rs;
    tp[t] = cm[t * C + t] as number;
    diag += tp[t] as number;
    N += rs;
  }
  let present = 0;
  let withSupport = 0;
  let ba = 0;
  let mp = 0;
  let mr = 0;
  let mf = 0;
  let wp = 0;
  let wr = 0;
  let wf = 0;
  for (let k = 0; k < C; k++) {
    const s = sup[k] as number;
    const q = pred[k] as number;
    if (s + q === 0) continue;
    const x = tp[k] as number;
    present++;
    const prec = q === 0 ? 0 : x / q;
    const rec = s === 0 ? 0 : x / s;
    const f = (2 * x) / (s + q);
    mp += prec;
    mr += rec;
    mf += f;
    wp += s * prec;
    wr += s * rec;
    wf += s * f;
    if (s > 0) {
      withSupport++;
      ba += rec;
    }
  }
  out[0] = diag / N;
  out[1] = ba / withSupport;
  out[2] = mp / present;
  out[3] = mr / present;
  out[4] = mf / present;
  out[5] = wp / N;
  out[6] = wr / N;
  out[7] = wf / N;
}

/** Top-label l1 calibration error from bin sums (torchmetrics `_ce_compute` with norm "l1"). */
function eceFromBins(count: Float64Array, conf: Float64Array, acc: Float64Array): number {
  let total = 0;
  for (let b = 0; b < count.length; b++) total += count[b] as number;
  let e = 0;
  for (let b = 0; b < count.length; b++) {
    const c = count[b] as number;
    if (c === 0) continue;
    e += Math.abs((acc[b] as number) / c - (conf[b] as number) / c) * (c / total);
  }
  return e;
}

/**
 * Scorecard of a multiclass classifier with bootstrap confidence intervals (see the module comment
 * for the class set, the averaging and the resampling). Point values agree with the scikit-learn /
 * torchmetrics peers in {@link MULTICLASS_SCORECARD_PEERS}.
 */
export function multiclassScorecard(input: MulticlassScorecardInput, options: MulticlassScorecardOptions = {}): MulticlassScorecard {
  const n = lengthOf(input.yTrue);
  if (lengthOf(input.yPred) !== n) {
    throw new MetricInputError(`Found input variables with inconsistent numbers of samples: [${n}, ${lengthOf(input.yPred)}]`);
  }
  if (n === 0) throw new MetricInputError("The scorecard needs at least one row.");
  const B = options.resamples ?? 1000;
  if (!(Number.isInteger(B) && B >= 1)) throw new MetricInputError("resamples must be a positive integer.");
  const seed = options.seed ?? 0;
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) throw new MetricInputError("confidence must be in (0, 1).");
  const nBins = options.calibrationBins ?? 15;
  if (!(Number.isInteger(nBins) && nBins >= 1)) throw new MetricInputError(`Expected argument \`n_bins\` to be an integer larger than 0, but got ${nBins}`);
  const methodOpt = options.method ?? "auto";
  const poissonMode = methodOpt === "poisson" || (methodOpt === "auto" && n > POISSON_BOOTSTRAP_MIN_ROWS);

  // Classes: sorted union of labels, yTrue and yPred.
  const srcTrue = labelSource(input.yTrue, "y_true");
  const srcPred = labelSource(input.yPred, "y_pred");
  const labelSet = new Set<Label>([...srcTrue.labels, ...srcPred.labels]);
  if (input.labels !== undefined) {
    const given = new Set<Label>(input.labels);
    for (const l of labelSet) if (!given.has(l)) throw new MetricInputError(`Label ${String(l)} is not among the labels given.`);
    for (const l of given) labelSet.add(l);
  }
  const classLabels = [...labelSet].sort(compareLabels);
  const C = classLabels.length;
  const index = new Map<Label, number>(classLabels.map((l, k) => [l, k]));
  const t = srcTrue.encode(index);
  const p = srcPred.encode(index);

  // Confusion matrix.
  const cell = new Int32Array(n);
  const cm = new Float64Array(C * C);
  for (let i = 0; i < n; i++) {
    const k = (t[i] as number) * C + (p[i] as number);
    cell[i] = k;
    cm[k] = (cm[k] as number) + 1;
  }
  const wk: Work = { C, sup: new Float64Array(C), pred: new Float64Array(C), tp: new Float64Array(C) };
  const pointCounts = new Float64Array(COUNT_NAMES.length);
  countMetrics(cm, wk, pointCounts);

  // Per-row probability terms.
  const hasProb = input.yProb !== undefined;
  const boundaries = torchLinspace(0, 1, nBins + 1);
  const nb = boundaries.length;
  let llTerm: Float64Array | null = null;
  let confTerm: Float64Array | null = null;
  let binOf: Uint16Array | null = null;
  let accOf: Uint8Array | null = null;
  let logLossValue = Number.NaN;
  let eceValue = Number.NaN;
  if (input.yProb !== undefined) {
    let data: ArrayLike<number>;
    let cols: number;
    let rowsM: number;
    const m = input.yProb;
    if (!Array.isArray(m) && typeof m === "object" && "nClasses" in m) {
      const flat = m as { data: ArrayLike<number>; nClasses: number };
      cols = flat.nClasses;
      if (!(cols > 0) || flat.data.length % cols !== 0) {
        throw new MetricInputError(`Score matrix data length ${flat.data.length} is not a multiple of nClasses=${cols}.`);
      }
      data = flat.data;
      rowsM = flat.data.length / cols;
    } else {
      const d = toDense(m);
      data = d.data;
      cols = d.cols;
      rowsM = d.rows;
    }
    if (rowsM !== n) throw new MetricInputError(`Found input variables with inconsistent numbers of samples: [${n}, ${rowsM}]`);
    if (cols !== C) {
      throw new MetricInputError(
        `The number of classes in labels is different from that in y_pred. Classes found in labels: [${classLabels.map(String).join(" ")}] (${C}); probability columns: ${cols}.`,
      );
    }
    llTerm = new Float64Array(n);
    confTerm = new Float64Array(n);
    binOf = new Uint16Array(n);
    accOf = new Uint8Array(n);
    const eps = LOG_LOSS_EPS;
    let llSum = 0;
    const eCount = new Float64Array(nb);
    const eConf = new Float64Array(nb);
    const eAcc = new Float64Array(nb);
    for (let i = 0; i < n; i++) {
      const base = i * C;
      let best = 0;
      let top = -1;
      for (let j = 0; j < C; j++) {
        const v = data[base + j] as number;
        if (!(v >= 0 && v <= 1)) {
          throw new MetricInputError(Number.isNaN(v) ? "Input y_prob contains NaN." : "y_prob contains values outside [0, 1].");
        }
        if (v > top) {
          top = v;
          best = j;
        }
      }
      const ti = t[i] as number;
      let q = data[base + ti] as number;
      q = q < eps ? eps : q > 1 - eps ? 1 - eps : q;
      const ll = -Math.log(q);
      llTerm[i] = ll;
      llSum += ll;
      // torch.bucketize(conf, boundaries, right=True) - 1: the last boundary <= conf. The
      // boundaries are within an ulp or so of k / nBins, so start there and step.
      let b = Math.min(nb - 1, Math.floor(top * nBins));
      while (b + 1 < nb && (boundaries[b + 1] as number) <= top) b++;
      while (b > 0 && (boundaries[b] as number) > top) b--;
      const a = best === ti ? 1 : 0;
      confTerm[i] = top;
      binOf[i] = b;
      accOf[i] = a;
      eCount[b] = (eCount[b] as number) + 1;
      eConf[b] = (eConf[b] as number) + top;
      eAcc[b] = (eAcc[b] as number) + a;
    }
    // log_loss needs at least two classes (scikit-learn raises); undefined here.
    logLossValue = C >= 2 ? llSum / n : Number.NaN;
    eceValue = eceFromBins(eCount, eConf, eAcc);
  }

  // Resampling.
  const rng = new Xoshiro128(seed);
  const nStats = hasProb ? ALL_NAMES.length : COUNT_NAMES.length;
  const samples: Float64Array[] = Array.from({ length: nStats }, () => new Float64Array(B));
  const rcm = new Float64Array(C * C);
  const outCounts = new Float64Array(COUNT_NAMES.length);
  const rCount = new Float64Array(nb);
  const rConf = new Float64Array(nb);
  const rAcc = new Float64Array(nb);
  const record = (b: number, llSum: number): void => {
    countMetrics(rcm, wk, outCounts);
    for (let k = 0; k < COUNT_NAMES.length; k++) (samples[k] as Float64Array)[b] = outCounts[k] as number;
    if (hasProb) {
      let N = 0;
      for (let k = 0; k < rcm.length; k++) N += rcm[k] as number;
      (samples[8] as Float64Array)[b] = C >= 2 ? llSum / N : Number.NaN;
      (samples[9] as Float64Array)[b] = eceFromBins(rCount, rConf, rAcc);
    }
  };
  let method: BootstrapMethod;
  let binnedShare: Partial<Record<MulticlassMetricName, number>> | undefined;
  const nonZero: number[] = [];
  for (let k = 0; k < cm.length; k++) if ((cm[k] as number) > 0) nonZero.push(k);
  const nzCounts = Float64Array.from(nonZero, (k) => cm[k] as number);
  if (!hasProb) {
    const draw = new Float64Array(nonZero.length);
    method = poissonMode ? "poisson-bootstrap" : "percentile-bootstrap";
    for (let b = 0; b < B; b++) {
      rcm.fill(0);
      if (poissonMode) {
        for (let j = 0; j < nonZero.length; j++) rcm[nonZero[j] as number] = poisson(rng, nzCounts[j] as number);
      } else {
        multinomial(rng, n, nzCounts, draw);
        for (let j = 0; j < nonZero.length; j++) rcm[nonZero[j] as number] = draw[j] as number;
      }
      record(b, 0);
    }
  } else {
    const groups = groupRows(cell, binOf as Uint16Array, accOf as Uint8Array, nb);
    const G = groups.size.length;
    const ll = llTerm as Float64Array;
    const cf = confTerm as Float64Array;
    if (!poissonMode) {
      // Classic: n rows drawn with replacement = group counts ~ Multinomial(n, group shares),
      // then that many rows drawn uniformly within each group (exact log-loss and confidence terms).
      method = "percentile-bootstrap";
      const sorted = sortByGroup(groups, ll, cf);
      const terms = sorted.terms;
      const W = new Float64Array(G);
      for (let b = 0; b < B; b++) {
        multinomial(rng, n, groups.size, W);
        rcm.fill(0);
        rCount.fill(0);
        rConf.fill(0);
        rAcc.fill(0);
        let llSum = 0;
        for (let g = 0; g < G; g++) {
          const w = W[g] as number;
          if (w === 0) continue;
          const start = sorted.start[g] as number;
          const m = groups.size[g] as number;
          let L = 0;
          let F = 0;
          for (let r = 0; r < w; r++) {
            const k = (start + rng.nextInt(m)) * 2;
            L += terms[k] as number;
            F += terms[k + 1] as number;
          }
          const c = groups.cell[g] as number;
          const e = groups.bin[g] as number;
          rcm[c] = (rcm[c] as number) + w;
          llSum += L;
          rCount[e] = (rCount[e] as number) + w;
          rConf[e] = (rConf[e] as number) + F;
          rAcc[e] = (rAcc[e] as number) + w * (groups.acc[g] as number);
        }
        record(b, llSum);
      }
    } else {
      method = "binned-poisson-bootstrap";
      const chunks = buildChunks(groups, ll, cf, options.chunks ?? 2048);
      binnedShare = { logLoss: chunks.llShare, calibrationError: chunks.confShare };
      const J = chunks.count.length;
      const draw = Array.from(chunks.count, (m) => poissonSampler(m));
      for (let b = 0; b < B; b++) {
        rcm.fill(0);
        rCount.fill(0);
        rConf.fill(0);
        rAcc.fill(0);
        let llSum = 0;
        for (let j = 0; j < J; j++) {
          const W = (draw[j] as PoissonSampler)(rng);
          if (W === 0) continue;
          const c = chunks.cell[j] as number;
          rcm[c] = (rcm[c] as number) + W;
          llSum += W * (chunks.meanLl[j] as number);
          const e = chunks.bin[j] as number;
          rCount[e] = (rCount[e] as number) + W;
          rConf[e] = (rConf[e] as number) + W * (chunks.meanConf[j] as number);
          rAcc[e] = (rAcc[e] as number) + W * (chunks.acc[j] as number);
        }
        record(b, llSum);
      }
    }
  }

  const sampleSize = performanceSampleSize(n, undefined, { minRows: options.minRows ?? MIN_ROWS_PERFORMANCE });
  const values: Partial<Record<MulticlassMetricName, number>> = {};
  COUNT_NAMES.forEach((name, k) => (values[name] = pointCounts[k] as number));
  if (hasProb) {
    values.logLoss = logLossValue;
    values.calibrationError = eceValue;
  }
  const metrics = {} as MulticlassScorecardMetrics;
  ALL_NAMES.slice(0, nStats).forEach((name, k) => {
    const ci = percentileInterval(samples[k] as Float64Array, values[name] as number, confidence, method, seed);
    if (method === "binned-poisson-bootstrap") ci.binnedShare = binnedShare?.[name] ?? 0;
    metrics[name] = { name, peer: MULTICLASS_SCORECARD_PEERS[name], value: values[name] as number, ci, sampleSize: { ...sampleSize } };
  });

  const classes = classLabels.map(String);
  const confusion: number[][] = [];
  for (let r = 0; r < C; r++) confusion.push(Array.from(cm.subarray(r * C, (r + 1) * C)));
  const perClass: ClassReport[] = classes.map((label, k) => {
    let s = 0;
    let q = 0;
    for (let j = 0; j < C; j++) {
      s += cm[k * C + j] as number;
      q += cm[j * C + k] as number;
    }
    const x = cm[k * C + k] as number;
    return {
      label,
      precision: q === 0 ? 0 : x / q,
      recall: s === 0 ? 0 : x / s,
      f1: s + q === 0 ? 0 : (2 * x) / (s + q),
      support: s,
      predicted: q,
    };
  });
  return { rows: n, classes, method, metrics, perClass, confusionMatrix: confusion, sampleSize };
}

/** Rows grouped by (confusion cell, calibration bin, top class right or wrong). */
interface Groups {
  /** Group of every row (0..G-1, groups in ascending key order). */
  of: Int32Array;
  size: Float64Array;
  cell: Int32Array;
  bin: Uint16Array;
  acc: Uint8Array;
}

function groupRows(cell: Int32Array, bin: Uint16Array, acc: Uint8Array, nb: number): Groups {
  const n = cell.length;
  const keyOf = (i: number): number => ((cell[i] as number) * nb + (bin[i] as number)) * 2 + (acc[i] as number);
  // Compact the occupied keys (a dense table while the key space is small, a Map otherwise).
  let maxKey = 0;
  for (let i = 0; i < n; i++) maxKey = Math.max(maxKey, keyOf(i));
  const seen: number[] = [];
  const of = new Int32Array(n);
  if (maxKey < 1 << 24) {
    const table = new Int32Array(maxKey + 1).fill(-1);
    for (let i = 0; i < n; i++) {
      const k = keyOf(i);
      if (table[k] === -1) {
        table[k] = 0;
        seen.push(k);
      }
    }
    seen.sort((x, y) => x - y);
    seen.forEach((k, g) => (table[k] = g));
    for (let i = 0; i < n; i++) of[i] = table[keyOf(i)] as number;
  } else {
    const map = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const k = keyOf(i);
      if (!map.has(k)) {
        map.set(k, 0);
        seen.push(k);
      }
    }
    seen.sort((x, y) => x - y);
    seen.forEach((k, g) => map.set(k, g));
    for (let i = 0; i < n; i++) of[i] = map.get(keyOf(i)) as number;
  }
  const G = seen.length;
  const size = new Float64Array(G);
  for (let i = 0; i < n; i++) size[of[i] as number] = (size[of[i] as number] as number) + 1;
  return {
    of,
    size,
    cell: Int32Array.from(seen, (k) => Math.floor(k / (2 * nb))),
    bin: Uint16Array.from(seen, (k) => Math.floor(k / 2) % nb),
    acc: Uint8Array.from(seen, (k) => k % 2),
  };
}

/**
 * Log-loss and confidence terms laid out group after group (a stable counting sort), interleaved
 * as [ll, conf] pairs so that one random draw touches one cache line.
 */
function sortByGroup(groups: Groups, ll: Float64Array, conf: Float64Array): { start: Float64Array; terms: Float64Array } {
  const n = ll.length;
  const G = groups.size.length;
  const start = new Float64Array(G);
  for (let g = 1; g < G; g++) start[g] = (start[g - 1] as number) + (groups.size[g - 1] as number);
  const next = Float64Array.from(start);
  const terms = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const g = groups.of[i] as number;
    const k = next[g] as number;
    next[g] = k + 1;
    terms[2 * k] = ll[i] as number;
    terms[2 * k + 1] = conf[i] as number;
  }
  return { start, terms };
}

/** -ln(eps): the largest log-loss term after clipping. */
const MAX_LL = -Math.log(LOG_LOSS_EPS);

interface Chunks {
  count: Float64Array;
  cell: Int32Array;
  bin: Uint16Array;
  acc: Uint8Array;
  meanLl: Float64Array;
  meanConf: Float64Array;
  llShare: number;
  confShare: number;
}

/**
 * Chunks of about n / target rows that never cross a group: within each group the rows are
 * ordered by their log-loss term, quantised to L levels on a square-root scale (a histogram, no
 * sort), and consecutive levels are merged while a chunk stays within n / target rows (a
 * single level with more rows is a chunk of its own). Also
 * returns the share of the log-loss and confidence sums of squares that lies within chunks.
 */
function buildChunks(groups: Groups, ll: Float64Array, conf: Float64Array, target: number): Chunks {
  const n = ll.length;
  const G = groups.size.length;
  const size = Math.max(1, Math.ceil(n / Math.max(1, target)));
  // Levels per group: up to 1,024, fewer when there are many groups (the histogram stays <= 4M cells).
  let L = 1024;
  while (L > 16 && G * L > 1 << 22) L >>= 1;
  const level = new Int32Array(n);
  const hist = new Int32Array(G * L);
  for (let i = 0; i < n; i++) {
    const lv = Math.min(L - 1, Math.floor(Math.sqrt((ll[i] as number) / MAX_LL) * L));
    const h = (groups.of[i] as number) * L + lv;
    level[i] = h;
    hist[h] = (hist[h] as number) + 1;
  }
  // Assign each (group, level) cell to a chunk, in order.
  const chunkOf = new Int32Array(G * L);
  const cells: number[] = [];
  const bins: number[] = [];
  const accs: number[] = [];
  let J = 0;
  for (let g = 0; g < G; g++) {
    let filled = 0;
    let open = false;
    for (let lv = 0; lv < L; lv++) {
      const h = g * L + lv;
      const c = hist[h] as number;
      if (c === 0) continue;
      if (open && filled > 0 && filled + c > size) open = false;
      if (!open) {
        cells.push(groups.cell[g] as number);
        bins.push(groups.bin[g] as number);
        accs.push(groups.acc[g] as number);
        J++;
        open = true;
        filled = 0;
      }
      chunkOf[h] = J - 1;
      filled += c;
    }
  }
  const count = new Float64Array(J);
  const sl = new Float64Array(J);
  const sl2 = new Float64Array(J);
  const sc = new Float64Array(J);
  const sc2 = new Float64Array(J);
  for (let i = 0; i < n; i++) {
    const j = chunkOf[level[i] as number] as number;
    const l = ll[i] as number;
    const c = conf[i] as number;
    count[j] = (count[j] as number) + 1;
    sl[j] = (sl[j] as number) + l;
    sl2[j] = (sl2[j] as number) + l * l;
    sc[j] = (sc[j] as number) + c;
    sc2[j] = (sc2[j] as number) + c * c;
  }
  let totLl = 0;
  let totLl2 = 0;
  let totCf = 0;
  let totCf2 = 0;
  let withinLl = 0;
  let withinCf = 0;
  const meanLl = new Float64Array(J);
  const meanConf = new Float64Array(J);
  for (let j = 0; j < J; j++) {
    const m = count[j] as number;
    meanLl[j] = (sl[j] as number) / m;
    meanConf[j] = (sc[j] as number) / m;
    totLl += sl[j] as number;
    totLl2 += sl2[j] as number;
    totCf += sc[j] as number;
    totCf2 += sc2[j] as number;
    withinLl += (sl2[j] as number) - (sl[j] as number) ** 2 / m;
    withinCf += (sc2[j] as number) - (sc[j] as number) ** 2 / m;
  }
  const share = (within: number, tot: number, tot2: number): number => {
    const ss = tot2 - (tot * tot) / n;
    return ss > 0 ? Math.min(1, Math.max(0, within) / ss) : 0;
  };
  return {
    count,
    cell: Int32Array.from(cells),
    bin: Uint16Array.from(bins),
    acc: Uint8Array.from(accs),
    meanLl,
    meanConf,
    llShare: share(withinLl, totLl, totLl2),
    confShare: share(withinCf, totCf, totCf2),
  };
}
