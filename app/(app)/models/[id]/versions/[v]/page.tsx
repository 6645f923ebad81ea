// One version: where it stands, its evidence and fingerprint, beside the live version, its reviews and timeline,
// the live history, and only the buttons the signed-in person may press.
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AcceptedRisksPanel } from "@/components/governance/accepted-risk-panel";
import { LiveWithoutReviewBadge } from "@/components/governance/live-without-review";
import { ReviewForm } from "@/components/governance/review-form";
import { VersionActions } from "@/components/governance/version-actions";
import { ComparisonPanel, EvidencePanel, LiveHistory, ReviewsList, StatusTimeline } from "@/components/governance/version-panels";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { buttonClass } from "@/components/ui/button";
import { guard } from "@/lib/auth/guard";
import { getAcceptedRisksPanel } from "@/lib/db/accepted-risks";
import { getVersionRunCost } from "@/lib/db/run-cost";
import { RunCostCard } from "@/components/versions/run-cost-card";
import { getVersionGovernance, liveVersionAt } from "@/lib/db/lifecycle";
import { InputMappingSection } from "./input-mapping-section";
import { ProcessingLoader } from "./processing-loader";
import {
  ACCEPTED_RISKS_INTRO,
  ACCEPTED_RISKS_TITLE,
  LIVE_AT_FIELD_ERROR,
  LIVE_WITHOUT_REVIEW_LABEL,
  LIVE_WITHOUT_REVIEW_WORDS,
  NO_INDEPENDENT_REVIEW_WORDS,
  VERSION_STATUS_WORDS,
  approvalsCountWords,
  evidenceChangedWords,
  liveAtWords,
  modelPageTitle,
  versionStatusLead,
} from "@/lib/narrative";

type Params = Promise<{ id: string; v: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id, v } = await params;
  try {
    const view = await getVersionGovernance(id, v);
    return { title: modelPageTitle(view.modelName, `Version ${view.version}`) };
  } catch {
    return { title: "Version" };
  }
}

/** `?at=2026-07-31` or a full ISO 8601 time: which version was live then. */
const atSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]).transform((s) => new Date(s.length === 10 ? `${s}T23:59:59.999Z` : s));

