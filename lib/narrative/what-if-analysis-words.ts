// The what-if page's analysis panels in words: the unusual-case flag, how one input moves the answer (partial
// dependence), the smallest change that changes the answer (counterfactual), choosing the cut-off with the cost of
// mistakes, and what running the model costs. Short sentences; every number with its unit.
import { caseNumber } from "./what-if-words";
import { listWords } from "./drift-words";
import { formatAmount, formatCount, formatNumber, formatPercent, formatScore } from "./format-number";
import { explained } from "./glossary";

export const WHATIF_ANALYSIS_WORDS = {
  pdpHeading: "How one input moves the answer",
  pdpLead: "Pick an input. Sightline sweeps it over its usual range for each example row and for this case, and shows the answers.",
  pdpNoRows: "Your role gets no example rows, so only this case is swept.",
  pdpDrawAgain: "Draw again for this case",
  pdpWorking: "Working it out…",
  counterfactualHeading: "The smallest change that changes the answer",
  counterfactualLead: "Tick up to three inputs that could change. Sightline looks for the smallest change to them that changes the answer. It stays within the usual range of the reference data.",
  counterfactualFind: "Find the change",
  counterfactualApply: "Apply this change",
  counterfactualNone: "No such change within the data's range.",
  counterfactualNoneDetail: "Try ticking other inputs, or more of them.",
  counterfactualPickOne: "Tick at least one input first.",
  counterfactualTooMany: "You can tick up to three inputs.",
  counterfactualTarget: "The number to reach",
  counterfactualNeedTarget: "Type the number the answer should reach first.",
  thresholdHeading: "Choose the cut-off",
  thresholdCostFalsePositive: "Cost of one false alarm (a real no called yes)",
  thresholdCostFalseNegative: "Cost of one miss (a real yes called no)",
  thresholdCostHint: "Use any unit you like, such as dollars or hours. Both costs use the same one.",
  thresholdNoRows: "Choosing a cut-off needs example rows with known outcomes. Your role does not receive rows.",
  thresholdNoOutcomes: "The reference data has no outcome column, so there is nothing to count.",
  thresholdNothingStored: "Moving the slider changes nothing stored. The policy's cut-off stays as it is.",
  thresholdGroupsTitle: "Each group at this cut-off",
  costHeading: "What running the model costs",
  costMeasureBatch: "Time a batch of 10,000 cases",
  costNoCalls: "Change an input to time single predictions. The first one is left out, as it warms the model up.",
  answersHeading: "The model's answers for the example rows",
  answersLead:
    "Download the example rows with the model's answer for each one, worked out in this browser. The columns match the period download on the Performance page, so you can check the two side by side.",
  answersDownload: "Download the rows and answers (CSV)",
  answersNoRows: "Your role does not receive example rows, so there is nothing to download here.",
} as const;

/** After the example rows' answers were saved: "Done: 300 rows written to the file." */
export function sampleAnswersDone(rows: number): string {
  return `Done: ${formatCount(rows)} row${rows === 1 ? "" : "s"} written to the file.`;
}

/** Column labels of the tables. */
export const WHATIF_ANALYSIS_LABELS = {
  average: "Average of the example rows",
  thisCase: "This case",
  row: (n: number) => `Row ${formatCount(n)}`,
  lowestRow: "Lowest row",
  highestRow: "Highest row",
  group: "Group",
  rows: "Rows",
  found: "Yes cases found",
  falseAlarms: "False alarms",
  misses: "Misses",
  precision: "Precision",
  recall: "Recall",
  cost: "Cost of mistakes",
  changeable: "Inputs that may change",
  thresholdSlider: "Cut-off",
  searching: "Searching…",
  input: "Input",
} as const;

/**
 * The answer a chart follows, for its axis: "Chance of ">50K"", "Predicted count", "Chance of "setosa"", or for a
 * yes/no model declared a raw score with a cut-off (`rawScore`), "The model's raw score".
 */
export function answerAxisLabel(task: "binary" | "multiclass" | "regression", positiveLabel: string | null, className: string | null, rawScore = false): string {
  if (task === "regression") return "The model's answer";
  if (task === "binary" && rawScore) return "The model's raw score";
  if (task === "binary") return positiveLabel ? `Chance of "${positiveLabel}"` : "Chance of yes";
  return className ? `Chance of "${className}"` : "Chance of the class";
}

/** The sweep chart's title: "Chance of ">50K" by age". */
export function pdpChartTitle(answer: string, feature: string): string {
  return `${answer} by ${feature}`;
}

/** The unusual-case warning: the case is further from every example row than almost all rows are from each other. */
export function unusualCaseWarning(rows: number, differences: readonly string[]): string {
  const which = differences.length > 0 ? `the closest one differs most in ${listWords(differences)}` : "it is far from all of them";
  return `This case is unlike any of the ${formatCount(rows)} example rows: ${which}. The model has seen few cases like it, so trust its answer less.`;
}

