// The fairness verdict in words: the metric the owner chose, the worst gaps, the band and its caveat. Pure.
import type { FairnessFinding, GroupGap, WordingContext } from "./findings";
import { formatCount } from "./format-number";
import { listWords } from "./drift-words";
import { COMPARED_ON, gapSentence, sliceLabel, toleranceSentences } from "./slice-sentence";

function gap(finding: Extract<FairnessFinding, { kind: "judged" }>, g: GroupGap, ctx: WordingContext): string {
  return gapSentence({ metric: finding.metric, column: g.column, group: g.group, referenceGroup: g.referenceGroup, disparity: g.disparity, tolerance: finding.tolerance, rowNoun: ctx.rowNoun });
}

function lacks(attributes: string[]): string {
  return `The data lacks the group column${attributes.length > 1 ? "s" : ""} ${listWords(attributes)}`;
}

/** The verdict's full reason, sentence by sentence. */
export function fairnessSentences(finding: FairnessFinding, ctx: WordingContext): string[] {
  switch (finding.kind) {
    case "noSensitive":
      return ["No group column is declared for this model, so fairness cannot be judged."];
    case "noLabels":
      return ["No true outcomes have arrived yet, so groups cannot be compared."];
    case "missingAttributes":
      return [`${lacks(finding.attributes)}, so those groups were not compared.`];
    case "tooFewRows": {
      const shown = finding.groups.slice(0, 4).map((g) => `${sliceLabel({ name: g.column, columns: [g.column], kind: "sensitive" }, g.group)} has ${formatCount(g.rows)}`);
      const more = finding.groups.length - shown.length;
      const lines = [`Too few rows to judge fairness: each group needs at least ${formatCount(finding.minimum)} ${ctx.rowNoun}.`];
      if (shown.length) lines.push(`Sizes now: ${listWords(shown)}.`);
      if (more > 0) lines.push(`${formatCount(more)} more group${more === 1 ? " is" : "s are"} small too.`);
      return lines;
    }
    case "judged": {
      const lines = [`Groups are compared on ${COMPARED_ON[finding.metric]}.`];
      for (const g of finding.outside.slice(0, 2)) lines.push(gap(finding, g, ctx));
      if (finding.outside.length === 0 && finding.closest) lines.push(gap(finding, finding.closest, ctx));
      lines.push(...toleranceSentences(finding.tolerance));
      const n = finding.outside.length;
      if (n === 0) lines.push(finding.judgedGroups === 1 ? "The group is inside that band." : `All ${formatCount(finding.judgedGroups)} groups are inside that band.`);
      else {
        const which =
          finding.judgedGroups === 1 ? "The group is outside that band" : `${formatCount(n)} of ${formatCount(finding.judgedGroups)} groups ${n === 1 ? "is" : "are"} outside that band`;
        lines.push(
          finding.isReference
            ? `${which}. This is the reference data, so a reviewer should look at this before approval.`
            : finding.light === "red"
              ? `${which}, so action is needed.`
              : `${which}, but the groups are small: the gap may be chance. It is worth a check.`,
        );
      }
      if (finding.unjudgedGroups > 0) {
        lines.push(`${formatCount(finding.unjudgedGroups)} group${finding.unjudgedGroups === 1 ? " has" : "s have"} too few rows to judge.`);
      }
      if (finding.missingAttributes.length) lines.push(`${lacks(finding.missingAttributes)}.`);
      return lines;
    }
  }
}

/** One sentence for the overall verdict. */
export function fairnessSummary(finding: FairnessFinding, ctx: WordingContext): string {
  if (finding.kind !== "judged") return fairnessSentences(finding, ctx)[0] as string;
  const g = finding.outside[0] ?? finding.closest;
  return g ? gap(finding, g, ctx) : `Groups are compared on ${COMPARED_ON[finding.metric]}.`;
}
