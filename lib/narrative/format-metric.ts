// One scale per metric kind, everywhere: shares as percentages ("85.3%"), scores as plain numbers ("0.352"),
// errors in the target's unit ("$1,240"). Pure.
import { formatAmount, formatPercent, formatScore, formatNumber } from "./format-number";

export type MetricScale = "percent" | "score" | "amount";

/** The scale each stored metric is shown on. */
export const METRIC_SCALE: Record<string, MetricScale> = {
  accuracy: "percent",
  balancedAccuracy: "percent",
  precision: "percent",
  recall: "percent",
  f1: "percent",
  rocAuc: "percent",
  macroPrecision: "percent",
  macroRecall: "percent",
  macroF1: "percent",
  weightedPrecision: "percent",
  weightedRecall: "percent",
  weightedF1: "percent",
  calibrationError: "percent",
  mape: "percent",
  r2: "percent",
  logLoss: "score",
  brier: "score",
  mae: "amount",
  rmse: "amount",
};

export interface FormatOptions {
  /** values this one is compared with (a floor, the reference value): rounding never moves it onto or across them */
  against?: readonly number[];
  /** the target's unit for error metrics ("$", "days") */
  unit?: string;
}

/** A metric's value on its scale: formatMetricValue("accuracy", 0.853) is "85.3%". */
export function formatMetricValue(name: string, value: number, options: FormatOptions = {}): string {
  const against = options.against ?? [];
  switch (METRIC_SCALE[name]) {
    case "percent":
      return formatPercent(value, against);
    case "score":
      return formatScore(value, against);
    case "amount":
      return formatAmount(value, options.unit, against);
    default:
      return formatNumber(value, against);
  }
}
