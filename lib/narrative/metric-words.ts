// Metric names in words, with the explanation that goes beside them, and one-sentence readings. Pure.
import { formatMetricValue, type FormatOptions } from "./format-metric";
import { GLOSSARY } from "./glossary";

interface MetricInfo {
  /** the name as people write it */
  name: string;
  /** what it measures, in plain words */
  explanation: string;
}

export const METRIC_INFO: Record<string, MetricInfo> = {
  accuracy: { name: "accuracy", explanation: "how often it is right" },
  balancedAccuracy: { name: "balanced accuracy", explanation: GLOSSARY["balanced accuracy"] },
  precision: { name: "precision", explanation: GLOSSARY.precision },
  recall: { name: "recall", explanation: GLOSSARY.recall },
  f1: { name: "F1 score", explanation: GLOSSARY.F1 },
  rocAuc: { name: "ROC AUC", explanation: GLOSSARY["ROC AUC"] },
  logLoss: { name: "log loss", explanation: GLOSSARY["log loss"] },
  brier: { name: "Brier score", explanation: GLOSSARY.Brier },
  calibrationError: { name: "calibration error", explanation: GLOSSARY["calibration error"] },
  macroPrecision: { name: "macro precision", explanation: GLOSSARY["macro precision"] },
  macroRecall: { name: "macro recall", explanation: GLOSSARY["macro recall"] },
  macroF1: { name: "macro F1", explanation: GLOSSARY["macro F1"] },
  weightedPrecision: { name: "weighted precision", explanation: GLOSSARY["weighted precision"] },
  weightedRecall: { name: "weighted recall", explanation: GLOSSARY["weighted recall"] },
  weightedF1: { name: "weighted F1", explanation: GLOSSARY["weighted F1"] },
  mae: { name: "mean absolute error", explanation: GLOSSARY["mean absolute error"] },
  rmse: { name: "root mean squared error", explanation: GLOSSARY["root mean squared error"] },
  mape: { name: "mean absolute percentage error", explanation: GLOSSARY["mean absolute percentage error"] },
  r2: { name: "R²", explanation: GLOSSARY["R²"] },
};

/** The metric's name as people write it ("ROC AUC"); unknown names come back as stored. */
export function metricName(name: string): string {
  return METRIC_INFO[name]?.name ?? name;
}

/** What the metric measures, in plain words. */
export function metricExplanation(name: string): string {
  return METRIC_INFO[name]?.explanation ?? "";
}

/** The name with its explanation beside it: "ROC AUC (how often it ranks a real yes above a real no)". */
export function metricWords(name: string): string {
  const info = METRIC_INFO[name];
  return info ? `${info.name} (${info.explanation})` : name;
}

/** `metricWords` at the start of a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function likely(name: string, lower: number | null, upper: number | null, options: FormatOptions): string {
  if (lower === null || upper === null) return "";
  return `, likely between ${formatMetricValue(name, lower, options)} and ${formatMetricValue(name, upper, options)}`;
}

/**
 * One headline number in plain words, with its interval: "The model is right 85.3% of the time, likely between
 * 83.1% and 87.4%." Metrics without a plain reading fall back to their name and explanation.
 */
export function metricSentence(
  name: string,
  value: number,
  interval: { lower: number | null; upper: number | null } | null,
  options: FormatOptions = {},
): string {
  const v = formatMetricValue(name, value, options);
  const range = likely(name, interval?.lower ?? null, interval?.upper ?? null, options);
  switch (name) {
    case "accuracy":
      return `The model is right ${v} of the time${range}.`;
    case "recall":
      return `Of the cases that really were yes, it finds ${v}${range}. This is its recall (${GLOSSARY.recall}).`;
    case "precision":
      return `When it says yes, it is right ${v} of the time${range}. This is its precision (${GLOSSARY.precision}).`;
    case "mae":
      return `On average its guess is off by ${v}${range}.`;
    case "r2":
      return value < 0
        ? `Its R² (${GLOSSARY["R²"]}) is ${v}: it does worse than always guessing the average.`
        : `It explains ${v} of the ups and downs in the real values${range}. This is its R² (${GLOSSARY["R²"]}).`;
    default: {
      const lo = interval?.lower ?? null;
      const hi = interval?.upper ?? null;
      const after = lo === null || hi === null ? "" : ` It likely lies between ${formatMetricValue(name, lo, options)} and ${formatMetricValue(name, hi, options)}.`;
      return `Its ${metricWords(name)} is ${v}.${after}`;
    }
  }
}

/** A short reading of one metric for a table row ("Right 85.3% of the time."). */
export function metricMeaning(name: string, value: number, options: FormatOptions = {}): string {
  const v = formatMetricValue(name, value, options);
  switch (name) {
    case "accuracy":
      return `Right ${v} of the time.`;
    case "balancedAccuracy":
      return `Right ${v} of the time, with each class counting the same.`;
    case "precision":
      return `When it says yes, it is right ${v} of the time.`;
    case "recall":
      return `Finds ${v} of the real yes cases.`;
    case "rocAuc":
      return `Ranks a real yes above a real no ${v} of the time.`;
    case "mae":
      return `Its guess is off by ${v} on average.`;
    case "mape":
      return `Off by ${v} of the real value on average.`;
    case "r2":
      return value < 0 ? "Does worse than always guessing the average." : `Explains ${v} of the ups and downs.`;
    case "calibrationError":
      return `Its stated chances are off by ${v} on average.`;
    default:
      return `${capitalize(metricExplanation(name) || metricName(name))}.`;
  }
}
