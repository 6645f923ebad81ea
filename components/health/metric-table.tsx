import type { MetricEntry } from "@/lib/contracts/snapshot-types";
import { formatMetricValue, intervalCaption, limitCaption, metricMeaning, metricName } from "@/lib/narrative";

/** The stored value on its metric's scale, rounded so it stays on the same side of the policy floor; the full value is in the title. */
function show(name: string, x: number | null, floor?: number): string {
  return x === null ? "–" : formatMetricValue(name, x, { against: floor === undefined ? [] : [floor] });
}

export function MetricTable({ metrics, floors }: { metrics: MetricEntry[]; floors: Record<string, number> }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Scorecard">
      <table className="w-full min-w-[36rem] text-left text-sm" data-testid="metric-table">
        <thead className="text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3">Measure</th>
            <th scope="col" className="py-2 pr-3">Value</th>
            <th scope="col" className="py-2 pr-3">95% range</th>
            <th scope="col" className="py-2">What it means</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {metrics.map((m) => (
            <tr key={m.name} data-metric={m.name}>
              <th scope="row" className="py-2 pr-3 font-medium">
                <span className="capitalize">{metricName(m.name)}</span>
                {floors[m.name] !== undefined ? <span className="block text-xs font-normal text-slate-600">{limitCaption(m.name, floors[m.name]!, m.higherIsBetter)}</span> : null}
              </th>
              <td className="py-2 pr-3 tabular-nums" title={m.value === null ? undefined : String(m.value)}>{show(m.name, m.value, floors[m.name])}</td>
              <td className="py-2 pr-3 tabular-nums text-slate-600">{m.ci && m.ci.lower !== null && m.ci.upper !== null ? intervalCaption(m.name, m.ci.lower, m.ci.upper, floors[m.name] === undefined ? [] : [floors[m.name]!]) : "–"}</td>
              <td className="py-2 text-slate-700">
                {!m.judgeable ? <span className="text-amber-800">{m.note ?? "Too few rows to judge."}</span> : m.value !== null ? metricMeaning(m.name, m.value) : ""}
                <span className="block text-xs text-slate-600">same as {m.peer}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
