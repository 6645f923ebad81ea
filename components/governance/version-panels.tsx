// The version page's read-only parts: timeline, evidence, comparison with the live version, reviews, live history.
import { TrafficLight } from "@/components/health/traffic-light";
import type { ComparisonView, EvidenceView, LiveSpan, ReviewView, StepView } from "@/lib/contracts/governance";
import { CHECKLIST_ANSWER_WORDS, REVIEW_CHECKLIST } from "@/lib/governance/checklist";
import {
  DECISION_WORDS,
  EVIDENCE_HASH_WORDS,
  LIVE_HISTORY_EMPTY_WORDS,
  NO_REVIEWS_WORDS,
  comparisonLead,
  comparisonLightSentence,
  comparisonMetricSentences,
  evidenceLead,
  governanceTime,
  liveSpanWords,
  noComparisonWords,
  referenceName,
  reviewCountWords,
  stepWords,
} from "@/lib/narrative";

function Hash({ value, testId }: { value: string; testId?: string }) {
  return (
    <code className="block break-all rounded bg-slate-100 px-2 py-1 font-mono text-xs text-slate-800" data-testid={testId}>
      {value}
    </code>
  );
}

export function StatusTimeline({ steps }: { steps: readonly StepView[] }) {
  return (
    <ol className="space-y-2" data-testid="status-timeline">
      {steps.map((s, i) => (
        <li key={i} className="flex flex-wrap gap-x-3 text-sm" data-step={s.action}>
          <time className="shrink-0 tabular-nums text-slate-600" dateTime={s.createdAt.toISOString()}>
            {governanceTime(s.createdAt)}
          </time>
          <span className="min-w-0 text-slate-900">{stepWords(s)}</span>
          {s.comment && s.action !== "retire" && s.action !== "approve" && s.action !== "reject" && s.action !== "request_changes" ? (
            <span className="basis-full text-slate-700">“{s.comment}”</span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function EvidencePanel({ evidence }: { evidence: EvidenceView }) {
  return (
    <div className="space-y-3">
      <p className="text-slate-800" data-testid="evidence-lead">
        {evidenceLead(evidence.items)}
      </p>
      <div>
        <p className="text-sm font-medium text-slate-800">Evidence fingerprint (SHA-256)</p>
        <Hash value={evidence.hash} testId="evidence-hash" />
        <p className="mt-1 text-xs text-slate-600">{EVIDENCE_HASH_WORDS}</p>
      </div>
      {evidence.items.length ? (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Evidence results">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3">Data</th>
                <th scope="col" className="py-1 pr-3">Light</th>
                <th scope="col" className="py-1 pr-3">Rows (with outcome)</th>
                <th scope="col" className="py-1 pr-3">File SHA-256</th>
                <th scope="col" className="py-1">Result SHA-256</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {evidence.items.map((item) => (
                <tr key={item.snapshotId} data-testid="evidence-item">
                  <td className="py-1 pr-3">{item.isReference ? referenceName(item.windowLabel) : item.windowLabel}</td>
                  <td className="py-1 pr-3">
                    <TrafficLight light={item.light} />
                  </td>
                  <td className="py-1 pr-3 tabular-nums">
                    {item.rows.toLocaleString("en-US")} ({(item.labelledRows ?? 0).toLocaleString("en-US")})
                  </td>
                  <td className="py-1 pr-3 font-mono text-xs" title={item.dataSha256}>
                    {item.dataSha256.slice(0, 12)}…
                  </td>
                  <td className="py-1 font-mono text-xs" title={item.contentHash}>
                    {item.contentHash.slice(0, 12)}…
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="text-xs text-slate-600">
        Model file SHA-256 <span className="break-all font-mono">{evidence.modelSha256}</span>
        {evidence.policy ? (
          <>
            {" "}
            · policy version {evidence.policy.version} <span className="break-all font-mono">{evidence.policy.contentHash.slice(0, 12)}…</span>
          </>
        ) : null}
      </p>
    </div>
  );
}

export function ComparisonPanel({ version, comparison, hasLive }: { version: number; comparison: ComparisonView | null; hasLive: boolean }) {
  if (!comparison) return <p className="text-slate-700">{noComparisonWords(hasLive)}</p>;
  const sentences = comparisonMetricSentences(comparison.metrics);
  return (
    <div className="space-y-3" data-testid="comparison">
      <p className="text-slate-800">{comparisonLead(version, comparison.liveVersion, comparison.windowLabel, comparison.isReference)}</p>
      <ul className="space-y-1 text-sm">
        {comparison.lights.map((l) => (
          <li key={l.area}>{comparisonLightSentence(l)}</li>
        ))}
      </ul>
      {sentences.better.length ? (
        <div>
          <h4 className="text-sm font-semibold text-emerald-900">Better</h4>
          <ul className="list-disc pl-5 text-sm" data-testid="comparison-better">
            {sentences.better.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {sentences.worse.length ? (
        <div>
          <h4 className="text-sm font-semibold text-red-900">Worse</h4>
          <ul className="list-disc pl-5 text-sm" data-testid="comparison-worse">
            {sentences.worse.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {sentences.same.length ? (
        <ul className="list-disc pl-5 text-sm text-slate-700">
          {sentences.same.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** `openChecklists`: every checklist shown at once (the printable packet). */
export function ReviewsList({ reviews, openChecklists = false }: { reviews: readonly ReviewView[]; openChecklists?: boolean }) {
  if (reviews.length === 0) return <p className="text-slate-700">{NO_REVIEWS_WORDS}</p>;
  return (
    <ol className="space-y-4" data-testid="reviews">
      {reviews.map((r) => (
        <li key={r.id} className={`rounded-lg border p-4 ${r.counts ? "border-slate-200" : "border-dashed border-slate-300 bg-slate-50"}`} data-testid="review" data-decision={r.decision} data-counts={r.counts}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <p className="font-semibold text-slate-900">
              {DECISION_WORDS[r.decision]} · {r.reviewer}
            </p>
            <time className="text-sm tabular-nums text-slate-600" dateTime={r.createdAt.toISOString()}>
              {governanceTime(r.createdAt)}
            </time>
          </div>
          <p className="mt-1 text-sm text-slate-700">{reviewCountWords(r)}</p>
          <p className="mt-2 whitespace-pre-line text-slate-900">{r.comment}</p>
          <details className="mt-2 text-sm" open={openChecklists}>
            <summary className="cursor-pointer text-sky-800">Checklist answers</summary>
            <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[1fr_auto]">
              {REVIEW_CHECKLIST.map((item) => (
                <div key={item.id} className="contents">
                  <dt className="text-slate-700">
                    {item.question} <span className="text-xs text-slate-600">({item.rmf})</span>
                  </dt>
                  <dd className="font-medium text-slate-900">{r.checklist[item.id] ? CHECKLIST_ANSWER_WORDS[r.checklist[item.id]!] : "–"}</dd>
                </div>
              ))}
            </dl>
          </details>
          <p className="mt-2 break-all font-mono text-xs text-slate-600">Evidence {r.evidenceHash}</p>
        </li>
      ))}
    </ol>
  );
}

export function LiveHistory({ spans }: { spans: readonly LiveSpan[] }) {
  if (spans.length === 0) return <p className="text-slate-700">{LIVE_HISTORY_EMPTY_WORDS}</p>;
  return (
    <ol className="space-y-1 text-sm" data-testid="live-history">
      {[...spans].reverse().map((s) => (
        <li key={`${s.versionId}-${s.since.toISOString()}`} data-version={s.version} data-without-review={s.withoutReview ? "true" : undefined}>
          {liveSpanWords(s)}
        </li>
      ))}
    </ol>
  );
}
