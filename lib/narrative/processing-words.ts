// The version page's "Processing" section: what Sightline does to the data before the model reads it and to the
// answer after, in plain words, and the labels of the form that changes it. Short sentences; numbers as stored.
import type { OutputMeaning, OutputTransform, Processing } from "@/lib/contracts/processing";
import { formatCount } from "./format-number";

/** A stored number as written, at up to 8 significant digits (never rounded to fewer than the value needs to read). */
export function processingNumber(value: number): string {
  return String(Number(value.toPrecision(8)));
}

export const PROCESSING_WORDS = {
  rawScoreUpload: "The model gives a raw score (log-odds), not a chance",
  rawScoreUploadHint:
    "Sightline then turns each score into a chance between 0 and 1 with the sigmoid, as a LOGISTIC export would. You can change this on the version page until you send the version for review.",
  rawScoreChoice: "What should Sightline do with the score?",
  rawScoreSigmoid: "Turn it into a chance with the sigmoid",
  rawScoreCutOff: "Keep it as a score, and say yes from a cut-off",
  rawScoreCutOffLabel: "Cut-off (a score at or above it means yes)",
  rawScoreCutOffHint:
    "Sightline then says yes at the cut-off, and leaves out the checks that need a chance, such as the chart of stated chances against what came true.",
  rawScoreBadCutOff: "Type the cut-off as a number, such as 0. Then upload again.",
  lead: "What Sightline does to each row before the model reads it, and to the answer after. The same steps run on the server and in your browser.",
  none: "Sightline gives each row to the model as it is, and uses the answer as it is.",
  lockedSubmitted: "This version has gone to review, so its steps are fixed. Upload a new version to change them.",
  lockedRole: "Only an owner or an analyst can change these steps.",
  saved: "The steps are saved. Data scored from now on goes through them.",
  scalerHelp:
    'Paste the mean and scale of each column. You can paste what scikit-learn\'s StandardScaler holds: {"mean_": [...], "scale_": [...], "feature_names_in_": [...]}. Or write {"age": {"mean": 38.6, "scale": 13.6}}. Leave it empty for none.',
  derivedHelp:
    'One per line, as name = formula. A formula reads only the row: column names, numbers, + - * /, and log, exp, abs, sqrt, pow, min, max, round, days_between(a, b). Use col("a name") for a name with spaces.',
  badJson: "The rescaling is not valid JSON. Check its brackets, quotes and commas.",
  badLine: (line: number) => `Line ${formatCount(line)} of the worked-out columns has no "=". Write it as name = formula.`,
  failed: (reason: string) => `The steps were not saved. ${reason}`,
} as const;

/**
 * The performance page, for a yes/no version declared "a raw score with a cut-off": why the measures that read the
 * score as a chance are not shown.
 */
export function rawScoreScorecardNote(threshold: number, positiveLabel: string | null): string {
  return `This model gives a raw score, not a chance. It means ${positiveLabel ?? "yes"} when the score is ${processingNumber(threshold)} or more. So Sightline leaves out the checks that need a chance, such as the chart of stated chances against what came true.`;
}

/** Headings, field labels and buttons (not sentences). */
export const PROCESSING_LABELS = {
  title: "Processing",
  edit: "Change the processing",
  save: "Save the processing",
  saving: "Saving…",
  scalerLabel: "Rescaling of inputs (JSON)",
  scalerFile: "Or read it from a JSON file",
  derivedLabel: "Worked-out columns",
  transformLabel: "What happens to the model's answer",
  meaningLabel: "What the answer is",
  thresholdLabel: "A yes from this score up",
  unitLabel: "Unit of the number",
  scalerTable: "Mean and scale of each rescaled column",
  columnHeader: "Column",
  meanHeader: "Mean",
  scaleHeader: "Scale",
} as const;

export const TRANSFORM_CHOICES: Readonly<Record<OutputTransform["kind"], string>> = {
  none: "Use it as it is",
  pow10: "10 to the power of the answer (it learned log10 of the number)",
  exp: "e to the power of the answer (it learned the natural log)",
  sigmoid: "Sigmoid: turn a raw score into a chance",
  softmax: "Softmax: turn one score per class into chances",
  affine: "mean + scale × answer (it learned a rescaled number)",
};

export const MEANING_CHOICES: Readonly<Record<OutputMeaning["kind"] | "unset", string>> = {
  unset: "Not said",
  probability: "The chance of the positive class",
  raw_score: "A raw score with a cut-off",
  class: "A class",
  number: "A number with a unit",
};

function transformSentence(t: OutputTransform): string | null {
  switch (t.kind) {
    case "none":
      return null;
    case "pow10":
      return "After the model runs, its answer x becomes 10 to the power x. This undoes a log10 the model was trained on.";
    case "exp":
      return "After the model runs, its answer x becomes e to the power x (e is about 2.718). This undoes a natural log the model was trained on.";
    case "sigmoid":
      return "After the model runs, its raw score x becomes a chance from 0 to 1: 1 / (1 + e to the power −x). This is the sigmoid.";
    case "softmax":
      return "After the model runs, its scores for the classes become chances that add up to 1. This is the softmax.";
    case "affine":
      return `After the model runs, its answer x becomes ${processingNumber(t.mean)} + ${processingNumber(t.scale)} × x. This puts it back on the number's own scale.`;
  }
}

function meaningSentence(m: OutputMeaning, positiveLabel: string | null): string {
  const yes = positiveLabel ?? "yes";
  switch (m.kind) {
    case "probability":
      return `The answer is the chance of ${yes}, from 0 to 1.`;
    case "raw_score":
      return `The answer is a raw score, not a chance. It means ${yes} when it is ${processingNumber(m.threshold)} or more.`;
    case "class":
      return "The answer is the class the model picks.";
    case "number":
      return `The answer is a number in ${m.unit}.`;
  }
}

/** One sentence per step, in the order the steps run; one sentence when there is nothing declared. */
export function describeProcessing(processing: Processing | null, positiveLabel: string | null = null): string[] {
  if (!processing) return [PROCESSING_WORDS.none];
  const out: string[] = [];
  for (const d of processing.derived) out.push(`Sightline first adds a column, ${d.name}, to each row. It is worked out as ${d.formula}.`);
  const n = processing.standardise.length;
  if (n === 1) {
    const s = processing.standardise[0]!;
    out.push(
      `Before the model reads ${s.column}, Sightline takes away ${processingNumber(s.mean)} and then divides by ${processingNumber(s.scale)}. This rescales it as it was in training.`,
    );
  } else if (n > 1) {
    out.push(`Before the model reads them, Sightline rescales ${formatCount(n)} columns: from each value it takes away the column's mean, then divides by its scale. The table below lists them.`);
  }
  const t = transformSentence(processing.transform);
  if (t) out.push(t);
  if (processing.meaning) out.push(meaningSentence(processing.meaning, positiveLabel));
  return out.length > 0 ? out : [PROCESSING_WORDS.none];
}
