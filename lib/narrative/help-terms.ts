// The help page's glossary: every GLOSSARY term plus the app's own words (reference data, snapshot, ...), each with
// an anchor, so any page can link a term to /help#anchor. Pure.
import { GLOSSARY, type GlossaryTerm } from "./glossary";

/** Words of the app itself that a newcomer meets on every page. */
export const APP_TERMS = {
  accuracy: "how often the model is right",
  "reference data": "the data the model was checked on before it went live. New data is compared with it",
  period: "one batch of new data, such as a day, a week or a month",
  snapshot: "the stored result of checking one version on one period. It never changes",
  policy: "the rules a model is judged by: its main measure, how big a drop is too much, and the fairness band",
  "main measure": "the one measure the performance light follows; the policy page names it",
  "traffic light": "green is healthy, amber says check it, red says act now, grey says too few rows to judge",
  slice: "the rows that share one value, such as every row where sex is Female",
  "group column": "a column such as sex or age band whose groups are checked for fair treatment",
  "true outcome": "what really happened for a row; the model's answers are checked against it",
  "live version": "the version of the model that is in use now",
  ONNX: "an open file format for trained models that most tools can save to",
} as const;

export type AppTerm = keyof typeof APP_TERMS;
export type HelpTerm = GlossaryTerm | AppTerm;

/** Every term the help page explains, with its short explanation. */
export const HELP_TERMS: Readonly<Record<HelpTerm, string>> = { ...GLOSSARY, ...APP_TERMS };

/** The anchor of a term on /help: "ROC AUC" -> "roc-auc", "R²" -> "r2", "four-fifths" -> "four-fifths". */
export function termAnchor(term: string): string {
  return term
    .normalize("NFKD")
    .replace(/²/g, "2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The link to a term's entry: "/help#roc-auc". */
export function termHref(term: HelpTerm): string {
  return `/help#${termAnchor(term)}`;
}

/** The glossary entry of each stored metric name (the scorecard's `name`), for linking a metric to its meaning. */
export const METRIC_TERMS: Readonly<Record<string, HelpTerm>> = {
  accuracy: "accuracy",
  balancedAccuracy: "balanced accuracy",
  precision: "precision",
  recall: "recall",
  f1: "F1",
  rocAuc: "ROC AUC",
  logLoss: "log loss",
  brier: "Brier",
  calibrationError: "calibration error",
  macroPrecision: "macro precision",
  macroRecall: "macro recall",
  macroF1: "macro F1",
  weightedPrecision: "weighted precision",
  weightedRecall: "weighted recall",
  weightedF1: "weighted F1",
  mae: "mean absolute error",
  rmse: "root mean squared error",
  mape: "mean absolute percentage error",
  r2: "R²",
  selectionRate: "selection rate",
  truePositiveRate: "true positive rate",
  falsePositiveRate: "false positive rate",
};

/** Terms in the order the glossary lists them: alphabetical, case and accents folded. */
export function helpTermsSorted(): { term: HelpTerm; anchor: string; explanation: string }[] {
  return (Object.keys(HELP_TERMS) as HelpTerm[])
    .sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }))
    .map((term) => ({ term, anchor: termAnchor(term), explanation: HELP_TERMS[term] }));
}

/** An explanation as a sentence of its own: capitalised, with a full stop. */
export function asSentence(explanation: string): string {
  const text = explanation.charAt(0).toUpperCase() + explanation.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
