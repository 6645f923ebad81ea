// The fairness and slices page's words: each group's verdict against the band (red only when the group's whole
// 95% interval is outside it, as README's rule says), the rates' short labels, the direction of the biggest gap,
// and what to do when no group column is declared. Pure.
import type { FairnessQuestion, SliceColumn, SliceGroup, SliceMetric, SlicesSection } from "@/lib/contracts/snapshot-types";
import { listWords } from "./drift-words";
import { formatCount, formatRatio } from "./format-number";
import { GLOSSARY, explained } from "./glossary";
import { COMPARED_ON, gapSentence, toleranceSentences } from "./slice-sentence";

/** Each rate a group carries, with a short label for a table header and the words for a sentence. */
export const SLICE_RATE_LABELS: Record<SliceMetric | "precision" | "meanPrediction", { label: string; words: string }> = {
  selectionRate: { label: "Picked", words: explained("selection rate") },
  truePositiveRate: { label: "Real yes found", words: explained("true positive rate") },
  falsePositiveRate: { label: "Real no flagged", words: explained("false positive rate") },
  precision: { label: "Right when picked", words: explained("precision") },
  accuracy: { label: "Right", words: "how often the model is right" },
  mae: { label: "Mean error", words: explained("mean absolute error") },
  meanPrediction: { label: "Mean answer", words: "the model's average answer" },
};

/** The rates shown per group, by task: the judged metric first. */
export function sliceRateKeys(task: "binary" | "multiclass" | "regression", metric: SliceMetric): (keyof typeof SLICE_RATE_LABELS)[] {
  const all: (keyof typeof SLICE_RATE_LABELS)[] =
    task === "binary" ? ["selectionRate", "truePositiveRate", "falsePositiveRate", "precision", "accuracy"] : task === "multiclass" ? ["accuracy"] : ["mae", "meanPrediction"];
  return [metric, ...all.filter((k) => k !== metric)];
}

export type GroupState = "reference" | "inside" | "chance" | "outside" | "tooFew" | "noGap";

export interface GroupVerdict {
  state: GroupState;
  /** the table's short verdict */
  label: string;
  /** the group's disparity interval (its rate's interval over the reference group's value); null without one */
  interval: { lower: number; upper: number } | null;
}

const EPSILON = 1e-12;

/**
 * One group against the band [tau, 1/tau]: the reference group; too few rows to judge; inside; outside for its
 * whole 95% interval ("outside", red); or outside at its point value only ("may be chance", amber).
 */
export function sliceGroupVerdict(column: Pick<SliceColumn, "referenceGroup" | "groups">, group: SliceGroup, metric: SliceMetric, tolerance: number): GroupVerdict {
  const reference = column.groups.find((g) => g.group === column.referenceGroup);
  const refValue = reference?.[metric]?.value ?? null;
  const rate = group[metric];
  const interval =
    refValue !== null && refValue > 0 && rate && rate.lower !== null && rate.upper !== null ? { lower: rate.lower / refValue, upper: rate.upper / refValue } : null;
  if (column.referenceGroup !== null && group.group === column.referenceGroup) return { state: "reference", label: "Reference group", interval };
  if (!group.judgeable || column.referenceGroup === null) return { state: "tooFew", label: "Too few rows to judge", interval };
  const d = group.disparity;
  if (d === null || !Number.isFinite(d)) return { state: "noGap", label: "No gap to compute", interval };
  const low = Math.min(tolerance, 1 / tolerance);
  const high = Math.max(tolerance, 1 / tolerance);
  if (d >= low - EPSILON && d <= high + EPSILON) return { state: "inside", label: "Inside the band", interval };
  const clearly = interval === null || interval.upper < low - EPSILON || interval.lower > high + EPSILON;
  return clearly ? { state: "outside", label: "Outside the band", interval } : { state: "chance", label: "Outside, may be chance", interval };
}

/**
 * A group outside the band of a slice by another column (not a fairness check): which way it differs from the
 * reference group, as a short label ("Smaller errors", "Right less often").
 */
export function otherSliceLabel(metric: SliceMetric, disparity: number, maybeChance: boolean): string {
  const up = disparity > 1;
  const words: Record<SliceMetric, [string, string]> = {
    mae: ["Bigger errors", "Smaller errors"],
    accuracy: ["Right more often", "Right less often"],
    truePositiveRate: ["Finds more real yes", "Finds fewer real yes"],
    falsePositiveRate: ["Flags more real no", "Flags fewer real no"],
    selectionRate: ["Picked more often", "Picked less often"],
  };
  const label = words[metric][up ? 0 : 1];
  return maybeChance ? `${label}, may be chance` : label;
}

/** Why a group has no verdict: its rows, or the rows in its rate's denominator, against the policy's minimum. */
export function tooFewRowsWords(group: SliceGroup, metric: SliceMetric, slices: Pick<SlicesSection, "minimumRows" | "minimumDenominator">, rowNoun = "rows"): string {
  if (group.rows < slices.minimumRows) return `Too few rows to judge: ${formatCount(group.rows)} ${rowNoun}, and the policy asks for ${formatCount(slices.minimumRows)}.`;
  const denominator = group[metric]?.denominator ?? 0;
  return `Too few rows to judge: the rate counts ${formatCount(denominator)} ${rowNoun}, and the policy asks for ${formatCount(slices.minimumDenominator)}.`;
}

