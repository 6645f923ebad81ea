// The drift verdict in words: how many columns changed, which most, and the model's output. Pure.
import type { DriftFinding, WordingContext } from "./findings";
import { formatCount, formatPercent } from "./format-number";
import { explained } from "./glossary";

/** "income", "income and age", "income, age and region". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function columnsCount(n: number): string {
  return `${formatCount(n)} column${n === 1 ? "" : "s"}`;
}

/** The verdict's full reason, sentence by sentence. */
export function driftSentences(finding: DriftFinding, _ctx?: WordingContext): string[] {
  switch (finding.kind) {
    case "reference":
      return [
        "This is the reference data, so there is nothing to compare it with.",
        `Later data is checked for ${explained("drift")} against it.`,
      ];
    case "tooFewRows":
      return [
        `Too few rows to judge ${explained("drift")}.`,
        `The reference data has ${formatCount(finding.reference)} rows and this data has ${formatCount(finding.current)}. The policy asks for at least ${formatCount(finding.minimum)} on each side.`,
      ];
    case "noColumns":
      return [`No column could be compared with the reference data, so ${explained("drift")} cannot be judged.`];
    case "judged": {
      if (finding.drifted === 0) {
        const lines = [`No column shows ${explained("drift")}.`];
        if (finding.output === "stable") lines.push("The model's output has not changed either.");
        return lines;
      }
      const share = formatPercent(finding.datasetShare, []);
      const lines = [`${formatCount(finding.drifted)} of ${columnsCount(finding.total)} show ${explained("drift")}.`];
      lines.push(
        finding.datasetDrift
          ? `That is at least ${share} of the columns, the policy's limit for the whole data, so action is needed.`
          : `That is less than ${share} of the columns, the policy's limit for the whole data, so it is worth a check.`,
      );
      if (finding.topColumns.length > 0) {
        const top = finding.topColumns;
        if (finding.moreColumns > 0) lines.push(`The biggest changes are in ${top.join(", ")}, and in ${columnsCount(finding.moreColumns)} more.`);
        else if (top.length === 1) lines.push(`The biggest change is in ${top[0]}.`);
        else lines.push(`The biggest changes are in ${listWords(top)}.`);
      }
      if (finding.output === "drifted") lines.push(finding.topColumns.length ? "The model's output has changed too." : "The column that changed is the model's output.");
      else if (finding.output === "stable") lines.push("The model's output has not changed.");
      return lines;
    }
  }
}

/** One sentence for the overall verdict. */
export function driftSummary(finding: DriftFinding): string {
  if (finding.kind === "judged" && finding.drifted > 0) {
    const top = finding.topColumns[0] ?? "the model's output";
    return `${formatCount(finding.drifted)} of ${columnsCount(finding.total)} show ${explained("drift")}, most of all ${top}.`;
  }
  if (finding.kind === "reference") return "There is nothing to compare the reference data with.";
  return driftSentences(finding).join(" ");
}