/** A value in a sentence: numbers as typed, text in quotes. */
function valueWords(value: number | string | null): string {
  if (value === null) return "empty";
  return typeof value === "number" ? caseNumber(value) : `"${value}"`;
}

/** The chart's summary: where the average answer is lowest and highest along the input, and what the lines are. */
export function pdpSummary(args: {
  feature: string;
  answer: string;
  percent: boolean;
  unit?: string;
  low: { value: number | string; at: number | string };
  high: { value: number | string; at: number | string };
  rows: number;
  drawn: number;
}): string {
  const show = (v: number) => (args.percent ? formatPercent(v) : formatAmount(v, args.unit));
  const low = typeof args.low.value === "number" ? show(args.low.value) : String(args.low.value);
  const high = typeof args.high.value === "number" ? show(args.high.value) : String(args.high.value);
  const flat = low === high;
  const first =
    args.rows === 0
      ? flat
        ? `For this case, the answer stays at ${low} whatever ${args.feature} is.`
        : `For this case, the answer is lowest at ${args.feature} ${valueWords(args.low.at)} (${low}) and highest at ${valueWords(args.high.at)} (${high}).`
      : flat
        ? `On average over ${formatCount(args.rows)} example rows, the answer stays at ${low} whatever ${args.feature} is.`
        : `On average over ${formatCount(args.rows)} example rows, the answer is lowest at ${args.feature} ${valueWords(args.low.at)} (${low}) and highest at ${valueWords(args.high.at)} (${high}).`;
  const lines =
    args.rows === 0
      ? "The line is this case."
      : `The bold line is the average. Each thin line is one example row (${formatCount(args.drawn)} of ${formatCount(args.rows)} are drawn). The dashed line is this case.`;
  return `${first} ${lines}`;
}

/** How long the sweep took: "It took 41.30 ms to get 10,050 answers: 50 values for each of 201 cases." */
export function sweepTimeSentence(values: number, lines: number, ms: number): string {
  return `It took ${formatNumber(ms)} ms to get ${formatCount(values * lines)} answers: ${formatCount(values)} values for ${lines === 1 ? "1 case" : `each of ${formatCount(lines)} cases`}.`;
}

export interface ChangeWords {
  feature: string;
  from: number | string | null;
  to: number | string;
}

/** What the model would say after the change. */
export type CounterfactualOutcome =
  | { task: "binary"; yes: boolean; positiveLabel: string | null }
  | { task: "multiclass"; label: string; was: string }
  | { task: "regression"; value: number; was: number; unit?: string };

/**
 * One change of a yes/no answer: "If hours-per-week were 45 instead of 38, the model would say yes." Several changes,
 * a class or a number: "Change hour from 3 to 8. Then the model would predict 312 bikes, not 41 bikes." (shorter
 * sentences read better).
 */
export function counterfactualSentence(changes: readonly ChangeWords[], outcome: CounterfactualOutcome): string {
  let then: string;
  if (outcome.task === "binary") then = outcome.yes ? `the model would say ${outcome.positiveLabel ? `"${outcome.positiveLabel}"` : "yes"}` : "the model would say no";
  else if (outcome.task === "multiclass") then = `the model would pick "${outcome.label}", not "${outcome.was}"`;
  else then = `the model would predict ${formatAmount(outcome.value, outcome.unit, [outcome.was])}, not ${formatAmount(outcome.was, outcome.unit, [outcome.value])}`;
  const only = changes[0];
  if (changes.length === 1 && only && outcome.task === "binary") return `If ${only.feature} were ${valueWords(only.to)} instead of ${valueWords(only.from)}, ${then}.`;
  const parts = changes.map((c) => `${c.feature} from ${valueWords(c.from)} to ${valueWords(c.to)}`);
  return `Change ${listWords(parts)}. Then ${then}.`;
}

/** "It tried 1,852 cases in 3 batches. That took 38.20 ms." */
export function searchTimeSentence(ms: number, calls: number, rows: number): string {
  return `It tried ${formatCount(rows)} case${rows === 1 ? "" : "s"} in ${formatCount(calls)} batch${calls === 1 ? "" : "es"}. That took ${formatNumber(ms)} ms.`;
}

/** The counts at a cut-off, in words. */
export function thresholdCountsSentence(threshold: number, c: { tp: number; fp: number; tn: number; fn: number }): string {
  const yes = c.tp + c.fn;
  const no = c.tn + c.fp;
  return (
    `At a cut-off of ${formatPercent(threshold)}, the model finds ${formatCount(c.tp)} of the ${formatCount(yes)} real yes cases and misses ${formatCount(c.fn)}. ` +
    `It wrongly says yes to ${formatCount(c.fp)} of the ${formatCount(no)} real no cases, and rightly says no to ${formatCount(c.tn)}.`
  );
}

