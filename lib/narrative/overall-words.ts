// The overall verdict in words: the part that decided it, what was found, and the next step. Pure.
import type { Light } from "@/lib/contracts/snapshot-types";

export type PartName = "performance" | "drift" | "fairness" | "dataQuality";

const PART: Record<PartName, string> = {
  performance: "performance",
  drift: "the data has changed",
  fairness: "fairness",
  dataQuality: "data quality",
};

const NOT_JUDGED: Record<PartName, string> = {
  performance: "performance",
  drift: "the change in the data",
  fairness: "fairness",
  dataQuality: "data quality",
};

function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function headline(light: Light, part: PartName | null, isReference: boolean): string {
  if (light === "gray" || part === null) return "Nothing could be judged yet.";
  if (light === "green") return isReference ? "Its checks pass." : "The checks pass.";
  const what = part === "drift" ? `: ${PART.drift}` : ` on ${PART[part]}`;
  if (light === "red") return `Action needed${what}.`;
  if (isReference) return part === "drift" ? "A reviewer should look at how the data has changed." : `A reviewer should look at ${PART[part]}.`;
  return part === "drift" ? `Worth a check: ${PART.drift}.` : `Worth a check on ${PART[part]}.`;
}

export interface OverallWords {
  light: Light;
  /** the part that decided the light (null when none could be judged and none has a step to take) */
  part: PartName | null;
  isReference: boolean;
  /** that part's finding in one sentence */
  summary: string | null;
  /** parts that could not be judged (said after a green light, so it does not claim too much) */
  notJudged?: readonly PartName[];
  /** that part's next step, as a sentence */
  nextStep: string;
  /** the worst data-quality problem, named first when another part decided the light */
  dataProblem: string | null;
}

/** "First, a data problem: ... Action needed on fairness. Rows where ... Next, look at the slice sex = Female ..." */
export function overallReason(words: OverallWords): string {
  const lines: string[] = [];
  if (words.isReference) lines.push("This is the reference data: the baseline that later data is compared with.");
  if (words.dataProblem && words.part !== "dataQuality") lines.push(`First, a data problem: ${words.dataProblem}`);
  lines.push(headline(words.light, words.part, words.isReference));
  if (words.summary) lines.push(words.summary);
  const notJudged = words.notJudged ?? [];
  if (notJudged.length) lines.push(`${capitalizeFirst(listOf(notJudged.map((n) => NOT_JUDGED[n])))} could not be judged yet.`);
  lines.push(words.nextStep);
  return lines.join(" ");
}
