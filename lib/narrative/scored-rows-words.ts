// The performance page's sample of rows with the model's answers, the CSV download, and what the scoring of rows
// says when it is refused or fails. Short sentences; every number with its unit.
import { formatCount, formatScore } from "./format-number";

export const SCORED_ROWS_WORDS = {
  title: "Rows with the model's answers",
  download: "Download all rows with the model's answers (CSV)",
  reviewerNoDownload: "Owners and analysts can get all rows as a file. Reviewers see this sample.",
  viewerAggregatesOnly: "Viewers see totals and charts, not single rows. Ask an owner or analyst if you need the rows.",
  scoring: "Scoring twenty rows with the model…",
  failed: (reason: string) => `The rows could not be scored just now. ${reason}`,
  forbiddenDownload:
    "Only owners and analysts may download rows with the model's answers. Other roles see totals. Reviewers also see twenty rows on the performance page.",
  notStored: "This period's rows are not stored, so they cannot be scored. Upload the data again to get them.",
  overTime: (seconds: number) => `Scoring the rows took more than ${formatCount(seconds)} seconds, so it was stopped. An admin can give it more time with SIGHTLINE_JOB_SECONDS.`,
  overMemory: (mb: number) => `Scoring the rows needed more than ${formatCount(Math.round(mb))} MB of memory, so it was stopped. An admin can give it more with SIGHTLINE_JOB_MAX_MB.`,
} as const;

/** "Twenty of the 1,500 rows of 2026-07, spread out evenly. The answers are from version 2." */
export function scoredSampleLead(shown: number, total: number, windowLabel: string, version: number): string {
  const count = shown === 20 ? "Twenty" : formatCount(shown);
  return `${count} of the ${formatCount(total)} rows of ${windowLabel}, spread out evenly. The answers are from version ${formatCount(version)}.`;
}

/** How a yes/no answer is read from the chance: "The answer is >50K when the chance of >50K is 0.5 or more." */
export function thresholdNote(positiveLabel: string, threshold: number): string {
  return `The answer is ${positiveLabel} when the chance of ${positiveLabel} is ${formatScore(threshold)} or more.`;
}

/** The same for a version declared a raw score with a cut-off: "The answer is 1 when the model's score is 0 or more." */
export function rawScoreThresholdNote(positiveLabel: string, threshold: number): string {
  return `The answer is ${positiveLabel} when the model's score is ${formatScore(threshold)} or more. This score is not a chance. Its cut-off is set on the version page.`;
}

/** Short labels of the sample's table (headings, not sentences). */
export const SCORED_ROWS_LABELS = {
  row: "Row",
  answer: "Model's answer",
  number: "Model's number",
  table: "Sample of rows with the model's answers",
} as const;

/** Column header of the chance of the positive class (yes/no models): "Chance of >50K". */
export function chanceHeader(positiveLabel: string): string {
  return `Chance of ${positiveLabel}`;
}

/** Column header of a raw score with a cut-off (yes/no versions declared so). */
export const RAW_SCORE_HEADER = "Raw score";

/** Column header of the chance of the answer (category models). */
export const ANSWER_CHANCE_HEADER = "Chance of that answer";

/** Column header of the true outcome: "True outcome (income)". */
export function outcomeHeader(column: string): string {
  return `True outcome (${column})`;
}