/** Precision and recall at the cut-off, each with its meaning. */
export function precisionRecallSentence(precision: number | null, recall: number | null): string {
  const p = precision === null ? `The model says yes to no row, so its ${explained("precision")} cannot be told.` : `Its ${explained("precision")} is ${formatPercent(precision)}.`;
  const r = recall === null ? `No row is a real yes, so its ${explained("recall")} cannot be told.` : `Its ${explained("recall")} is ${formatPercent(recall)}.`;
  return `${p} ${r}`;
}

/** "The mistakes cost 1,620: 12 false alarms at 10 each and 15 misses at 100 each." */
export function mistakeCostSentence(cost: number, c: { fp: number; fn: number }, costFalsePositive: number, costFalseNegative: number): string {
  return `The mistakes cost ${formatAmount(cost)} in your unit: ${formatCount(c.fp)} false alarm${c.fp === 1 ? "" : "s"} at ${formatAmount(costFalsePositive)} each and ${formatCount(c.fn)} miss${c.fn === 1 ? "" : "es"} at ${formatAmount(costFalseNegative)} each.`;
}

/** The cheapest cut-off for the costs given, next to the policy's. */
export function cheapestThresholdSentence(threshold: number, cost: number, policyThreshold: number): string {
  return `For these costs, the cheapest cut-off on these rows is ${formatPercent(threshold, [policyThreshold])}, where the mistakes cost ${formatAmount(cost)}. The policy's cut-off is ${formatPercent(policyThreshold, [threshold])}.`;
}

/**
 * The cut-off panel of a yes/no model declared a raw score with a cut-off: no slider in chances, the declared cut-off
 * and where it is set.
 */
export function rawScoreThresholdNote(threshold: number, positiveLabel: string | null): string {
  return `This model gives a raw score, not a chance. It says ${positiveLabel ? `"${positiveLabel}"` : "yes"} when the score is ${formatScore(threshold)} or more. That cut-off is set on the version page, under Processing, so there is no slider here.`;
}

/** The slider's label: "Cut-off: 50%". */
export function thresholdSliderLabel(threshold: number): string {
  return `${WHATIF_ANALYSIS_LABELS.thresholdSlider}: ${formatPercent(threshold)}`;
}

/** "60 of 75". */
export function countOf(part: number, whole: number): string {
  return `${formatCount(part)} of ${formatCount(whole)}`;
}

/** A group in a table: "sex = Female". */
export function groupWords(column: string, group: string): string {
  return `${column} = ${group}`;
}

/** "Counted on 287 example rows with a known outcome." */
export function thresholdRowsSentence(rows: number): string {
  return `Counted on ${formatCount(rows)} example row${rows === 1 ? "" : "s"} with a known outcome.`;
}

/** A file size: "1.2 MB", "840 KB", "912 bytes" (1 MB = 1,000,000 bytes). */
export function fileSizeWords(bytes: number): string {
  if (bytes >= 1_000_000) return `${formatAmount(bytes / 1_000_000)} MB`;
  if (bytes >= 1_000) return `${formatAmount(bytes / 1_000)} KB`;
  return `${formatCount(bytes)} bytes`;
}

/**
 * The cost of running the model on the server, measured when the version was uploaded (`roughPerSecond`: the batch's
 * rate, rounded for words). Null: a version from before Sightline timed models.
 */
export function serverCostSentences(cost: { oneRowMs: number; roughPerSecond: number; threads: number } | null): string[] {
  if (!cost) return ["The server's time was not measured for this version. It was added before Sightline timed models."];
  const threads = cost.threads === 1 ? "one thread" : `${formatCount(cost.threads)} threads`;
  return [
    `On the server, one prediction takes about ${formatNumber(cost.oneRowMs)} ms (${threads}, timed when the version was added).`,
    `In batches, that is about ${formatCount(cost.roughPerSecond)} predictions a second on the server.`,
  ];
}

/** "The model file is 1.2 MB." */
export function modelFileSentence(bytes: number): string {
  return `The model file is ${fileSizeWords(bytes)}.`;
}

/** The version page's card on running the model. */
export const RUN_COST_WORDS = {
  heading: "What running the model costs",
  tryInBrowser: "Time it in your own browser on the What-if page",
} as const;

/** The cost of running the model on this device, from the worker's timings. */
export function runningCostSentences(args: { fileBytes: number; msPerCall: number | null; calls: number; roughPerSecond: number | null; batched: boolean; backend: string }): string[] {
  const out = [modelFileSentence(args.fileBytes)];
  if (args.msPerCall !== null) {
    out.push(`One prediction takes about ${formatNumber(args.msPerCall)} ms in this browser (${args.backend}; the middle of ${formatCount(args.calls)} call${args.calls === 1 ? "" : "s"}).`);
  }
  if (args.roughPerSecond !== null && args.roughPerSecond > 0) {
    out.push(
      args.batched
        ? `In batches, that is about ${formatCount(args.roughPerSecond)} predictions a second on this device.`
        : `That is about ${formatCount(args.roughPerSecond)} predictions a second on this device, one at a time.`,
    );
  }
  return out;
}
