// The words under a chart of each group's gap against the reference group, for one slice column. Pure.
import type { SliceColumn, SliceMetric } from "@/lib/contracts/snapshot-types";
import { formatCount, formatRatio } from "./format-number";
import { GLOSSARY } from "./glossary";
import { COMPARED_ON, toleranceSentences } from "./slice-sentence";

export interface DisparityChart {
  column: SliceColumn;
  /** the metric the groups are judged on */
  metric: SliceMetric;
  /** the policy's tau: the band is tau to 1/tau */
  tolerance: number;
}

export function disparityChartSummary({ column, metric, tolerance }: DisparityChart): string {
  const ref = column.referenceGroup;
  if (ref === null) return `No group of ${column.name} has enough rows to compare. So the chart shows no gaps yet.`;
  const band = [tolerance, 1 / tolerance, 1];
  const judged = column.groups.filter((g) => g.group !== ref && g.judgeable && g.disparity !== null && Number.isFinite(g.disparity));
  const small = column.groups.filter((g) => g.group !== ref && !judged.includes(g)).length;
  const outside = judged.filter((g) => g.withinTolerance === false || (g.disparity as number) < tolerance - 1e-12 || (g.disparity as number) > 1 / tolerance + 1e-12);
  const lines = [
    `The chart compares each group of ${column.name} with ${ref} (the reference group: ${GLOSSARY["reference group"]}).`,
    `It compares ${COMPARED_ON[metric]}.`,
  ];
  lines.push(...toleranceSentences(tolerance));
  const furthest = [...judged].sort((a, b) => Math.abs(Math.log(b.disparity as number)) - Math.abs(Math.log(a.disparity as number)))[0];
  if (outside.length) lines.push(`${formatCount(outside.length)} of ${formatCount(judged.length)} groups ${outside.length === 1 ? "lies" : "lie"} outside that band.`);
  else if (judged.length) lines.push(`All ${formatCount(judged.length)} groups lie inside that band.`);
  if (furthest) lines.push(`The furthest is ${furthest.group}, at ${formatRatio(furthest.disparity as number, band)} times.`);
  if (small > 0) lines.push(`${formatCount(small)} group${small === 1 ? " has" : "s have"} too few rows to judge.`);
  return lines.join(" ");
}