export default async function VersionPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ id, v }, query] = await Promise.all([params, searchParams]);
  const parsedAt = typeof query.at === "string" ? atSchema.safeParse(query.at) : null;
  const at = parsedAt?.success ? parsedAt.data : null;
  const [view, liveAt, risks, runCost] = await guard(() =>
    Promise.all([getVersionGovernance(id, v), at ? liveVersionAt(id, at) : Promise.resolve(null), getAcceptedRisksPanel(id, v), getVersionRunCost(id, v)]),
  );
  const reviewing = view.actions.includes("approve");
  const hasLive = view.liveHistory.some((s) => s.until === null);
  const live = view.effectiveStatus === "live";
  return (
    <div className="space-y-4" data-testid="version-page" data-status={view.effectiveStatus}>
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold">Version {view.version}</h2>
          <span className="flex flex-wrap items-center gap-2">
            <span
              className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ${live ? "bg-emerald-100 text-emerald-900 ring-emerald-300" : "bg-slate-100 text-slate-800 ring-slate-200"}`}
              data-testid="version-status"
            >
              {VERSION_STATUS_WORDS[view.effectiveStatus]}
            </span>
            {view.liveWithoutReview ? <LiveWithoutReviewBadge /> : null}
          </span>
        </div>
        <p className="mt-1 text-slate-800" data-testid="version-lead">
          {versionStatusLead(view)}
        </p>
        <p className="mt-1 break-all text-xs text-slate-600">
          {view.artifactName} · SHA-256 {view.artifactSha256}
        </p>
        <div className="mt-3 space-y-2">
          {view.liveWithoutReview ? (
            <Notice tone="warning" title={LIVE_WITHOUT_REVIEW_LABEL}>
              {LIVE_WITHOUT_REVIEW_WORDS}
            </Notice>
          ) : null}
          {view.noIndependentReview ? <Notice tone="warning" title="No independent review">{NO_INDEPENDENT_REVIEW_WORDS}</Notice> : null}
          {view.evidenceChanged ? (
            <Notice tone="warning" title="The evidence changed">
              <span data-testid="evidence-changed">{evidenceChangedWords(view.status)}</span>
            </Notice>
          ) : null}
        </div>
        <p className="mt-3 flex flex-wrap gap-4 text-sm">
          <Link href={`/models/${view.modelId}/versions`} className="text-sky-800 hover:underline">
            ← All versions
          </Link>
          <Link href={`/models/${view.modelId}/versions/${view.version}/packet`} className="text-sky-800 hover:underline" data-testid="packet-link">
            Sign-off packet to print
          </Link>
          {view.canReadAudit ? (
            <Link href={`/audit?model=${view.modelId}&version=${view.version}`} className="text-sky-800 hover:underline" data-testid="audit-link">
              This version in the audit log
            </Link>
          ) : null}
        </p>
      </Card>

      {view.actions.length || view.reviewRefusal || view.liveRefusal ? (
        <Card>
          <h3 className="text-base font-semibold">What you can do</h3>
          <div className="mt-3 space-y-4">
            {view.liveRefusal ? <Notice tone="info">{view.liveRefusal}</Notice> : null}
            {view.reviewRefusal && !reviewing ? (
              <Notice tone="info">
                <span data-testid="review-refusal">{view.reviewRefusal}</span>
              </Notice>
            ) : null}
            <VersionActions modelId={view.modelId} version={view.version} actions={view.actions} />
            {reviewing ? (
              <div>
                <h4 className="mb-2 text-sm font-semibold text-slate-900">Your review</h4>
                <ReviewForm modelId={view.modelId} version={view.version} />
              </div>
            ) : null}
          </div>
        </Card>
      ) : null}

      <InputMappingSection modelId={view.modelId} version={String(view.version)} />
      <ProcessingLoader modelId={view.modelId} version={view.version} />
      <RunCostCard view={runCost} />

      <Card>
        <h3 className="text-base font-semibold">Evidence</h3>
        <div className="mt-2">
          <EvidencePanel evidence={view.evidence} />
        </div>
      </Card>

      <Card>
        <h3 className="text-base font-semibold" id="accepted-risks">
          {ACCEPTED_RISKS_TITLE}
        </h3>
        <p className="mt-1 text-sm text-slate-700">{ACCEPTED_RISKS_INTRO}</p>
        <div className="mt-3">
          <AcceptedRisksPanel view={risks} />
        </div>
      </Card>

      {!live ? (
        <Card>
          <h3 className="text-base font-semibold">Compared with the live version</h3>
          <div className="mt-2">
            <ComparisonPanel version={view.version} comparison={view.comparison} hasLive={hasLive} />
          </div>
        </Card>
      ) : null}

      <Card>
        <h3 className="text-base font-semibold">Reviews</h3>
        <p className="mt-1 text-sm text-slate-700">
          {approvalsCountWords(view.approvalsOnCurrentEvidence, view.approvalsRequired)}
        </p>
        <div className="mt-3">
          <ReviewsList reviews={view.reviews} />
        </div>
      </Card>

      <Card>
        <h3 className="text-base font-semibold">Timeline</h3>
        <div className="mt-3">
          <StatusTimeline steps={view.steps} />
        </div>
      </Card>

      <Card>
        <h3 className="text-base font-semibold" id="live-history">
          Which version was live
        </h3>
        <form method="get" className="mt-3 flex flex-wrap items-end gap-3" aria-labelledby="live-history">
          <div>
            <label htmlFor="live-at" className="block text-sm font-medium text-slate-800">
              On the date
            </label>
            <input id="live-at" name="at" type="date" defaultValue={typeof query.at === "string" ? query.at.slice(0, 10) : ""} className={`mt-1 ${inputClass}`} required />
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            Show
          </button>
        </form>
        {at ? (
          <p className="mt-2 font-medium text-slate-900" data-testid="live-at">
            {liveAtWords(at, liveAt)}
          </p>
        ) : parsedAt && !parsedAt.success ? (
          <p className="mt-2 text-sm text-red-700">{LIVE_AT_FIELD_ERROR}</p>
        ) : null}
        <div className="mt-3">
          <LiveHistory spans={view.liveHistory} />
        </div>
      </Card>
    </div>
  );
}
