import Link from "next/link";
import type { WindowSnapshot, WindowSummary } from "@/lib/contracts/model-health";
import type { Light, Verdict } from "@/lib/contracts/snapshot-types";
import { scorecardCaption, snapshotCaption } from "@/lib/narrative";
import { isLegacySnapshot } from "@/lib/contracts/snapshot-content";
import { LEGACY_SNAPSHOT_NOTE } from "@/lib/narrative/captions";
import { referenceStatusWords } from "@/lib/narrative/model-page-words";
import { ClassTable } from "./class-table";
import { MetricTable } from "./metric-table";
import { TrafficLight } from "./traffic-light";

function VerdictRow({ title, verdict }: { title: string; verdict: Verdict }) {
  return (
    <div className="flex flex-col gap-1 py-2 sm:flex-row sm:items-start sm:gap-3" data-testid={`verdict-${title.toLowerCase()}`}>
      <div className="flex w-40 shrink-0 items-center gap-2">
        <TrafficLight light={verdict.light} />
      </div>
      <div className="text-sm text-slate-700">
        <p>
          <span className="font-medium text-slate-900">{title}: </span>
          {verdict.reason}
        </p>
        {verdict.nextStep && verdict.light !== "green" ? (
          <p className="mt-1 font-medium text-slate-900" data-testid="next-step">
            {verdict.nextStep}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function HealthSummary({ snapshot, floors }: { snapshot: WindowSnapshot; floors: Record<string, number> }) {
  const { content } = snapshot;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <TrafficLight light={content.verdicts.overall.light} />
        <p className="text-sm text-slate-600">
          {snapshotCaption(snapshot.windowLabel, snapshot.rowCount, content.verdicts.policyVersion)}
        </p>
      </div>
      <p className="text-base font-medium text-slate-900" data-testid="headline">
        {content.verdicts.overall.reason}
      </p>
      <div className="divide-y divide-slate-100 border-y border-slate-100">
        {content.verdicts.dataQuality ? <VerdictRow title="Data quality" verdict={content.verdicts.dataQuality} /> : null}
        <VerdictRow title="Performance" verdict={content.verdicts.performance} />
        <VerdictRow title="Drift" verdict={content.verdicts.drift} />
        <VerdictRow title="Fairness" verdict={content.verdicts.fairness} />
      </div>
      {content.verdicts.changes?.sinceReference || content.verdicts.changes?.sincePrevious ? (
        <div data-testid="changes">
          <h3 className="mb-1 font-semibold">What changed</h3>
          <ul className="space-y-1 text-sm text-slate-700">
            {content.verdicts.changes.sinceReference ? <li>{content.verdicts.changes.sinceReference}</li> : null}
            {content.verdicts.changes.sincePrevious ? <li>{content.verdicts.changes.sincePrevious}</li> : null}
          </ul>
        </div>
      ) : null}
      <details className="rounded-md border border-slate-200 px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">Read the whole summary</summary>
        <ul className="mt-2 space-y-1 text-sm text-slate-700" data-testid="narrative">
          {content.narrative.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
      {isLegacySnapshot(content) ? (
        <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-700" data-testid="legacy-snapshot">
          {LEGACY_SNAPSHOT_NOTE}
        </p>
      ) : null}
      {content.scorecard && content.scorecard.metrics.length > 0 ? (
        <div>
          <h3 className="mb-1 font-semibold">Scorecard</h3>
          <p className="mb-2 text-xs text-slate-600">
            {scorecardCaption(content.scorecard.labelledRows)}
          </p>
          <MetricTable metrics={content.scorecard.metrics} floors={floors} />
        </div>
      ) : null}
      {content.scorecard?.perClass && content.scorecard.perClass.length > 0 ? <ClassTable classes={content.scorecard.perClass} /> : null}
    </div>
  );
}

/** One row per period; with `hrefs` (by window id) each period's name opens that period; `current` is marked. */
export function WindowTimeline({ windows, hrefs, current }: { windows: WindowSummary[]; hrefs?: Record<string, string>; current?: string | null }) {
  const light = (l: Light) => <TrafficLight light={l} />;
  const manyReferences = windows.filter((w) => w.isReference).length > 1;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Results over time">
      <table className="w-full min-w-[34rem] text-left text-sm" data-testid="window-timeline">
        <thead className="text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3">Period</th>
            <th scope="col" className="py-2 pr-3">Rows</th>
            <th scope="col" className="py-2 pr-3">Overall</th>
            <th scope="col" className="py-2 pr-3">Performance</th>
            <th scope="col" className="py-2 pr-3">Drift</th>
            <th scope="col" className="py-2">Fairness</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {windows.map((w) => (
            <tr key={w.windowId} data-window={w.windowLabel} className={current === w.windowId ? "bg-sky-50" : undefined}>
              <th scope="row" className="py-2 pr-3 font-medium">
                {hrefs?.[w.windowId] ? (
                  <Link href={hrefs[w.windowId]!} className="text-sky-800 underline hover:text-sky-900" aria-current={current === w.windowId ? "true" : undefined}>
                    {w.windowLabel}
                  </Link>
                ) : (
                  w.windowLabel
                )}
                {w.isReference && manyReferences ? (
                  <span className={`block text-xs font-normal ${w.replacedAt ? "text-slate-600" : "text-emerald-800"}`} data-testid="reference-status">
                    {referenceStatusWords(w.replacedAt)}
                  </span>
                ) : null}
              </th>
              <td className="py-2 pr-3 tabular-nums">{w.rowCount.toLocaleString("en-US")}</td>
              <td className="py-2 pr-3">{light(w.verdicts.overall.light)}</td>
              <td className="py-2 pr-3">{light(w.verdicts.performance.light)}</td>
              <td className="py-2 pr-3">{w.isReference ? <TrafficLight light="gray" label="Baseline" /> : light(w.verdicts.drift.light)}</td>
              <td className="py-2">{light(w.verdicts.fairness.light)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
