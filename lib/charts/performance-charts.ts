// The performance page's charts and tables from one stored scorecard. Pure: numbers in, plain data out.
import type { ChartSpec, TableData } from "@/lib/contracts/chart";
import type { BoxStats, ClassEntry, ScorecardSection } from "@/lib/contracts/snapshot-types";
import { formatMetricValue } from "@/lib/narrative/format-metric";
import { formatCount, formatPercent } from "@/lib/narrative/format-number";

export interface ChartAndTable {
  spec: ChartSpec;
  table: TableData;
}

const count = (n: number) => ({ text: formatCount(n), value: n });

/** The 2 × 2 yes/no counts: rows are the real answer, columns the model's answer. */
export function binaryConfusion(confusion: NonNullable<ScorecardSection["confusion"]>, positive: string): ChartAndTable {
  const { tp, fp, tn, fn } = confusion;
  const yes = positive;
  const no = `not ${positive}`;
  return {
    spec: {
      kind: "heatmap",
      rowsLabel: "the real answer",
      columnsLabel: "the model's answer",
      rows: [`Really ${yes}`, `Really ${no}`],
      columns: [`Said ${yes}`, `Said ${no}`],
      values: [
        [tp, fn],
        [fp, tn],
      ],
      cellText: [
        [formatCount(tp), formatCount(fn)],
        [formatCount(fp), formatCount(tn)],
      ],
    },
    table: {
      columns: [{ label: "Real answer" }, { label: `Model said ${yes}`, numeric: true }, { label: `Model said ${no}`, numeric: true }, { label: "Total", numeric: true }],
      rows: [
        [yes, count(tp), count(fn), count(tp + fn)],
        [no, count(fp), count(tn), count(fp + tn)],
      ],
      rowKeys: ["positive", "negative"],
    },
  };
}

/** A category model's confusion matrix (rows true, columns predicted) as a heat map and a table. */
export function classConfusion(classes: readonly string[], matrix: readonly (readonly number[])[]): ChartAndTable {
  return {
    spec: {
      kind: "heatmap",
      rowsLabel: "the real category",
      columnsLabel: "the model's answer",
      rows: [...classes],
      columns: [...classes],
      values: classes.map((_, i) => classes.map((_, j) => matrix[i]?.[j] ?? 0)),
      cellText: classes.map((_, i) => classes.map((_, j) => formatCount(matrix[i]?.[j] ?? 0))),
    },
    table: {
      columns: [{ label: "Real category" }, ...classes.map((c) => ({ label: `Said ${c}`, numeric: true }))],
      rows: classes.map((c, i) => [c, ...classes.map((_, j) => count(matrix[i]?.[j] ?? 0))]),
      rowKeys: [...classes],
    },
  };
}

export function perClassTable(perClass: readonly ClassEntry[]): TableData {
  const pct = (name: string, x: number) => ({ text: formatMetricValue(name, x), value: x });
  return {
    columns: [
      { label: "Category" },
      { label: "Rows", numeric: true },
      { label: "Found (recall)", numeric: true },
      { label: "Right when picked (precision)", numeric: true },
      { label: "F1", numeric: true },
      { label: "Picked by the model", numeric: true },
    ],
    rows: perClass.map((c) => [c.label, count(c.support), pct("recall", c.recall), pct("precision", c.precision), pct("f1", c.f1), count(c.predicted)]),
    rowKeys: perClass.map((c) => c.label),
  };
}

/** The reliability curve: stated chance (x) against the share that came true (y), with the diagonal. */
export function calibrationChart(bins: NonNullable<ScorecardSection["calibration"]>["bins"]): ChartAndTable {
  const used = bins.filter((b) => b.rows > 0);
  return {
    spec: {
      kind: "line",
      xType: "number",
      xAxis: { label: "Chance the model gave", ticks: "percent", domain: [0, 1] },
      yAxis: { label: "Share that came true", ticks: "percent", domain: [0, 1] },
      series: [{ name: "This period", points: used.map((b) => ({ x: b.meanScore, y: b.fractionPositive })) }],
      diagonal: true,
      dots: true,
    },
    table: {
      columns: [{ label: "Chance the model gave (mean)", numeric: true }, { label: "Share that came true", numeric: true }, { label: "Rows", numeric: true }],
      rows: used.map((b) => [
        { text: formatPercent(b.meanScore, [b.fractionPositive]), value: b.meanScore },
        { text: formatPercent(b.fractionPositive, [b.meanScore]), value: b.fractionPositive },
        count(b.rows),
      ]),
    },
  };
}

const QUANTILES: { key: keyof BoxStats; label: string }[] = [
  { key: "p01", label: "1st percentile" },
  { key: "q1", label: "Lower quartile" },
  { key: "median", label: "Median" },
  { key: "q3", label: "Upper quartile" },
  { key: "p99", label: "99th percentile" },
];

/**
 * A number model: the spread of its predictions against the spread of the real values, quantile by quantile
 * (from the stored box statistics of the output and the label). Points on top of each other mean the model's
 * answers are spread like reality.
 */
export function predictedAgainstActual(predicted: BoxStats, actual: BoxStats, unit?: string, axisLabel = "Value"): ChartAndTable {
  const amount = (x: number, other: number) => ({ text: formatMetricValue("mae", x, { unit, against: [other] }), value: x });
  return {
    spec: {
      kind: "line",
      xType: "category",
      xAxis: { label: "" },
      yAxis: { label: axisLabel, ...(unit ? { unit } : {}) },
      series: [
        { name: "Real values", points: QUANTILES.map((q) => ({ x: q.label, y: actual[q.key] })) },
        { name: "Predictions", points: QUANTILES.map((q) => ({ x: q.label, y: predicted[q.key] })), dashed: true },
      ],
      dots: true,
    },
    table: {
      columns: [{ label: "Point of the spread" }, { label: "Real values", numeric: true, ...(unit ? { unit } : {}) }, { label: "Predictions", numeric: true, ...(unit ? { unit } : {}) }],
      rows: [
        ...QUANTILES.map((q) => [q.label, amount(actual[q.key], predicted[q.key]), amount(predicted[q.key], actual[q.key])]),
        ["Mean", amount(actual.mean, predicted.mean), amount(predicted.mean, actual.mean)],
      ],
      rowKeys: [...QUANTILES.map((q) => q.key), "mean"],
    },
  };
}
