// The printable sign-off packet of one version: purpose, evidence and its hash, the verdicts against the named
// policy version, reviews with their checklists, the timeline, and where it sits in the signed audit log.
// The browser's Print (or Save as PDF) makes the copy; print styles in app/globals.css hide the app around it.
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { PacketEvidenceList } from "@/components/governance/packet-evidence";
import { ReviewsList, StatusTimeline } from "@/components/governance/version-panels";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { guard } from "@/lib/auth/guard";
import { AcceptedRiskList } from "@/components/governance/accepted-risk-list";
import { holdingAcceptedRisks } from "@/lib/db/accepted-risks";
import { getSignOffPacket } from "@/lib/db/packet";
import { getVersionGovernance } from "@/lib/db/lifecycle";
import {
  LIVE_WITHOUT_REVIEW_LABEL,
  LIVE_WITHOUT_REVIEW_WORDS,
  NO_INDEPENDENT_REVIEW_WORDS,
  VERSION_STATUS_WORDS,
  approvalsCountWords,
  governanceTime,
  modelPageTitle,
  packetAcceptedRisksWords,
  versionStatusLead,
} from "@/lib/narrative";
import {
  PACKET_NO_ACCEPTED_RISKS,
  PACKET_PRINT_HINT,
  packetAuditWords,
  packetCheckpointWords,
  packetEvidenceCountWords,
  packetLead,
  packetPolicyWords,
  packetReviewCountWords,
} from "@/lib/narrative/packet-words";

type Params = Promise<{ id: string; v: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id, v } = await params;
  try {
    const view = await getVersionGovernance(id, v);
    return { title: modelPageTitle(view.modelName, `Version ${view.version} sign-off packet`) };
  } catch {
    return { title: "Sign-off packet" };
  }
}

const paperSchema = z.enum(["a4", "letter"]).catch("a4");

function Fingerprint({ label, value, testId, seq }: { label: string; value: string; testId?: string; seq?: number }) {
  return (
    <div>
      <dt className="text-sm font-medium text-slate-800">{label}</dt>
      <dd className="break-all font-mono text-xs text-slate-800" data-testid={testId} data-seq={seq}>
        {value}
      </dd>
    </div>
  );
}

