// The packet's evidence: for each result, the lights with their reasons and the scorecard's numbers, in full.
import { TrafficLight } from "@/components/health/traffic-light";
import type { PacketEvidence } from "@/lib/contracts/packet";
import type { Verdict } from "@/lib/contracts/snapshot-types";
import { capitalize, formatMetricValue, metricName, referenceName } from "@/lib/narrative";

const AREAS = [
  ["performance", "Performance"],
  ["drift", "Drift"],
  ["fairness", "Fairness"],
  ["dataQuality", "Data quality"],
] as const;

function VerdictLine({ title, verdict }: { title: string; verdict: Verdict }) {
  return (
    <li className="sm:flex sm:items-start sm:gap-2">
      <span className="flex shrink-0 items-center gap-2 sm:w-44">
        <span className="w-28 font-medium text-slate-900">{title}</span>
        <TrafficLight light={verdict.light} />
      </span>
      <span className="mt-0.5 block min-w-0 text-slate-800 sm:mt-0 sm:flex-1">{verdict.reason}</span>
    </li>
  );
}

export function PacketEvidenceList({ evidence }: { evidence: readonly PacketEvidence[] }) {
  return (
    <ol className="space-y-4">
      {evidence.map(({ item, verdicts, metrics }) => (
        <li key={item.snapshotId} className="rounded-lg border border-slate-200 p-4" data-testid="packet-evidence">
          <h4 className="font-semibold text-slate-900">{item.isReference ? referenceName(item.windowLabel) : item.windowLabel}</h4>
          <dl className="mt-1 grid gap-x-3 text-xs text-slate-700 sm:grid-cols-[auto_1fr]">
            <dt>Data file</dt>
            <dd className="break-all">
              {item.fileName} · {item.rows.toLocaleString("en-US")} rows, {(item.labelledRows ?? 0).toLocaleString("en-US")} with the true outcome
            </dd>
            <dt>File SHA-256</dt>
            <dd className="break-all font-mono">{item.dataSha256}</dd>
            <dt>Result SHA-256</dt>
            <dd className="break-all font-mono" data-testid="packet-result-hash">
              {item.contentHash}
            </dd>
          </dl>
          {verdicts ? (
            <ul className="mt-3 space-y-1 text-sm">
              {AREAS.map(([key, title]) => {
                const verdict = verdicts[key];
                return verdict ? <VerdictLine key={key} title={title} verdict={verdict} /> : null;
              })}
            </ul>
          ) : null}
          {metrics.length ? (
            <table className="mt-3 w-full text-left text-sm">
              <caption className="sr-only">Scorecard of {item.windowLabel}</caption>
              <thead className="text-xs uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-3">Measure</th>
                  <th scope="col" className="py-1 pr-3">Value</th>
                  <th scope="col" className="py-1">Likely range (95%)</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {metrics.map((m) => (
                  <tr key={m.name}>
                    <td className="py-1 pr-3">{capitalize(metricName(m.name))}</td>
                    <td className="py-1 pr-3 tabular-nums">{m.value === null ? (m.note ?? "–") : formatMetricValue(m.name, m.value)}</td>
                    <td className="py-1 tabular-nums">
                      {m.ci && m.ci.lower !== null && m.ci.upper !== null ? `${formatMetricValue(m.name, m.ci.lower)} to ${formatMetricValue(m.name, m.ci.upper)}` : "–"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