/** The gap of the group furthest from the reference group, in words, with the band; or why there is none. */
export function sliceDirection(column: SliceColumn, metric: SliceMetric, tolerance: number, rowNoun = "rows"): string {
  if (column.referenceGroup === null) return `No group of ${column.name} has enough ${rowNoun} to compare.`;
  const judged = column.groups.filter((g) => g.group !== column.referenceGroup && g.judgeable && g.disparity !== null && Number.isFinite(g.disparity) && g.disparity > 0);
  if (judged.length === 0) return `Only the largest group of ${column.name}, ${column.referenceGroup}, has enough ${rowNoun} to judge. The others are too small.`;
  const furthest = [...judged].sort((a, b) => Math.abs(Math.log(b.disparity as number)) - Math.abs(Math.log(a.disparity as number)))[0]!;
  const lines = [
    gapSentence({ metric, column, group: furthest.group, referenceGroup: column.referenceGroup, disparity: furthest.disparity as number, tolerance, rowNoun }),
    ...toleranceSentences(tolerance),
  ];
  const verdict = sliceGroupVerdict(column, furthest, metric, tolerance);
  if (verdict.state === "inside") lines.push(judged.length === 1 ? "The group is inside that band." : "It is the furthest group, and it is inside that band.");
  else if (verdict.state === "chance") lines.push("It is outside that band, but its range still reaches into it: the gap may be chance.");
  else lines.push("It is outside that band, even at the edge of its likely range.");
  return lines.join(" ");
}

/** What the groups are compared on, and why (the owner's fairness question). */
export function sliceMetricSentence(metric: SliceMetric, question: FairnessQuestion | null): string {
  const why =
    question === "help"
      ? "A yes helps the person, so the check asks if real yes cases are found as often in every group."
      : question === "burden"
        ? "A yes is a burden for the person, so the check asks if real no cases are wrongly flagged as often in every group."
        : question === "equal"
          ? "Every group should be picked about as often, so the check compares how often each one gets a yes."
          : "";
  return [`Groups are compared on ${COMPARED_ON[metric]}.`, why].filter(Boolean).join(" ");
}

/** The disparity chart's axis, in words. */
export function disparityAxisLabel(referenceGroup: string): string {
  return `Times the rate of ${referenceGroup}`;
}

/** Above the slices by other columns: they show where the model does better or worse, not fairness. */
export function otherSlicesIntro(rowNoun = "rows"): string {
  return `These slices cut the ${rowNoun} by other columns. They show where the model does better or worse. They are not a check of fairness.`;
}

/** Said when a model declares no sensitive attribute. */
const NO_SENSITIVE = [
  "No sensitive attribute is declared for this model, so fairness is not judged.",
  "A sensitive attribute is a column whose groups must be treated alike, such as sex or age band.",
] as const;

/** When the model has no declared group column (the owner can declare one). */
export function noSensitiveForOwner(): string[] {
  return [
    NO_SENSITIVE[0],
    NO_SENSITIVE[1],
    "You can declare one on the policy page, under \"Group columns to compare\".",
  ];
}

/** When the model has no declared group column (someone else must declare one). */
export function noSensitiveForOthers(owners: readonly string[]): string[] {
  const who = owners.length === 0 ? "an owner of this workspace" : `an owner of this workspace (${listWords([...owners])})`;
  return [
    NO_SENSITIVE[0],
    NO_SENSITIVE[1],
    `Only an owner can declare one. Ask ${who}.`,
  ];
}

/** The policy names group columns the data lacks. */
export function missingAttributesSentence(attributes: readonly string[]): string {
  return `The data lacks the group column${attributes.length === 1 ? "" : "s"} ${listWords([...attributes])}, so ${attributes.length === 1 ? "it is" : "they are"} not shown.`;
}

/** The line above the group table. */
export function sliceTableCaption(column: Pick<SliceColumn, "name" | "referenceGroup">, rows: number, rowNoun = "rows"): string {
  const ref = column.referenceGroup === null ? "" : ` Each group is compared with ${column.referenceGroup}, the largest group (the reference group: ${GLOSSARY["reference group"]}).`;
  return `${formatCount(rows)} ${rowNoun} with a known outcome, split by ${column.name}. The range after each rate is where it likely lies (95% confidence).${ref}`;
}

/** One group's row in a stacked list, for screen readers and the chart's table: "Female: 0.91 times, inside the band." */
export function groupDisparityWords(group: SliceGroup, verdict: GroupVerdict, tolerance: number): string {
  if (verdict.state === "reference") return `${group.group} is the group the rest are compared with.`;
  if (verdict.state === "tooFew") return `${group.group} has too few rows to judge.`;
  if (verdict.state === "noGap" || group.disparity === null) return `${group.group} has no gap to compute.`;
  const r = formatRatio(group.disparity, [tolerance, 1 / tolerance, 1]);
  return `${group.group}: ${r} times, ${verdict.label.toLowerCase()}.`;
}
