// Terms a shop owner may not know, each with the short explanation that must stand beside it.
// Every sentence builder that uses a term adds its explanation the first time (see `explained`). Pure.

export const GLOSSARY = {
  "reference group": "the group the rest are compared with",
  drift: "a change since the reference data",
  "ROC AUC": "how often it ranks a real yes above a real no",
  calibration: "how well its stated chances match what came true",
  "calibration error": "how far its stated chances are from what came true",
  "confidence interval": "the range the true value likely lies in",
  "R²": "the share of the ups and downs in the real values that it explains",
  "log loss": "a penalty for wrong guesses made with confidence; lower is better",
  Brier: "the squared gap between its stated chance and what came true; lower is better",
  F1: "one number that weighs wrong yes answers and missed yes cases",
  "macro F1": "one number for wrong picks and missed rows, averaged over the classes",
  "weighted F1": "one number for wrong picks and missed rows, with big classes counting more",
  precision: "how often a yes from the model is right",
  "macro precision": "how often its pick of a class is right, averaged over the classes",
  "weighted precision": "how often its pick of a class is right, with big classes counting more",
  recall: "how many of the real yes cases it finds",
  "macro recall": "how many rows of each class it finds, averaged over the classes",
  "weighted recall": "how many rows of each class it finds, with big classes counting more",
  "balanced accuracy": "how often it is right, with each class counting the same",
  "mean absolute error": "how far off its guess is on average; lower is better",
  "root mean squared error": "like the mean error, but big misses count more; lower is better",
  "mean absolute percentage error": "how far off it is, as a share of the real value; lower is better",
  "false positive rate": "how often a real no is wrongly flagged",
  "true positive rate": "how often a real yes is found",
  "selection rate": "how often the model says yes",
  "four-fifths": "the four-fifths convention from US employment practice; a rule of thumb, not a verdict of fairness",
  disparity: "a group's rate divided by the reference group's rate",
  Wasserstein: "how far the values moved, counted in the reference data's spread",
  "Jensen-Shannon": "how far apart the two sets of shares are, from 0 to 0.83 in base e",
  Hellinger: "how far apart the two sets of shares are, from 0 to 1",
  PSI: "a score of how much the shares of values moved",
  "Kullback-Leibler": "a score of how much the shares of values moved",
  "p-value": "the chance of a gap this big if nothing had changed",
  "K-S": "a test of whether two sets of numbers differ",
  "chi-square": "a test of whether the shares of values differ",
  "Z-test": "a test of whether two shares differ",
  Spearman: "how well the order of its values matches the order of the true values",
  bootstrap: "a way to find the likely range by redrawing the rows many times",
} as const;

export type GlossaryTerm = keyof typeof GLOSSARY;

/** "ROC AUC (how often it ranks a real yes above a real no)": the term with its explanation beside it. */
export function explained(term: GlossaryTerm, shown: string = term): string {
  return `${shown} (${GLOSSARY[term]})`;
}
