// The performance page's charts and tables from one stored scorecard. Pure: numbers in, plain data out.
import type { ChartSpec, TableData } from "@/lib/contracts/chart";
import type { BoxStats, ClassEntry, RegressionSpread, ScorecardSection } from "@/lib/contracts/snapshot-types";
import { formatMetricValue } from "@/lib/narrative/format-metric";
import { formatAmount, formatCount, formatPercent } from "@/lib/narrative/format-number";

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

/** low..high widened to round numbers (steps of half a power of ten), so both axes tick at readable values. */
export function roundedRange(low: number, high: number): [number, number] {
  const span = high - low;
  if (!(span > 0) || !Number.isFinite(span)) return [low - 1, high + 1];
  const step = 10 ** Math.floor(Math.log10(span)) / 2;
  const clean = (x: number) => Number(x.toPrecision(12));
  return [clean(Math.floor(low / step) * step), clean(Math.ceil(high / step) * step)];
}

/**
 * A number model, from the stored groups of rows: the model's middle answer (and its 10th to 90th percentile band)
 * along the real values, with the diagonal where a perfect answer would lie. Groups only, never single rows.
 */
export function answersAlongRealValues(bins: RegressionSpread["bins"], unit: string): ChartAndTable {
  const all = bins.flatMap((b) => [b.actual, b.predictedLow, b.predictedHigh]);
  const [low, high] = roundedRange(Math.min(...all), Math.max(...all));
  const amount = (x: number, against: number[] = []) => ({ text: formatAmount(x, undefined, against), value: x });
  return {
    spec: {
      kind: "line",
      xType: "number",
      xAxis: { label: "Real value", unit, domain: [low, high] },
      yAxis: { label: "Model's answer", unit, domain: [low, high] },
      series: [{ name: "Model's middle answer", points: bins.map((b) => ({ x: b.actual, y: b.predictedMedian, lower: b.predictedLow, upper: b.predictedHigh })), band: true, bandLabel: "middle 80% of its answers" }],
      diagonal: true,
      dots: true,
    },
    table: {
      columns: [
        { label: "Real value (group mean)", unit, numeric: true },
        { label: "Rows", numeric: true },
        { label: "Model's middle answer", unit, numeric: true },
        { label: "Lowest 10% of answers below", unit, numeric: true },
        { label: "Highest 10% of answers above", unit, numeric: true },
      ],
      rows: bins.map((b) => [amount(b.actual), count(b.rows), amount(b.predictedMedian, [b.actual]), amount(b.predictedLow), amount(b.predictedHigh)]),
    },
  };
}

/** Every row's error (the model's answer minus the real value) in equal-width bins, as bars and a table. */
export function errorSpreadChart(errors: RegressionSpread["errors"], unit: string): ChartAndTable {
  const { edges, counts } = errors;
  const edge = (i: number) => formatAmount(edges[i] as number, undefined, [edges[i - 1] ?? Number.NaN, edges[i + 1] ?? Number.NaN].filter(Number.isFinite));
  const categories = counts.map((_, i) => `${edge(i)} to ${edge(i + 1)}`);
  return {
    spec: {
      kind: "bar",
      categories,
      xAxis: { label: "Error: the model's answer minus the real value", unit },
      yAxis: { label: "Rows", ticks: "integer" },
      series: [{ name: "Rows", values: [...counts] }],
    },
    table: {
      columns: [{ label: "Error from", unit, numeric: true }, { label: "Error to", unit, numeric: true }, { label: "Rows", numeric: true }],
      rows: counts.map((c, i) => [
        { text: edge(i), value: edges[i] as number },
        { text: edge(i + 1), value: edges[i + 1] as number },
        count(c),
      ]),
    },
  };
}
