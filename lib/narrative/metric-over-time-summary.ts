// The words under a chart of one metric over time. Pure.
import { formatMetricValue } from "./format-metric";
import { capitalize, metricWords } from "./metric-words";
import { inWindow, windowName } from "./window-words";

export interface MetricOverTime {
  metric: string;
  /** as the scorecard's MetricEntry says */
  higherIsBetter: boolean;
  /** oldest first */
  points: { windowLabel: string; value: number | null }[];
  /** the same metric on the reference data */
  reference?: number | null;
  /** the policy's floor (or ceiling, for a lower-is-better metric) */
  floor?: number | null;
  unit?: string;
}

const given = (x: number | null | undefined): x is number => x !== null && x !== undefined && Number.isFinite(x);

export function metricOverTimeSummary(input: MetricOverTime): string {
  const name = metricWords(input.metric);
  const points = input.points.filter((p): p is { windowLabel: string; value: number } => given(p.value));
  if (points.length === 0) return `There are no values of the ${name} to show yet.`;
  const limits = [input.floor, input.reference].filter(given);
  const f = (x: number, extra: number[] = []) => formatMetricValue(input.metric, x, { unit: input.unit, against: [...limits, ...extra] });
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const lines: string[] = [];
  if (points.length === 1) lines.push(`There is one value so far. ${capitalize(name)} was ${f(first.value)} ${inWindow(first.windowLabel)}.`);
  else if (first.value === last.value) {
    lines.push(`${capitalize(name)} was ${f(last.value)} both ${inWindow(first.windowLabel, last.windowLabel)} and ${inWindow(last.windowLabel, first.windowLabel)}.`);
  } else {
    const verb = last.value > first.value ? "rose" : "fell";
    lines.push(
      `${capitalize(name)} ${verb}. It was ${f(first.value, [last.value])} ${inWindow(first.windowLabel, last.windowLabel)}, and ${f(last.value, [first.value])} ${inWindow(last.windowLabel, first.windowLabel)}.`,
    );
  }
  if (points.length > 2) {
    const worst = points.reduce((a, b) => ((input.higherIsBetter ? b.value < a.value : b.value > a.value) ? b : a));
    if (worst !== first && worst !== last) lines.push(`It was at its worst in ${windowName(worst.windowLabel, last.windowLabel)}, at ${f(worst.value)}.`);
  }
  if (given(input.reference)) {
    lines.push(`On the reference data it was ${formatMetricValue(input.metric, input.reference, { unit: input.unit, against: [last.value] })}.`);
  }
  if (given(input.floor)) {
    lines.push(`The policy's ${input.higherIsBetter ? "floor" : "ceiling"} is ${formatMetricValue(input.metric, input.floor, { unit: input.unit })}.`);
  }
  return lines.join(" ");
}
