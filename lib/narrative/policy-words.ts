// The policy's settings in plain words (the model form and the policy page). Pure.
import type { FairnessQuestion } from "@/lib/contracts/snapshot-types";
import type { PolicyRules } from "@/lib/contracts/policy-rules";
import { formatPercent } from "./format-number";
import { GLOSSARY } from "./glossary";
import { metricWords } from "./metric-words";
import { toleranceSentences } from "./slice-sentence";

export const FAIRNESS_QUESTION_CHOICES: readonly { value: FairnessQuestion | ""; label: string; explain: string }[] = [
  {
    value: "help",
    label: "It helps them (a loan, a fast-track, an offer)",
    explain: "Fairness compares how often each group's real yes cases are found, so no group misses out more often.",
  },
  {
    value: "burden",
    label: "It burdens them (a fraud check, an extra review)",
    explain: "Fairness compares how often each group is flagged wrongly, so no group is bothered more often for nothing.",
  },
  {
    value: "equal",
    label: "Each group should get a yes as often as the others",
    explain: "Fairness compares how often each group gets a yes at all, whatever the true outcome.",
  },
  {
    value: "",
    label: "Not sure yet",
    explain: "Fairness compares how often each group gets a yes until you choose.",
  },
];


const QUESTION_WORDS: Record<FairnessQuestion, string> = {
  help: "a yes helps the person, so groups are compared on how often their real yes cases are found",
  burden: "a yes burdens the person, so groups are compared on how often they are flagged wrongly",
  equal: "every group should be picked equally often, so groups are compared on how often they get a yes",
};

/** The policy's rules as short sentences, for everyone who may read it. */
export function describePolicy(rules: PolicyRules, task: "binary" | "multiclass" | "regression", groupColumns: readonly string[] = []): string[] {
  const lines = [
    `The main measure is the ${metricWords(rules.primaryMetric)}. It turns amber when it gets more than ${formatPercent(rules.relativeTolerance.amber)} worse than on the reference data. It turns red past ${formatPercent(rules.relativeTolerance.red)}.`,
  ];
  const floors = Object.entries(rules.metricFloors);
  for (const [name, v] of floors) lines.push(`There is also a fixed limit for the ${metricWords(name)}: ${v}.`);
  if (task === "binary") lines.push(`The model says yes when its score is at least ${rules.decisionThreshold}.`);
  lines.push(`The data counts as changed when ${formatPercent(rules.driftThresholds.datasetShare)} of its columns have changed.`);
  lines.push(groupColumns.length ? `The groups to compare are in ${groupColumns.length === 1 ? "the column" : "the columns"} ${groupColumns.join(", ")}.` : "No group columns are named, so fairness is not judged.");
  if (task === "binary") {
    lines.push(rules.fairnessQuestion ? `Fairness: ${QUESTION_WORDS[rules.fairnessQuestion]}.` : "Fairness: groups are compared on how often they get a yes, until an owner says how a yes affects people.");
  } else {
    lines.push(task === "multiclass" ? "Fairness: groups are compared on how often the answer is right." : "Fairness: groups are compared on the size of the errors.");
  }
  lines.push(`A group's rate is compared with the largest group's. ${toleranceSentences(rules.fairnessTolerance).join(" ")}`);
  lines.push(
    `A light stays grey when there are too few rows. It needs ${rules.minimumRows.performance} rows with a true outcome, ${rules.minimumRows.drift} rows for drift (${GLOSSARY.drift}) and ${rules.minimumRows.perGroup} rows per group.`,
  );
  lines.push(
    rules.approvalsRequired === 0
      ? "No approval is needed before a version goes live. So there is no review by a second person."
      : `You need ${rules.approvalsRequired} approval${rules.approvalsRequired > 1 ? "s" : ""} before a version goes live.`,
  );
  return lines;
}
