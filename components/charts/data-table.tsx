"use client";
// A table that scrolls inside its own keyboard-reachable region (never the page) and downloads as CSV.
import { useId } from "react";
import { cellText, csvFileName, headerLabel, tableToCsv } from "@/lib/charts/csv";
import type { TableData } from "@/lib/contracts/chart";

/** Saves `table` as a CSV file in the browser (nothing goes to the server). */
export function DownloadCsvButton({ table, fileName, label = "Download CSV", describedBy }: { table: TableData; fileName: string; label?: string; describedBy?: string }) {
  function download() {
    const blob = new Blob([tableToCsv(table)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName.endsWith(".csv") ? fileName : csvFileName(fileName);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return (
    <button
      type="button"
      onClick={download}
      aria-describedby={describedBy}
      className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50"
      data-testid="download-csv"
    >
      {label}
    </button>
  );
}

/** The table itself, without a title (a Chart shows it under its own title). */
export function TableView({ table, caption, testId, minWidth = "24rem" }: { table: TableData; caption: string; testId?: string; minWidth?: string }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full text-left text-sm" style={{ minWidth }} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-600">
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className={`py-2 pr-3 last:pr-0 ${c.numeric ? "text-right" : ""}`}>
                {headerLabel(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.rows.map((row, r) => (
            <tr key={table.rowKeys?.[r] ?? r} data-row={table.rowKeys?.[r]}>
              {row.map((cell, i) => {
                const numeric = table.columns[i]?.numeric;
                const title = cell !== null && typeof cell === "object" ? cell.title : undefined;
                const className = `py-2 pr-3 last:pr-0 ${numeric ? "text-right tabular-nums" : ""}`;
                return i === 0 ? (
                  <th key={i} scope="row" className={`${className} font-medium`} title={title}>
                    {cellText(cell)}
                  </th>
                ) : (
                  <td key={i} className={className} title={title}>
                    {cellText(cell)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A titled table with its CSV download. `title` names the table for screen readers and the file. */
export function DataTable({
  title,
  table,
  fileName,
  description,
  testId,
  headingLevel = 3,
  minWidth,
}: {
  title: string;
  table: TableData;
  fileName?: string;
  description?: string;
  testId?: string;
  headingLevel?: 2 | 3 | 4;
  minWidth?: string;
}) {
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Heading id={`${id}-title`} className="font-semibold">
          {title}
        </Heading>
        <DownloadCsvButton table={table} fileName={fileName ?? csvFileName(title)} describedBy={`${id}-title`} />
      </div>
      {description ? <p className="text-sm text-slate-600">{description}</p> : null}
      <TableView table={table} caption={title} testId={testId} minWidth={minWidth} />
    </div>
  );
}
