// Per-group counts and rates with their 95% ranges, the gap against the reference group and the verdict. Wide, so
// it scrolls inside its own labelled, keyboard-reachable region (never the page); downloads as CSV.
import { DownloadCsvButton } from "@/components/charts";
import type { AcceptedMark } from "@/lib/contracts/accepted-risks";
import { AcceptedRiskMark } from "../governance/accepted-risk-mark";
import type { SliceView } from "./slice-views";

const TONE_STYLE: Record<string, string> = {
  bad: "bg-red-50 text-red-900 ring-red-200",
  warn: "bg-amber-50 text-amber-900 ring-amber-200",
  good: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  neutral: "bg-slate-100 text-slate-800 ring-slate-200",
};

/** `accepted`: accepted risks that hold, by group, shown instead of the bare verdict. */
export function GroupTable({ view, title, caption, accepted }: { view: SliceView; title: string; caption: string; accepted?: Record<string, AcceptedMark> }) {
  const titleId = "group-table-title";
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={titleId} className="font-semibold">
          {title}
        </h3>
        <DownloadCsvButton table={view.csv} fileName={`groups-${view.name}`} describedBy={titleId} />
      </div>
      <p className="text-sm text-slate-700">{caption}</p>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby={titleId}>
        <table className="w-full min-w-[44rem] text-left text-sm" data-testid="group-table" data-slice={view.name}>
          <caption className="sr-only">{title}</caption>
          <thead className="text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3">Group</th>
              <th scope="col" className="py-2 pr-3 text-right">Rows</th>
              <th scope="col" className="py-2 pr-3 text-right">Share</th>
              {view.rateHeaders.map((h) => (
                <th key={h.key} scope="col" className="py-2 pr-3 text-right" data-rate={h.key}>
                  {h.label}
                  {h.unit && h.unit !== "%" ? <span className="normal-case"> ({h.unit})</span> : null}
                </th>
              ))}
              <th scope="col" className="py-2 pr-3 text-right">Times the reference</th>
              <th scope="col" className="py-2">Verdict</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {view.rows.map((r) => (
              <tr key={r.group} data-row={r.group} data-state={r.state}>
                <th scope="row" className="py-2 pr-3 align-top font-medium">
                  {r.group}
                  {r.state === "reference" ? <span className="block text-xs font-normal text-slate-600">reference group</span> : null}
                </th>
                <td className="py-2 pr-3 text-right align-top tabular-nums" data-testid="group-rows">{r.rows}</td>
                <td className="py-2 pr-3 text-right align-top tabular-nums" data-testid="group-share">{r.share}</td>
                {r.rates.map((c, i) => (
                  <td key={view.rateHeaders[i]!.key} className="py-2 pr-3 text-right align-top tabular-nums" data-rate={view.rateHeaders[i]!.key}>
                    {c ? (
                      <>
                        <span data-testid="rate-value">{c.value}</span>
                        {c.range ? <span className="block whitespace-nowrap text-xs text-slate-600">{c.range}</span> : null}
                      </>
                    ) : (
                      "–"
                    )}
                  </td>
                ))}
                <td className="py-2 pr-3 text-right align-top tabular-nums" data-testid="group-disparity">
                  {r.disparity ?? "–"}
                  {r.disparityRange ? <span className="block whitespace-nowrap text-xs text-slate-600">{r.disparityRange}</span> : null}
                </td>
                <td className="py-2 align-top" data-testid="group-verdict">
                  {accepted?.[r.group] ? (
                    <AcceptedRiskMark mark={accepted[r.group]!} compact />
                  ) : (
                    <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${TONE_STYLE[r.tone]}`}>{r.verdict}</span>
                  )}
                  {r.note ? <span className="mt-1 block max-w-[16rem] text-xs text-slate-600">{r.note}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
