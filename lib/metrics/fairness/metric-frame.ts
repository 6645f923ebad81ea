/**
 * Per-group values of any of a fixed set of metrics, the way fairlearn.metrics.MetricFrame
 * computes them: `overall`, `byGroup`, `groupMin`, `groupMax`, `difference` and `ratio`, with
 * intersections of several sensitive features and aggregation within each control feature value.
 *
 * Everything comes from one pass over the rows into per-(control, group) sums; groups and
 * aggregates reuse `ratesFromCounts` (group-rates.ts) and `aggregateValues` (aggregates.ts).
 * Conventions (METRICS.md "Fairness"):
 * - an empty intersection (no rows) is NaN for every metric, `count` included, and is skipped by
 *   every aggregate (Fairlearn reindexes `by_group` over all feature combinations);
 * - precision, recall and F1 follow scikit-learn's `zero_division` default ("warn", which gives
 *   0): 0/0 is 0; TPR / FPR / TNR / FNR follow Fairlearn's row-normalised confusion matrix, where
 *   0/0 is 0 as well; a selection rate of a group whose weights sum to 0 is NaN;
 * - difference between groups is max - min; to overall it is max |group - overall|; ratio
 *   between groups is min / max; to overall it is the minimum over groups of
 *   min(group / overall, overall / group), so ratios of non-negative metrics are never above 1
 *   and 0/0 is NaN;
 * - with control features, `overall` has one entry per control value combination (the metric on
 *   that slice) and every aggregate is computed within each combination.
 */
import { MetricInputError } from "../errors";
import { type AggregateMethod, aggregateValues } from "./aggregates";
import { type EncodedFeature, type FeatureValues, type SensitiveFeature, combine, encodeFeature } from "./features";
import { type ConfusionCounts, decisions, ratesFromCounts } from "./group-rates";

/** Metrics a {@link MetricFrame} (fairlearn.metrics.MetricFrame) computes; peers in {@link FRAME_METRIC_PEERS}. */
export type FrameMetric =
  | "accuracy"
  | "precision"
  | "recall"
  | "f1"
  | "selectionRate"
  | "truePositiveRate"
  | "falsePositiveRate"
  | "falseNegativeRate"
  | "trueNegativeRate"
  | "count"
  | "meanAbsoluteError"
  | "rootMeanSquaredError"
  | "meanPrediction";

/**
 * The metric function fairlearn.metrics.MetricFrame is given for each {@link FrameMetric}
 * (each called with `sample_weight` through `sample_params`, except `count`).
 */
export const FRAME_METRIC_PEERS: Readonly<Record<FrameMetric, string>> = Object.freeze({
  accuracy: "sklearn.metrics.accuracy_score",
  precision: "sklearn.metrics.precision_score",
  recall: "sklearn.metrics.recall_score",
  f1: "sklearn.metrics.f1_score",
  selectionRate: "fairlearn.metrics.selection_rate",
  truePositiveRate: "fairlearn.metrics.true_positive_rate",
  falsePositiveRate: "fairlearn.metrics.false_positive_rate",
  falseNegativeRate: "fairlearn.metrics.false_negative_rate",
  trueNegativeRate: "fairlearn.metrics.true_negative_rate",
  count: "fairlearn.metrics.count",
  meanAbsoluteError: "sklearn.metrics.mean_absolute_error",
  rootMeanSquaredError: "sklearn.metrics.root_mean_squared_error",
  meanPrediction: "fairlearn.metrics.mean_prediction",
});

/** All {@link FrameMetric} names (fairlearn.metrics.MetricFrame metrics supported here). */
export const FRAME_METRICS: readonly FrameMetric[] = Object.keys(FRAME_METRIC_PEERS) as FrameMetric[];

const DECISION_METRICS = new Set<FrameMetric>([
  "precision",
  "recall",
  "f1",
  "selectionRate",
  "truePositiveRate",
  "falsePositiveRate",
  "falseNegativeRate",
  "trueNegativeRate",
]);
const REGRESSION_METRICS = new Set<FrameMetric>(["meanAbsoluteError", "rootMeanSquaredError", "meanPrediction"]);

