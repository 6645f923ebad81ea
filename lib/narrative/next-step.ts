// The one concrete next step that ends every verdict, in words. Pure.
import type { NextStep } from "@/lib/contracts/snapshot-types";
import { formatCount } from "./format-number";
import { GLOSSARY } from "./glossary";

/** The drift section's name for the model's output (lib/evaluation's OUTPUT_COLUMN). */
export const MODEL_OUTPUT_COLUMN = "(model output)";

/** "column income", or "the model's output" for the output column. */
export function columnWords(column: string): string {
  return column === MODEL_OUTPUT_COLUMN ? "the model's output" : `column ${column}`;
}

const FIX_DATA: Record<Extract<NextStep, { kind: "fixData" }>["problem"], (column?: string) => string> = {
  missing: (c) => `Fix the data problem: find out why values of ${c ? `column ${c}` : "some columns"} are missing, and send them.`,
  duplicates: () => "Fix the data problem: remove the copied rows, or find out why they were sent twice.",
  leakage: (c) => `Fix the data problem: check if ${c ? `column ${c}` : "a column"} holds the answer itself. If so, leave it out.`,
  missingColumns: (c) => `Fix the data problem: send ${c ? `column ${c}` : "the missing columns"} with the data.`,
  groupShift: (c) => `Fix the data problem: find out why the mix of groups in ${c ? `column ${c}` : "a group column"} changed.`,
  classBalance: () => "Fix the data problem: find out why the mix of true outcomes changed.",
};

/** The next step as one sentence. */
export function nextStepSentence(next: NextStep, rowNoun = "rows"): string {
  switch (next.kind) {
    case "none":
      return "Nothing to do for now.";
    case "uploadLabels":
      return "Next, upload the true outcomes for these rows, so the model can be checked.";
    case "uploadMoreData":
      return `Next, upload more data: there ${next.rows === 1 ? "is" : "are"} ${formatCount(next.rows)} ${next.rows === 1 ? singular(rowNoun) : rowNoun} and the policy asks for at least ${formatCount(next.minimum)}.`;
    case "lookAtDrift":
      return `Next, look at the drift of ${columnWords(next.column)}. Drift is ${GLOSSARY.drift}.`;
    case "lookAtSlice":
      return `Next, look at the slice ${next.column} = ${next.group} to see where its ${rowNoun} differ.`;
    case "fixData":
      return FIX_DATA[next.problem](next.column);
    case "askReviewer":
      return "Next, ask a reviewer to look at this and decide.";
    case "retrain":
      return "Next, retrain the model on recent data, then check it again.";
    case "declareSensitive":
      return "Next, declare a group column. An owner can name group columns such as sex or age band on the model's policy page.";
  }
}

/** "rows" -> "row", "applicants" -> "applicant", "hours" -> "hour" (plain English plurals only). */
export function singular(noun: string): string {
  if (/ies$/.test(noun)) return noun.replace(/ies$/, "y");
  if (/sses$|xes$|ches$|shes$/.test(noun)) return noun.replace(/es$/, "");
  return noun.endsWith("s") && !noun.endsWith("ss") ? noun.slice(0, -1) : noun;
}