export default async function PacketPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ id, v }, query] = await Promise.all([params, searchParams]);
  const paper = paperSchema.parse(query.paper);
  const [p, acceptedRisks] = await guard(() => Promise.all([getSignOffPacket(id, v), holdingAcceptedRisks(id, v)]));
  const g = p.governance;
  const base = `/models/${g.modelId}/versions/${g.version}`;
  return (
    <article className="space-y-4" data-packet={paper} data-testid="packet">
      <Card>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold">Sign-off packet: version {g.version}</h2>
          <span className="text-sm font-medium text-slate-800" data-testid="packet-status">
            {VERSION_STATUS_WORDS[g.effectiveStatus]}
          </span>
        </div>
        <p className="mt-1 text-slate-800">{packetLead(p, g.modelName, g.version)}</p>
        <div className="mt-3 space-y-2" data-print="hide">
          <Notice tone="info" title="Print or save this page">
            {PACKET_PRINT_HINT}
          </Notice>
          <p className="flex flex-wrap gap-4 text-sm">
            <Link href={base} className="text-sky-800 hover:underline">
              ← Version {g.version}
            </Link>
            <span>
              Paper:{" "}
              <Link href={`${base}/packet`} aria-current={paper === "a4" ? "true" : undefined} className={paper === "a4" ? "font-semibold text-slate-900" : "text-sky-800 hover:underline"}>
                A4
              </Link>{" "}
              ·{" "}
              <Link href={`${base}/packet?paper=letter`} aria-current={paper === "letter" ? "true" : undefined} className={paper === "letter" ? "font-semibold text-slate-900" : "text-sky-800 hover:underline"}>
                Letter
              </Link>
            </span>
          </p>
        </div>
      </Card>

      <Card>
        <h3 className="text-base font-semibold">The model</h3>
        <p className="mt-1 text-slate-800">{p.purpose}</p>
        <p className="mt-2 text-slate-800">{versionStatusLead(g)}</p>
        <p className="mt-1 text-sm text-slate-700">{approvalsCountWords(g.approvalsOnCurrentEvidence, g.approvalsRequired)}</p>
        {g.liveWithoutReview ? (
          <p className="mt-2 font-medium text-amber-900" data-testid="live-without-review">
            {LIVE_WITHOUT_REVIEW_LABEL}. {LIVE_WITHOUT_REVIEW_WORDS}
          </p>
        ) : null}
        {g.noIndependentReview ? <p className="mt-2 font-medium text-amber-900">No independent review. {NO_INDEPENDENT_REVIEW_WORDS}</p> : null}
        <dl className="mt-3 space-y-2">
          <Fingerprint label={`Model file: ${g.artifactName} (SHA-256)`} value={g.artifactSha256} />
        </dl>
      </Card>

      <Card>
        <h3 className="text-base font-semibold">Evidence</h3>
        <p className="mt-1 text-slate-800">{packetEvidenceCountWords(p.evidence.length)}</p>
        <dl className="mt-3 space-y-2">
          <Fingerprint label="Evidence fingerprint (SHA-256)" value={g.evidence.hash} testId="packet-evidence-hash" />
          {g.evidence.policy ? <Fingerprint label={`Policy version ${g.evidence.policy.version} (SHA-256 of its rules)`} value={g.evidence.policy.contentHash} /> : null}
        </dl>
        <p className="mt-2 text-sm text-slate-700">{packetPolicyWords(g.evidence.policy)}</p>
        <div className="mt-3">
          <PacketEvidenceList evidence={p.evidence} />
        </div>
      </Card>

      <Card>
        <h3 className="text-base font-semibold">Accepted risks</h3>
        {acceptedRisks.length ? (
          <>
            <p className="mt-1 text-slate-800">{packetAcceptedRisksWords(acceptedRisks.length)}</p>
            <div className="mt-3">
              <AcceptedRiskList risks={acceptedRisks} />
            </div>
          </>
        ) : (
          <p className="mt-1 text-slate-800">{PACKET_NO_ACCEPTED_RISKS}</p>
        )}
      </Card>

      <Card>
        <h3 className="text-base font-semibold">Reviews</h3>
        <p className="mt-1 text-sm text-slate-700">{packetReviewCountWords(g.reviews.length)}</p>
        <div className="mt-3">
          <ReviewsList reviews={g.reviews} openChecklists />
        </div>
      </Card>

      <Card>
        <h3 className="text-base font-semibold">Timeline</h3>
        <div className="mt-3">
          <StatusTimeline steps={g.steps} />
        </div>
      </Card>

      <Card>
        <h3 className="text-base font-semibold">Audit log</h3>
        <p className="mt-1 text-slate-800" data-testid="packet-audit">
          {packetAuditWords(p.audit)}
        </p>
        <p className="mt-1 text-slate-800" data-testid="packet-checkpoint" data-state={p.checkpoint.state}>
          {packetCheckpointWords(p)}
        </p>
        <dl className="mt-3 space-y-2">
          {p.chainHead ? <Fingerprint label={`Last entry of the log when this was made: ${p.chainHead.seq}`} value={p.chainHead.hash} testId="packet-chain-head" seq={p.chainHead.seq} /> : null}
          {p.checkpoint.headHash && p.checkpoint.seq !== null && p.checkpoint.signedAt ? (
            <Fingerprint label={`Signed head: entry ${p.checkpoint.seq}, ${governanceTime(p.checkpoint.signedAt)}`} value={p.checkpoint.headHash} testId="packet-signed-head" />
          ) : null}
          {p.checkpoint.keyId ? <Fingerprint label="Signing key (SHA-256 of its public half)" value={p.checkpoint.keyId} /> : null}
        </dl>
      </Card>
    </article>
  );
}