/** Input of {@link metricFrame} (fairlearn.metrics.MetricFrame's constructor arguments). */
export interface MetricFrameInput<M extends FrameMetric = FrameMetric> {
  /** One metric or several (fairlearn's `metrics`, a callable or a dict of callables). */
  metrics: M | readonly M[];
  /** True labels (classification) or true values (regression). */
  yTrue: ArrayLike<number>;
  /** Predicted labels (classification) or predicted values (regression). */
  yPred?: ArrayLike<number>;
  /**
   * Scores: classification metrics use the decisions `score >= threshold`; regression metrics use
   * the scores themselves when `yPred` is not given.
   */
  yScore?: ArrayLike<number>;
  /** Decision threshold for `yScore`; default 0.5. */
  threshold?: number;
  /** Positive label of the classification metrics; default 1. */
  posLabel?: number;
  /** Sample weights (fairlearn's `sample_params={"sample_weight": ...}` for every metric but `count`). */
  sampleWeight?: ArrayLike<number>;
  /** One feature's values, or named features (several give their intersections). */
  sensitiveFeatures: FeatureValues | readonly SensitiveFeature[];
  /** Aggregates are computed within each combination of these features' values. */
  controlFeatures?: readonly SensitiveFeature[];
}

/** One row of fairlearn.metrics.MetricFrame.by_group. */
export interface FrameGroupRow<M extends FrameMetric = FrameMetric> {
  /** One label per sensitive feature. */
  group: string[];
  /** One label per control feature (empty without control features). */
  control: string[];
  /** Rows in the group (unweighted); 0 for an empty intersection. */
  rows: number;
  /** NaN for every metric of an empty intersection. */
  values: Record<M, number>;
}

/** fairlearn.metrics.MetricFrame.overall: one entry, or one per control value combination. */
export interface FrameOverallRow<M extends FrameMetric = FrameMetric> {
  control: string[];
  rows: number;
  values: Record<M, number>;
}

/** One aggregate of fairlearn.metrics.MetricFrame (group_min, group_max, difference, ratio) per control combination. */
export interface FrameAggregateRow<M extends FrameMetric = FrameMetric> {
  /** Control values it is computed within (empty without control features). */
  control: string[];
  values: Record<M, number>;
}

/** Options of fairlearn.metrics.MetricFrame.difference and .ratio. */
export interface FrameAggregateOptions {
  /** "between_groups" (default) or "to_overall". */
  method?: AggregateMethod;
}

/** Weighted sums of one (control, group) cell (internal). */
interface CellSums {
  rows: number;
  weight: number;
  correct: number;
  confusion: ConfusionCounts;
  absError: number;
  sqError: number;
  pred: number;
}

function emptyCell(): CellSums {
  return { rows: 0, weight: 0, correct: 0, confusion: { rows: 0, tp: 0, fp: 0, tn: 0, fn: 0 }, absError: 0, sqError: 0, pred: 0 };
}

function addCell(into: CellSums, c: CellSums): void {
  into.rows += c.rows;
  into.weight += c.weight;
  into.correct += c.correct;
  into.confusion.rows += c.confusion.rows;
  into.confusion.tp += c.confusion.tp;
  into.confusion.fp += c.confusion.fp;
  into.confusion.tn += c.confusion.tn;
  into.confusion.fn += c.confusion.fn;
  into.absError += c.absError;
  into.sqError += c.sqError;
  into.pred += c.pred;
}

function metricValue(m: FrameMetric, c: CellSums): number {
  if (c.rows === 0) return Number.NaN;
  const { tp, fp, fn } = c.confusion;
  switch (m) {
    case "count":
      return c.rows;
    case "accuracy":
      return c.weight === 0 ? Number.NaN : c.correct / c.weight;
    case "precision":
      return tp + fp === 0 ? 0 : tp / (tp + fp);
    case "recall":
      return tp + fn === 0 ? 0 : tp / (tp + fn);
    case "f1":
      return 2 * tp + fp + fn === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    case "selectionRate":
    case "truePositiveRate":
    case "falsePositiveRate":
    case "falseNegativeRate":
    case "trueNegativeRate":
      return ratesFromCounts(c.confusion)[m];
    case "meanAbsoluteError":
      return c.weight === 0 ? Number.NaN : c.absError / c.weight;
    case "rootMeanSquaredError":
      return c.weight === 0 ? Number.NaN : Math.sqrt(c.sqError / c.weight);
    case "meanPrediction":
      return c.weight === 0 ? Number.NaN : c.pred / c.weight;
  }
}

function isFeatureList(x: FeatureValues | readonly SensitiveFeature[]): x is readonly SensitiveFeature[] {
  return Array.isArray(x) && x.length > 0 && typeof x[0] === "object" && x[0] !== null && "name" in (x[0] as object);
}

/**
 * Disaggregated metric values, as fairlearn.metrics.MetricFrame: `overall`, `byGroup`, and the
 * aggregates `groupMin()`, `groupMax()`, `difference()` and `ratio()`. Build one with
 * {@link metricFrame}. Aggregates skip NaN (empty intersections) like pandas; with control
 * features each aggregate has one entry per control value combination.
 */
