"use client";
// Every column's drift: the test used and why, score, limit and verdict, the biggest change first. A column's name
// is a button that opens its reference-against-now chart in a dialog (Enter opens it, Escape closes it, and focus
// returns to the button). At 390 px the rows stack; the table downloads as CSV.
import { useEffect, useRef, useState } from "react";
import { Chart, DownloadCsvButton } from "@/components/charts";
import type { TableData } from "@/lib/contracts/chart";
import type { AcceptedMark } from "@/lib/contracts/accepted-risks";
import { AcceptedRiskMark } from "../governance/accepted-risk-mark";
import type { DriftRowView, HistogramView } from "./drift-views";

const VERDICT_STYLE: Record<string, string> = {
  Changed: "bg-red-50 text-red-900 ring-red-200",
  "Not changed": "bg-emerald-50 text-emerald-900 ring-emerald-200",
};

function Verdict({ text }: { text: string }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${VERDICT_STYLE[text] ?? "bg-slate-100 text-slate-800 ring-slate-200"}`}>
      {text}
    </span>
  );
}

export function DriftColumnTable({
  rows,
  histograms,
  csv,
  title,
  description,
  accepted,
}: {
  rows: DriftRowView[];
  histograms: HistogramView[];
  csv: TableData;
  title: string;
  description: string;
  /** accepted risks that hold, by column: shown instead of the bare verdict */
  accepted?: Record<string, AcceptedMark>;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const shown = histograms.find((h) => h.column === open) ?? null;
  const row = rows.find((r) => r.column === open) ?? null;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (shown && !d.open) d.showModal();
    if (!shown && d.open) d.close();
  }, [shown]);

  function show(column: string, button: HTMLButtonElement) {
    opener.current = button;
    setOpen(column);
  }

  function closed() {
    setOpen(null);
    opener.current?.focus();
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="drift-table-title" className="font-semibold">
          {title}
        </h3>
        <DownloadCsvButton table={csv} fileName="drift-by-column.csv" describedBy="drift-table-title" />
      </div>
      <p className="text-sm text-slate-700">{description}</p>
      <div className="md:overflow-x-auto" tabIndex={0} role="region" aria-labelledby="drift-table-title">
        <table className="w-full text-left text-sm" data-testid="drift-table">
          <caption className="sr-only">{title}</caption>
          <thead className="hidden text-xs uppercase tracking-wide text-slate-600 md:table-header-group">
            <tr>
              <th scope="col" className="py-2 pr-3">Column</th>
              <th scope="col" className="py-2 pr-3">Test and why</th>
              <th scope="col" className="py-2 pr-3 text-right">Score</th>
              <th scope="col" className="py-2 pr-3 text-right">Limit</th>
              <th scope="col" className="py-2">Verdict</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => {
              const mark = accepted?.[r.column];
              return (
              <tr key={r.column} data-row={r.column} className="grid grid-cols-2 gap-x-3 gap-y-1 py-3 md:table-row md:py-0">
                <th scope="row" className="col-span-2 text-left font-medium md:py-2 md:pr-3 md:align-top">
                  {r.hasChart ? (
                    <button
                      type="button"
                      className="text-left text-sky-800 underline decoration-sky-800/40 underline-offset-2 hover:text-sky-950"
                      onClick={(e) => show(r.column, e.currentTarget)}
                      aria-haspopup="dialog"
                      data-testid="open-histogram"
                    >
                      {r.name}
                    </button>
                  ) : (
                    r.name
                  )}
                </th>
                <td className="col-span-2 text-slate-700 md:py-2 md:pr-3 md:align-top">
                  <span className="font-medium text-slate-900">{r.test}.</span> <span className="text-xs">{r.why}</span>
                </td>
                <td className="tabular-nums md:py-2 md:pr-3 md:text-right md:align-top" data-testid="drift-score">
                  <span className="text-slate-600 md:hidden">Score </span>
                  {r.score}
                </td>
                <td className="tabular-nums md:py-2 md:pr-3 md:text-right md:align-top" data-testid="drift-threshold">
                  <span className="text-slate-600 md:hidden">Limit </span>
                  <span title={`Counts as changed at ${r.rule}`}>{r.threshold}</span>
                </td>
                <td className="col-span-2 md:py-2 md:align-top" data-testid="drift-verdict">
                  {mark ? <AcceptedRiskMark mark={mark} compact /> : <Verdict text={r.verdict} />}
                </td>
              </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <dialog
        ref={dialog}
        onClose={closed}
        aria-labelledby="drift-dialog-title"
        className="m-auto w-[min(46rem,calc(100vw-1.5rem))] max-h-[calc(100vh-2rem)] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-[rgb(15_23_42/0.5)]"
        data-testid="histogram-dialog"
      >
        {shown && row ? (
          <div className="space-y-3 p-4 sm:p-5">
            <div className="flex items-start justify-between gap-3">
              <h3 id="drift-dialog-title" className="text-lg font-semibold">
                {row.name}
              </h3>
              <button
                type="button"
                onClick={() => dialog.current?.close()}
                className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50"
              >
                Close
              </button>
            </div>
            <Chart title={shown.title} summary={shown.summary} spec={shown.spec} table={shown.table} headingLevel={4} height={shown.spec.kind === "bar" && shown.spec.horizontal ? Math.max(200, shown.spec.categories.length * 26 + 60) : 260} testId="histogram" />
          </div>
        ) : null}
      </dialog>
    </div>
  );
}
