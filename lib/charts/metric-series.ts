// A scorecard metric across periods, as a chart, a table and the summary's input. Pure: the pages hand in the
// snapshots (already read and authorized) and get plain data for components/charts.
import type { ChartSpec, TableData } from "@/lib/contracts/chart";
import type { SnapshotContent } from "@/lib/contracts/snapshot-types";
import { METRIC_SCALE, formatMetricValue } from "@/lib/narrative/format-metric";
import type { MetricOverTime } from "@/lib/narrative/metric-over-time-summary";
import { capitalize, metricName } from "@/lib/narrative/metric-words";
import { windowName } from "@/lib/narrative/window-words";
import { referenceName } from "@/lib/narrative/model-page-words";
import { MAX_CHART_POINTS, downsampleLttb } from "./downsample";

export interface PeriodContent {
  windowId: string;
  label: string;
  isReference: boolean;
  content: SnapshotContent | null;
}

export interface MetricSeries {
  spec: ChartSpec;
  table: TableData;
  summary: MetricOverTime;
  /** periods with a value */
  points: number;
}

/**
 * `metric` over the production periods (oldest first) with its 95% interval band; the reference value and the
 * policy's floor as dashed lines. Periods without the metric are gaps. More than MAX_CHART_POINTS periods are
 * downsampled for the drawing (largest-triangle-three-buckets); the table keeps every period.
 */
export function metricSeries(periods: readonly PeriodContent[], metric: string, options: { floor?: number; unit?: string } = {}): MetricSeries {
  const reference = periods.find((p) => p.isReference);
  const refEntry = reference?.content?.scorecard?.metrics.find((m) => m.name === metric) ?? null;
  const production = periods.filter((p) => !p.isReference);
  const rows = production.map((p, i) => {
    const entry = p.content?.scorecard?.metrics.find((m) => m.name === metric) ?? null;
    const value = entry?.value ?? null;
    return { i, p, entry, value, lower: entry?.ci?.lower ?? null, upper: entry?.ci?.upper ?? null };
  });
  const higherIsBetter = refEntry?.higherIsBetter ?? rows.find((r) => r.entry)?.entry?.higherIsBetter ?? true;
  const percent = METRIC_SCALE[metric] === "percent";
  const drawn = downsampleLttb(
    rows.map((r) => ({ x: r.i, y: r.value, row: r })),
    MAX_CHART_POINTS,
  );
  const name = capitalize(metricName(metric));
  const spec: ChartSpec = {
    kind: "line",
    xType: "category",
    xAxis: { label: "" },
    // The chart's title names the metric; the axis carries only the unit.
    yAxis: { label: options.unit && !percent ? options.unit : "", ticks: percent ? "percent" : "number" },
    series: [
      {
        name,
        band: true,
        points: drawn.map(({ row }) => ({ x: windowName(row.p.label), y: row.value, lower: row.lower, upper: row.upper })),
      },
    ],
    referenceLines: [
      ...(refEntry?.value !== null && refEntry?.value !== undefined ? [{ y: refEntry.value, label: `Reference ${formatMetricValue(metric, refEntry.value, { unit: options.unit })}` }] : []),
      ...(options.floor !== undefined ? [{ y: options.floor, label: `Policy ${higherIsBetter ? "floor" : "ceiling"} ${formatMetricValue(metric, options.floor, { unit: options.unit })}` }] : []),
    ],
  };
  const fmt = (x: number | null, against: number[] = []) => (x === null ? null : { text: formatMetricValue(metric, x, { unit: options.unit, against }), value: x });
  const limits = [options.floor, refEntry?.value].filter((x): x is number => typeof x === "number");
  const table: TableData = {
    columns: [{ label: "Period" }, { label: name, numeric: true }, { label: "95% range from", numeric: true }, { label: "95% range to", numeric: true }],
    rows: [
      ...(reference && refEntry ? [[referenceName(reference.label), fmt(refEntry.value), fmt(refEntry.ci?.lower ?? null), fmt(refEntry.ci?.upper ?? null)]] : []),
      ...rows.map((r) => [windowName(r.p.label), fmt(r.value, limits), fmt(r.lower), fmt(r.upper)]),
    ],
    rowKeys: [...(reference && refEntry ? [reference.label] : []), ...rows.map((r) => r.p.label)],
  };
  return {
    spec,
    table,
    summary: {
      metric,
      higherIsBetter,
      points: rows.map((r) => ({ windowLabel: r.p.label, value: r.value })),
      reference: refEntry?.value ?? null,
      floor: options.floor ?? null,
      ...(options.unit ? { unit: options.unit } : {}),
    },
    points: rows.filter((r) => r.value !== null).length,
  };
}
