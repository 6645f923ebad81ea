/**
 * What a column's name suggests. Names are normalised first: camelCase split, lower case, any run
 * of other characters turned into one underscore (`predictedProba` -> `predicted_proba`,
 * `Event Time` -> `event_time`).
 */

/** `customerId` -> `customer_id`, `Event Time` -> `event_time`. */
export function normalizeName(name: string): string {
  return name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

const ID = /^(id|uuid|guid|key|row_?id|record_?id|row_?number|row_?no|index|idx)$|_(id|uuid|guid|key)$|^(id|uuid)_/;
const TIME = /^(timestamp|time|date|datetime|ts|when|day|period)$|_(at|time|date|ts|timestamp|datetime|day)$|^(date|time|timestamp|event_time)_/;
/** Label names, strongest first (a column named "label" beats one named "income"). */
const LABEL_NAMES = [
  "label", "labels", "target", "y", "y_true", "ytrue", "class", "truth", "ground_truth", "actual", "outcome",
  "income", "count", "cnt", "churn", "churned", "default", "survived", "is_fraud", "fraud",
];
const PREDICTION = /^(prediction|predictions|predicted|pred|preds|y_pred|ypred|yhat|y_hat|predicted_label|predicted_class|predicted_value|forecast)$/;
const SCORE = /^(score|scores|proba|probability|probabilities|prob|confidence)$|^(p|prob|proba|probability|score)_.+|.+_(proba|prob|probability|score)$/;

/** Named like an identifier (`id`, `customer_id`, `uuid`, `row_id`, ...). */
export function looksLikeIdName(name: string): boolean {
  return ID.test(normalizeName(name));
}

/** Named like a time (`timestamp`, `date`, `created_at`, `event_time`, ...). */
export function looksLikeTimeName(name: string): boolean {
  return TIME.test(normalizeName(name));
}

/** Named like a label (`label`, `target`, `class`, `y`, `income`, `count`, ...). */
export function looksLikeLabelName(name: string): boolean {
  return labelNameRank(name) >= 0;
}

/** How strongly a name says "label": 0 for `label`, higher for weaker names, -1 for none. */
export function labelNameRank(name: string): number {
  return LABEL_NAMES.indexOf(normalizeName(name));
}

/** Named like a prediction (`prediction`, `predicted`, `y_pred`, `yhat`, ...). */
export function looksLikePredictionName(name: string): boolean {
  return PREDICTION.test(normalizeName(name));
}

/** Named like a score or probability (`score`, `proba`, `p_yes`, `churn_probability`, ...). */
export function looksLikeScoreName(name: string): boolean {
  return SCORE.test(normalizeName(name));
}
