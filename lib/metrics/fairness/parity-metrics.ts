/** Fairlearn's named fairness metrics (fairlearn.metrics._fairness_metrics). */
import { MetricInputError } from "../errors";
import { type AggregateMethod, aggregateRate } from "./aggregates";
import type { FeatureValues, SensitiveFeature } from "./features";
import { type GroupRatesResult, type RateName, groupRates } from "./group-rates";

export interface ParityOptions {
  /** One feature's values, or named features (several give their intersections). */
  sensitiveFeatures: FeatureValues | SensitiveFeature[];
  method?: AggregateMethod;
  sampleWeight?: ArrayLike<number>;
}

function isFeatureList(x: FeatureValues | SensitiveFeature[]): x is SensitiveFeature[] {
  return Array.isArray(x) && x.length > 0 && typeof x[0] === "object" && x[0] !== null && "name" in (x[0] as object);
}

function frame(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, o: ParityOptions): GroupRatesResult {
  const features = isFeatureList(o.sensitiveFeatures) ? o.sensitiveFeatures : [{ name: "sensitive_feature_0", values: o.sensitiveFeatures }];
  return groupRates({ yTrue, yPred, sensitiveFeatures: features, sampleWeight: o.sampleWeight });
}

function one(f: GroupRatesResult, metric: RateName, method: AggregateMethod, kind: "difference" | "ratio"): number {
  const a = aggregateRate(f, metric, method)[0];
  return a === undefined ? Number.NaN : a[kind];
}

/** Agrees with fairlearn.metrics.demographic_parity_difference. */
export function demographicParityDifference(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: ParityOptions): number {
  return one(frame(yTrue, yPred, options), "selectionRate", options.method ?? "between_groups", "difference");
}

/** Agrees with fairlearn.metrics.demographic_parity_ratio. */
export function demographicParityRatio(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: ParityOptions): number {
  return one(frame(yTrue, yPred, options), "selectionRate", options.method ?? "between_groups", "ratio");
}

/** Agrees with fairlearn.metrics.equal_opportunity_difference (true positive rate). */
export function equalOpportunityDifference(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: ParityOptions): number {
  return one(frame(yTrue, yPred, options), "truePositiveRate", options.method ?? "between_groups", "difference");
}

/** Agrees with fairlearn.metrics.equal_opportunity_ratio (true positive rate). */
export function equalOpportunityRatio(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: ParityOptions): number {
  return one(frame(yTrue, yPred, options), "truePositiveRate", options.method ?? "between_groups", "ratio");
}

export interface EqualizedOddsOptions extends ParityOptions {
  /** "worst_case" (default): the larger TPR/FPR difference (smaller ratio); "mean": their mean. */
  agg?: "worst_case" | "mean";
}

function checkAgg(agg: string): void {
  if (agg !== "worst_case" && agg !== "mean") throw new MetricInputError(`agg must be one of 'worst_case' or 'mean', got ${agg}`);
}

/** Agrees with fairlearn.metrics.equalized_odds_difference. */
export function equalizedOddsDifference(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: EqualizedOddsOptions): number {
  const agg = options.agg ?? "worst_case";
  checkAgg(agg);
  const f = frame(yTrue, yPred, options);
  const m = options.method ?? "between_groups";
  const tpr = one(f, "truePositiveRate", m, "difference");
  const fpr = one(f, "falsePositiveRate", m, "difference");
  return agg === "worst_case" ? Math.max(tpr, fpr) : (tpr + fpr) / 2;
}

/** Agrees with fairlearn.metrics.equalized_odds_ratio. */
export function equalizedOddsRatio(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: EqualizedOddsOptions): number {
  const agg = options.agg ?? "worst_case";
  checkAgg(agg);
  const f = frame(yTrue, yPred, options);
  const m = options.method ?? "between_groups";
  const tpr = one(f, "truePositiveRate", m, "ratio");
  const fpr = one(f, "falsePositiveRate", m, "ratio");
  return agg === "worst_case" ? Math.min(tpr, fpr) : (tpr + fpr) / 2;
}

/** Agrees with fairlearn.metrics.selection_rate. */
export function selectionRate(yPred: ArrayLike<number>, options: { posLabel?: number; sampleWeight?: ArrayLike<number> } = {}): number {
  if (yPred.length === 0) throw new MetricInputError("Empty y_pred passed to selection_rate function.");
  const pos = options.posLabel ?? 1;
  let s = 0;
  let ws = 0;
  for (let i = 0; i < yPred.length; i++) {
    const w = options.sampleWeight === undefined ? 1 : (options.sampleWeight[i] as number);
    if (yPred[i] === pos) s += w;
    ws += w;
  }
  return s / ws;
}
