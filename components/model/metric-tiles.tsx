// One tile per scorecard metric: the value, its 95% range and the change against the comparison period.
import type { AcceptedMark } from "@/lib/contracts/accepted-risks";
import type { MetricEntry } from "@/lib/contracts/snapshot-types";
import { AcceptedRiskMark } from "../governance/accepted-risk-mark";
import { capitalize, formatMetricValue, intervalWords, limitCaption, metricChangeWords, metricExplanation, metricName } from "@/lib/narrative";

export interface MetricTile {
  entry: MetricEntry;
  /** the same metric in the comparison period */
  before: number | null;
  beforeLabel: string | null;
  currentLabel: string;
  floor?: number;
  /** an accepted risk that holds on this metric */
  accepted?: AcceptedMark;
}

export function MetricTiles({ tiles, unit }: { tiles: MetricTile[]; unit?: string }) {
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="metric-tiles">
      {tiles.map(({ entry, before, beforeLabel, currentLabel, floor, accepted }) => {
        const against = [floor, before].filter((x): x is number => typeof x === "number");
        return (
          <li key={entry.name} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="metric-tile" data-metric={entry.name}>
            <p className="text-sm font-medium text-slate-800">{capitalize(metricName(entry.name))}</p>
            <p className="text-xs text-slate-600">{metricExplanation(entry.name)}</p>
            <p className="mt-2 text-2xl font-semibold tabular-nums text-slate-900" data-testid="metric-value" title={entry.value === null ? undefined : String(entry.value)}>
              {entry.value === null ? "–" : formatMetricValue(entry.name, entry.value, { unit, against })}
            </p>
            {entry.ci && entry.ci.lower !== null && entry.ci.upper !== null ? (
              <p className="text-xs text-slate-700" data-testid="metric-interval">
                {intervalWords(entry.name, entry.ci.lower, entry.ci.upper, unit)}
              </p>
            ) : null}
            {entry.value !== null && before !== null && beforeLabel ? (
              <p className="mt-1 text-xs text-slate-700" data-testid="metric-change">
                {metricChangeWords(entry.name, entry.value, before, beforeLabel, currentLabel, unit)}
              </p>
            ) : null}
            {floor !== undefined ? <p className="mt-1 text-xs text-slate-600">{capitalize(limitCaption(entry.name, floor, entry.higherIsBetter, unit))}</p> : null}
            {accepted ? (
              <div className="mt-2">
                <AcceptedRiskMark mark={accepted} />
              </div>
            ) : null}
            {!entry.judgeable ? <p className="mt-1 text-xs font-medium text-amber-900">{entry.note ?? "Too few rows to judge."}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
