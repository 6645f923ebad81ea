// One group against its column's reference group, in one template that works for any column and any
// fairness metric: "Rows where sex is Female are picked 0.62 times as often as rows where sex is Male
// (the reference group: ...)." Pure.
import type { SliceColumn, SliceMetric } from "@/lib/contracts/snapshot-types";
import { formatRatio } from "./format-number";
import { GLOSSARY } from "./glossary";
import { capitalize } from "./metric-words";

type ColumnShape = Pick<SliceColumn, "name" | "columns" | "kind">;

/** The group's value per column of an intersection ("Female & 18-30" over [sex, age_band]); null if it cannot be split. */
function splitGroup(column: ColumnShape, group: string): string[] | null {
  if (column.columns.length < 2) return null;
  for (const sep of [" & ", " × ", " x ", " | ", ", ", "|", "&", "×"]) {
    const parts = group.split(sep).map((p) => p.trim());
    if (parts.length === column.columns.length) return parts;
  }
  return null;
}

/** "sex is Female", "sex is Female and age_band is 18-30". */
export function groupCondition(column: ColumnShape, group: string): string {
  const parts = splitGroup(column, group);
  if (parts) return parts.map((p, i) => `${column.columns[i]} is ${p}`).join(" and ");
  return `${column.name} is ${group}`;
}

/** "rows where sex is Female". */
export function groupPhrase(column: ColumnShape, group: string, rowNoun = "rows"): string {
  return `${rowNoun} where ${groupCondition(column, group)}`;
}

/** "sex = Female", as the pages label a slice. */
export function sliceLabel(column: ColumnShape, group: string): string {
  return `${column.name} = ${group}`;
}

/** What the groups are compared on, as the end of "Groups are compared on ...". */
export const COMPARED_ON: Record<SliceMetric, string> = {
  selectionRate: "how often the model says yes",
  truePositiveRate: "how often a real yes is found",
  falsePositiveRate: "how often a real no is wrongly flagged",
  accuracy: "how often the model is right",
  mae: "the size of the model's error",
};

/** The policy's band, and what the four-fifths band is (and is not). */
export function toleranceSentences(tolerance: number): string[] {
  const low = formatRatio(tolerance);
  const high = formatRatio(1 / tolerance);
  const lines = [`The policy allows ${low} to ${high}.`];
  if (Math.abs(tolerance - 0.8) < 1e-9) lines.push(`This band is ${GLOSSARY["four-fifths"]}.`);
  else lines.push("This band is a rule of thumb, not a verdict of fairness.");
  return lines;
}

export interface SliceGap {
  metric: SliceMetric;
  column: ColumnShape;
  group: string;
  referenceGroup: string;
  /** the group's metric divided by the reference group's */
  disparity: number;
  /** the policy's tau: the band is tau to 1/tau */
  tolerance: number;
  rowNoun?: string;
}

/** The gap alone (no band): the gap sentence, then what the reference group is. */
export function gapSentence(gap: SliceGap): string {
  const rows = gap.rowNoun ?? "rows";
  const r = `${formatRatio(gap.disparity, [gap.tolerance, 1 / gap.tolerance, 1])} times`;
  const a = groupCondition(gap.column, gap.group);
  const b = `those where ${groupCondition(gap.column, gap.referenceGroup)} (the reference group)`;
  const explain = `The reference group is ${GLOSSARY["reference group"]}.`;
  switch (gap.metric) {
    case "selectionRate":
      return `${capitalize(rows)} where ${a} are picked ${r} as often as ${b}. ${explain}`;
    case "truePositiveRate":
      return `${capitalize(rows)} where ${a}, of those that really were yes, are found ${r} as often as ${b}. ${explain}`;
    case "falsePositiveRate":
      return `${capitalize(rows)} where ${a}, of those that really were no, are wrongly flagged ${r} as often as ${b}. ${explain}`;
    case "accuracy":
      return `${capitalize(rows)} where ${a} are classed correctly ${r} as often as ${b}. ${explain}`;
    case "mae":
      return `For ${rows} where ${a}, the model's error is ${r} as large as for ${b}. ${explain}`;
  }
}

/** The gap and the band the policy allows, e.g. "...; the policy allows 0.8 to 1.25." */
export function sliceSentence(gap: SliceGap): string {
  return [gapSentence(gap), ...toleranceSentences(gap.tolerance)].join(" ");
}
