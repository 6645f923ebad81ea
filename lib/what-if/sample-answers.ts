// The example rows of the what-if page with the model's answers, as the table a CSV file is written from. The
// columns follow the server's scored-rows download (the inputs, then `model_answer` and the probability columns), so
// the two files can be put side by side. Pure: the page writes the file in the browser.
import { ANSWER_COLUMN, PROBABILITY_COLUMN_PREFIX, RAW_SCORE_COLUMN, csvNumber, spreadsheetSafe, uniqueColumnName } from "@/lib/contracts/scored-rows";
import type { WhatIfFeature, WhatIfValue } from "@/lib/contracts/what-if";
import type { BatchOutputs } from "./batch";

export interface SampleAnswersOptions {
  task: "binary" | "multiclass" | "regression";
  positiveLabel: string | null;
  /** binary: yes at or above it */
  threshold: number | null;
  /** binary: the version declares a raw score with a cut-off, so the score column is `model_score`, not a probability */
  rawScore?: boolean;
}

/**
 * The header and the rows: numbers at full precision (so the file gives back the exact values), texts that a
 * spreadsheet would run as a formula behind an apostrophe, as in the server's file.
 */
export function sampleAnswersTable(features: readonly WhatIfFeature[], rows: readonly (readonly WhatIfValue[])[], outputs: BatchOutputs, options: SampleAnswersOptions): { header: string[]; rows: string[][] } {
  const taken = new Set(features.map((f) => f.name));
  const header = [...features.map((f) => f.name), uniqueColumnName(ANSWER_COLUMN, taken)];
  const positive = options.positiveLabel ?? "1";
  const classes = outputs.classes ?? [];
  const negative = classes.length === 2 && classes.includes(positive) ? (classes.find((c) => c !== positive) ?? `not ${positive}`) : `not ${positive}`;
  if (options.task === "binary") header.push(uniqueColumnName(options.rawScore ? RAW_SCORE_COLUMN : `${PROBABILITY_COLUMN_PREFIX}${positive}`, taken));
  const perClass = options.task === "multiclass" && outputs.probabilities !== null && classes.length > 0;
  if (perClass) for (const c of classes) header.push(uniqueColumnName(`${PROBABILITY_COLUMN_PREFIX}${c}`, taken));

  const body = rows.map((row, r) => {
    const cells = features.map((_, i) => {
      const v = row[i];
      return v === null || v === undefined ? "" : typeof v === "number" ? csvNumber(v) : spreadsheetSafe(v);
    });
    if (options.task === "binary") {
      const p = outputs.score?.[r];
      cells.push(p === undefined || Number.isNaN(p) ? "" : spreadsheetSafe(p >= (options.threshold ?? 0.5) ? positive : negative), csvNumber(p));
    } else if (options.task === "regression") {
      cells.push(csvNumber(outputs.value?.[r]));
    } else {
      cells.push(spreadsheetSafe(outputs.labels?.[r] ?? ""));
      if (perClass) for (let k = 0; k < classes.length; k++) cells.push(csvNumber(outputs.probabilities![r * classes.length + k]));
    }
    return cells;
  });
  return { header: header.map(spreadsheetSafe), rows: body };
}
