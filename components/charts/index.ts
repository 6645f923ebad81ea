/**
 * Charts and tables for the model pages. Import from "@/components/charts" only.
 *
 * How to use (in a Server Component page):
 * 1. Build the numbers on the server as plain data: a `ChartSpec` (what to draw) and a `TableData` (the same numbers
 *    as rows; cells are `{ text, value }` with `text` formatted at the precision the page shows and `value` the
 *    stored number that goes into the CSV). Types: `@/lib/contracts/chart`. Long series: pass them through
 *    `downsampleLttb` or `downsampleMinMax` from `@/lib/charts/downsample` (at most MAX_CHART_POINTS = 500).
 *    Helpers that build common specs live in `@/lib/charts` (e.g. `metricOverTimeChart`).
 * 2. Write the summary with lib/narrative (`metricOverTimeSummary`, `disparityChartSummary`,
 *    `driftHistogramSummary`, ...): it is what a screen reader reads in place of the drawing, and shows under the title.
 * 3. Render:
 *      <Chart title="Accuracy over time" summary={...} spec={spec} table={table} testId="accuracy-over-time" />
 *    It draws a title (h3 by default, `headingLevel`), the summary, a "Show as table" toggle (a button: keyboard
 *    reachable), a "Download CSV" button and the drawing. Recharts loads lazily in the browser, only on pages that
 *    render a <Chart>; pages without charts never ship it.
 *    Chart kinds: "line" (category or number x; optional interval band per series, reference lines, a shaded
 *    reference band, a y = x diagonal), "bar" (grouped, optional error bars, `horizontal` for long group names, log
 *    scale through `yAxis.scale`), "heatmap" (a confusion matrix).
 * 4. A table on its own (no chart): <DataTable title="Every column" table={table} testId="drift-table" />. It scrolls
 *    inside a focusable region (never the page at 390 px) and has its own "Download CSV".
 *
 * e2e hooks: the figure has data-testid={testId}, data-chart={kind}, data-view="chart"|"table"; inside it
 * data-testid="chart-toggle", "download-csv", "chart-summary", "chart-drawing" and "chart-table"; table rows carry
 * data-row={rowKeys[i]}.
 */
export { Chart, type ChartProps } from "./chart";
export { DataTable, DownloadCsvButton, TableView } from "./data-table";
export type { BarSeries, ChartAxis, ChartSpec, LinePoint, LineSeries, ReferenceBandSpec, ReferenceLineSpec, TableCell, TableColumn, TableData } from "@/lib/contracts/chart";
