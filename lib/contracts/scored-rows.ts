// Rows of a stored period with the model's answer for each (the sample on the performance page, and what the child
// that scores them sends back). Shared by lib/db, lib/jobs and the component that draws the sample.
import type { Task } from "./snapshot-types";

/** Rows in the sample a page shows. */
export const SCORED_SAMPLE_ROWS = 20;

/** One row of the sample: its number in the period (from 1), its cells, and the model's answer. */
export interface ScoredSampleRow {
  rowNumber: number;
  /** the shown columns' cells as text ("" for a missing value) */
  cells: string[];
  /** the model's answer: a class, or (regression) the predicted number as text in full */
  answer: string;
  /** binary: the probability of the positive class; multiclass: the probability of the answer, when the model gives probabilities */
  probability: number | null;
  /** regression: the predicted number */
  prediction: number | null;
}

/** A column of the sample and what it is to the model. */
export interface ScoredSampleColumn {
  name: string;
  role: "id" | "label" | "input";
}

/** What the scoring child sends back for a sample. */
export interface ScoredSample {
  columns: ScoredSampleColumn[];
  rows: ScoredSampleRow[];
  /** rows in the whole period */
  totalRows: number;
}

/** The sample as a page shows it. */
export interface ScoredRowsView extends ScoredSample {
  task: Task;
  version: number;
  windowLabel: string;
  positiveLabel: string | null;
  /** binary: the policy's threshold (yes when the probability is at least this), or a raw-score version's declared cut-off */
  threshold: number | null;
  /** binary: true when the version declares its output a raw score with a cut-off; `probability` then holds that score */
  rawScore?: boolean;
  /** the CSV of every row, for owners and analysts; null for reviewers */
  downloadHref: string | null;
}

/** The answer columns of the CSV, by task: `model_answer`, then binary `model_probability_<yes>`, multiclass one per class. */
export const ANSWER_COLUMN = "model_answer";
export const PROBABILITY_COLUMN_PREFIX = "model_probability_";
/** The binary score column when the version declares its output a raw score with a cut-off (not a probability). */
export const RAW_SCORE_COLUMN = "model_score";

/** A number as a CSV cell at full precision (so the file gives back the exact value); empty when missing. */
export function csvNumber(v: number | undefined | null): string {
  return v === undefined || v === null || Number.isNaN(v) ? "" : String(v);
}

/** `name`, or `name_2`, `name_3`, ... when a column of the file already has it (the name is then taken). */
export function uniqueColumnName(name: string, taken: Set<string>): string {
  let out = name;
  for (let n = 2; taken.has(out); n++) out = `${name}_${n}`;
  taken.add(out);
  return out;
}

/** Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice for CSV files). */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** What the performance page shows about rows: the sample, a note for viewers, or why scoring failed. */
export type ScoredRowsPanel = { kind: "rows"; view: ScoredRowsView } | { kind: "aggregates-only" } | { kind: "failed"; message: string };
