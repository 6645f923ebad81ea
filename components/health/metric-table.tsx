import type { MetricEntry } from "@/lib/evaluation/snapshot-types";
import { formatMetric } from "@/lib/governance/format-metric";
import { METRIC_WORDS } from "@/lib/governance/verdicts";

const EXPLAIN: Record<string, (v: number) => string> = {
  accuracy: (v) => `Right about ${Math.round(v * 100)} times in 100.`,
  precision: (v) => `When it says "yes", it is right ${Math.round(v * 100)} times in 100.`,
  recall: (v) => `Finds ${Math.round(v * 100)} in 100 of the real "yes" cases.`,
  f1: () => "Balances the two above: 1 is perfect, 0 is useless.",
  rocAuc: (v) => `Ranks a random "yes" above a random "no" ${Math.round(v * 100)} times in 100.`,
  logLoss: () => "How sure it is when it is wrong: lower is better.",
  brier: () => "Gap between its stated chances and what happened: lower is better.",
  calibrationError: (v) => `Its stated chances are off by about ${Math.round(v * 100)} points on average.`,
  mae: (v) => `Its estimate is off by ${v.toFixed(1)} on average.`,
  rmse: () => "Like the average error, but big misses count more.",
  mape: (v) => `Off by ${Math.round(v * 100)}% of the real value on average.`,
  r2: (v) => `Explains ${Math.round(Math.max(0, v) * 100)}% of the ups and downs.`,
};

/** The stored value, rounded so it stays on the same side of the policy floor; the full value is in the title. */
function show(x: number | null, floor?: number): string {
  return x === null ? "–" : formatMetric(x, floor);
}

export function MetricTable({ metrics, floors }: { metrics: MetricEntry[]; floors: Record<string, number> }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-left text-sm" data-testid="metric-table">
        <thead className="text-xs uppercase tracking-wide text-slate-500">
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
                <span className="capitalize">{METRIC_WORDS[m.name] ?? m.name}</span>
                {floors[m.name] !== undefined ? <span className="block text-xs font-normal text-slate-500">policy floor {floors[m.name]}</span> : null}
              </th>
              <td className="py-2 pr-3 tabular-nums" title={m.value === null ? undefined : String(m.value)}>{show(m.value, floors[m.name])}</td>
              <td className="py-2 pr-3 tabular-nums text-slate-600">{m.ci && m.ci.lower !== null && m.ci.upper !== null ? `${show(m.ci.lower, floors[m.name])} – ${show(m.ci.upper, floors[m.name])}` : "–"}</td>
              <td className="py-2 text-slate-700">
                {!m.judgeable ? <span className="text-amber-800">{m.note ?? "Too few rows to judge."}</span> : m.value !== null ? (EXPLAIN[m.name]?.(m.value) ?? "") : ""}
                <span className="block text-xs text-slate-400">same as {m.peer}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