export class MetricFrame<M extends FrameMetric = FrameMetric> {
  /** The metrics computed, in the order given. */
  readonly metrics: M[];
  /** The peer function behind each metric. */
  readonly peers: Record<M, string>;
  readonly sensitiveFeatures: string[];
  readonly controlFeatures: string[];
  /** fairlearn.metrics.MetricFrame.overall (one entry per control value combination, or one). */
  readonly overall: FrameOverallRow<M>[];
  /** fairlearn.metrics.MetricFrame.by_group (control values vary slowest, then features in order). */
  readonly byGroup: FrameGroupRow<M>[];

  constructor(parts: {
    metrics: M[];
    sensitiveFeatures: string[];
    controlFeatures: string[];
    overall: FrameOverallRow<M>[];
    byGroup: FrameGroupRow<M>[];
  }) {
    this.metrics = parts.metrics;
    this.peers = {} as Record<M, string>;
    for (const m of parts.metrics) this.peers[m] = FRAME_METRIC_PEERS[m];
    this.sensitiveFeatures = parts.sensitiveFeatures;
    this.controlFeatures = parts.controlFeatures;
    this.overall = parts.overall;
    this.byGroup = parts.byGroup;
  }

  private aggregate(method: AggregateMethod, pick: "groupMin" | "groupMax" | "difference" | "ratio"): FrameAggregateRow<M>[] {
    return this.overall.map((o) => {
      const key = JSON.stringify(o.control);
      const rows = this.byGroup.filter((g) => JSON.stringify(g.control) === key);
      const values = {} as Record<M, number>;
      for (const m of this.metrics) {
        const vals = rows.map((g) => g.values[m]).filter((v) => !Number.isNaN(v));
        values[m] = aggregateValues(vals, o.values[m], method, o.control)[pick];
      }
      return { control: [...o.control], values };
    });
  }

  /** fairlearn.metrics.MetricFrame.group_min: the smallest group value (NaN skipped), per control combination. */
  groupMin(): FrameAggregateRow<M>[] {
    return this.aggregate("between_groups", "groupMin");
  }

  /** fairlearn.metrics.MetricFrame.group_max: the largest group value (NaN skipped), per control combination. */
  groupMax(): FrameAggregateRow<M>[] {
    return this.aggregate("between_groups", "groupMax");
  }

  /**
   * fairlearn.metrics.MetricFrame.difference: `between_groups` max - min; `to_overall`
   * max |group - overall|.
   */
  difference(options: FrameAggregateOptions = {}): FrameAggregateRow<M>[] {
    const method = options.method ?? "between_groups";
    if (method !== "between_groups" && method !== "to_overall") {
      throw new MetricInputError(`Unrecognised method '${String(method)}' in difference() call`);
    }
    return this.aggregate(method, "difference");
  }

  /**
   * fairlearn.metrics.MetricFrame.ratio: `between_groups` min / max; `to_overall` the minimum over
   * groups of min(group / overall, overall / group). 0/0 is NaN.
   */
  ratio(options: FrameAggregateOptions = {}): FrameAggregateRow<M>[] {
    const method = options.method ?? "between_groups";
    if (method !== "between_groups" && method !== "to_overall") {
      throw new MetricInputError(`Unrecognised method '${String(method)}' in ratio() call`);
    }
    return this.aggregate(method, "ratio");
  }
}

/**
 * Agrees with fairlearn.metrics.MetricFrame(metrics=..., y_true, y_pred, sensitive_features,
 * control_features, sample_params={"sample_weight": w}) for the metrics of {@link FRAME_METRIC_PEERS}.
 * Classification metrics need binary labels (Fairlearn's rates reject more than two values; the
 * positive label is `posLabel`); accuracy alone accepts any labels. Regression metrics use
 * `yPred` (or `yScore` when no `yPred` is given). Rows with a missing sensitive or control value
 * form the group "(missing)".
 */
