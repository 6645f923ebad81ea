"use client";
// One chart: title, plain-language summary, the drawing (Recharts, loaded on demand), a "Show as table" toggle and
// a CSV download of the table. See ./index.ts for how to use it.
import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { csvFileName } from "@/lib/charts/csv";
import type { ChartSpec, TableData } from "@/lib/contracts/chart";
import { DownloadCsvButton, TableView } from "./data-table";

// Recharts is its own chunk, fetched only when a chart is on screen; the server renders a box of the same height.
const ChartDrawing = dynamic(() => import("./chart-drawing").then((m) => m.ChartDrawing), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded bg-slate-50" />,
});

export interface ChartProps {
  title: string;
  /** sentences from lib/narrative that say what the chart shows; read by screen readers in place of the drawing */
  summary: string;
  spec: ChartSpec;
  /** the same numbers as a table ("Show as table", and the CSV) */
  table: TableData;
  /** the CSV's file name; from the title when absent */
  fileName?: string;
  /** the drawing's height in pixels */
  height?: number;
  headingLevel?: 2 | 3 | 4;
  testId?: string;
  /** start with the table shown */
  tableFirst?: boolean;
  /** show the summary as visible text (default) or for screen readers only */
  summaryVisible?: boolean;
}

export function Chart({ title, summary, spec, table, fileName, height = 240, headingLevel = 3, testId, tableFirst = false, summaryVisible = true }: ChartProps) {
  const id = useId();
  const [asTable, setAsTable] = useState(tableFirst);
  const Heading = `h${headingLevel}` as const;
  return (
    <figure className="min-w-0 space-y-2" data-testid={testId} data-chart={spec.kind} data-view={asTable ? "table" : "chart"} aria-labelledby={`${id}-title`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Heading id={`${id}-title`} className="font-semibold">
          {title}
        </Heading>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            onClick={() => setAsTable((v) => !v)}
            aria-controls={`${id}-body`}
            className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50"
            data-testid="chart-toggle"
          >
            {asTable ? "Show as chart" : "Show as table"}
          </button>
          <DownloadCsvButton table={table} fileName={fileName ?? csvFileName(title)} describedBy={`${id}-title`} />
        </div>
      </div>
      <p id={`${id}-summary`} className={summaryVisible ? "text-sm text-slate-700" : "sr-only"} data-testid="chart-summary">
        {summary}
      </p>
      <div id={`${id}-body`}>
        {asTable ? (
          <TableView table={table} caption={title} testId="chart-table" />
        ) : (
          <div role="img" aria-labelledby={`${id}-title ${id}-summary`} style={{ height }} className="w-full min-w-0" data-testid="chart-drawing">
            <ChartDrawing spec={spec} height={height} />
          </div>
        )}
      </div>
    </figure>
  );
}