export function metricFrame<M extends FrameMetric>(input: MetricFrameInput<M>): MetricFrame<M> {
  const n = input.yTrue.length;
  const metrics: M[] = typeof input.metrics === "string" ? [input.metrics as M] : [...(input.metrics as readonly M[])];
  if (metrics.length === 0) throw new MetricInputError("At least one metric is required.");
  for (const m of metrics) {
    if (!(m in FRAME_METRIC_PEERS)) throw new MetricInputError(`Unknown metric '${String(m)}'; expected one of ${FRAME_METRICS.join(", ")}.`);
  }
  if (new Set(metrics).size !== metrics.length) throw new MetricInputError("Metric names must be unique.");
  const sensitive = isFeatureList(input.sensitiveFeatures)
    ? [...input.sensitiveFeatures]
    : [{ name: "sensitive_feature_0", values: input.sensitiveFeatures as FeatureValues }];
  if (sensitive.length === 0) throw new MetricInputError("At least one sensitive feature is required.");
  const w = input.sampleWeight;
  if (w !== undefined) {
    if (w.length !== n) throw new MetricInputError(`sample_weight has ${w.length} rows, expected ${n}.`);
    for (let i = 0; i < n; i++) if (!Number.isFinite(w[i] as number)) throw new MetricInputError("Input sample_weight contains NaN or infinity.");
  }
  for (const [name, a] of [["y_pred", input.yPred], ["y_score", input.yScore]] as const) {
    if (a !== undefined && a.length !== n) throw new MetricInputError(`Found input variables with inconsistent numbers of samples: [${n}, ${a.length}] (${name}).`);
  }

  const wantDecisions = metrics.some((m) => DECISION_METRICS.has(m));
  const wantAccuracy = metrics.includes("accuracy" as M);
  const wantRegression = metrics.some((m) => REGRESSION_METRICS.has(m));
  let truth: Uint8Array | null = null;
  let pred: Uint8Array | null = null;
  if (wantDecisions || (wantAccuracy && input.yPred === undefined)) {
    const d = decisions(input);
    truth = d.truth;
    pred = d.pred;
  }
  let correct: Uint8Array | null = null;
  if (wantAccuracy) {
    correct = new Uint8Array(n);
    if (input.yPred !== undefined) {
      // accuracy_score compares the labels themselves (any number of classes).
      for (let i = 0; i < n; i++) {
        const t = input.yTrue[i] as number;
        if (Number.isNaN(t)) throw new MetricInputError("Input y_true contains NaN.");
        correct[i] = t === (input.yPred[i] as number) ? 1 : 0;
      }
    } else {
      for (let i = 0; i < n; i++) correct[i] = (truth as Uint8Array)[i] === (pred as Uint8Array)[i] ? 1 : 0;
    }
  }
  let value: ArrayLike<number> | null = null;
  if (wantRegression) {
    value = input.yPred ?? input.yScore ?? null;
    if (value === null) throw new MetricInputError("Regression metrics need yPred (or yScore).");
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(input.yTrue[i] as number) || !Number.isFinite(value[i] as number)) {
        throw new MetricInputError("Input contains NaN, infinity or a value too large for dtype('float64').");
      }
    }
  }

  const sens: EncodedFeature[] = sensitive.map((f) => encodeFeature(f, n));
  const ctrl: EncodedFeature[] = (input.controlFeatures ?? []).map((f) => encodeFeature(f, n));
  const s = combine(sens, n);
  const c = ctrl.length ? combine(ctrl, n) : { codes: new Int32Array(n), size: 1, decode: (): string[] => [] };
  const cells: CellSums[] = Array.from({ length: s.size * c.size }, emptyCell);
  for (let i = 0; i < n; i++) {
    const cell = cells[(c.codes[i] as number) * s.size + (s.codes[i] as number)] as CellSums;
    const wi = w === undefined ? 1 : (w[i] as number);
    cell.rows += 1;
    cell.confusion.rows += 1;
    cell.weight += wi;
    if (correct !== null) cell.correct += wi * (correct[i] as number);
    if (truth !== null && pred !== null) {
      const cc = cell.confusion;
      if (truth[i] === 1) {
        if (pred[i] === 1) cc.tp += wi;
        else cc.fn += wi;
      } else if (pred[i] === 1) cc.fp += wi;
      else cc.tn += wi;
    }
    if (value !== null) {
      const p = value[i] as number;
      const e = (input.yTrue[i] as number) - p;
      cell.absError += wi * Math.abs(e);
      cell.sqError += wi * e * e;
      cell.pred += wi * p;
    }
  }

  const valuesOf = (cell: CellSums): Record<M, number> => {
    const v = {} as Record<M, number>;
    for (const m of metrics) v[m] = metricValue(m, cell);
    return v;
  };
  const byGroup: FrameGroupRow<M>[] = [];
  const overall: FrameOverallRow<M>[] = [];
  for (let cc = 0; cc < c.size; cc++) {
    const control = c.decode(cc);
    const tot = emptyCell();
    for (let g = 0; g < s.size; g++) {
      const cell = cells[cc * s.size + g] as CellSums;
      addCell(tot, cell);
      byGroup.push({ group: s.decode(g), control: [...control], rows: cell.rows, values: valuesOf(cell) });
    }
    overall.push({ control, rows: tot.rows, values: valuesOf(tot) });
  }
  return new MetricFrame<M>({
    metrics,
    sensitiveFeatures: sens.map((f) => f.name),
    controlFeatures: ctrl.map((f) => f.name),
    overall,
    byGroup,
  });
}
