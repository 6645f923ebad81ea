// Shapes of a version's review, evidence, timeline and live history, shared by lib/db/lifecycle.ts, the version
// page, components/governance and the API. Plain data: no I/O.
import type { VersionStatus } from "./model-health";
import type { Light } from "./snapshot-types";

export type LifecycleActionName = "submit" | "withdraw" | "approve" | "request_changes" | "reject" | "make_live" | "rollback" | "back_to_draft";
export type ReviewDecisionName = "approve" | "request_changes" | "reject";
export type ChecklistAnswerName = "yes" | "no" | "not_applicable";

export interface EvidenceItemView {
  snapshotId: string;
  windowLabel: string;
  isReference: boolean;
  fileName: string;
  /** sha256 of the data file as uploaded */
  dataSha256: string;
  /** sha256 of the snapshot's canonical content */
  contentHash: string;
  labelledRows: number | null;
  rows: number;
  light: Light;
}

export interface EvidenceView {
  hash: string;
  modelSha256: string;
  items: EvidenceItemView[];
  policy: { id: string; version: number; contentHash: string } | null;
}

export interface ReviewView {
  id: string;
  reviewer: string;
  reviewerId: string;
  decision: ReviewDecisionName;
  comment: string;
  checklist: Record<string, ChecklistAnswerName>;
  evidenceHash: string;
  createdAt: Date;
  /** counts toward the current decision: on the current submission and on the current evidence */
  counts: boolean;
  /** made on evidence that has changed since */
  onEarlierEvidence: boolean;
  /** made on an earlier submission (withdrawn or sent back to draft since) */
  onEarlierSubmission: boolean;
}

export type StepAction = LifecycleActionName | "retire" | "evidence_changed" | "uploaded";

export interface StepView {
  action: StepAction;
  from: VersionStatus | null;
  to: VersionStatus;
  actor: string | null;
  via: string | null;
  evidenceHash: string | null;
  comment: string | null;
  createdAt: Date;
}

export interface LiveSpan {
  version: number;
  versionId: string;
  since: Date;
  /** null while it is still live */
  until: Date | null;
  /** the people whose approvals it went live on (empty without a review) */
  approvedBy: string[];
  /** the evidence hash it was made live on (null when it went live without a review) */
  evidenceHash: string | null;
  /** live from before reviews existed, with no review */
  withoutReview: boolean;
  /** how it became live */
  how: "make_live" | "rollback" | "without_review";
}

export interface ComparisonMetric {
  name: string;
  candidate: number | null;
  live: number | null;
  higherIsBetter: boolean;
  unit?: string;
}

export interface ComparisonLight {
  area: "overall" | "performance" | "drift" | "fairness";
  candidate: Light;
  live: Light;
}

export interface ComparisonView {
  liveVersion: number;
  windowLabel: string;
  isReference: boolean;
  metrics: ComparisonMetric[];
  lights: ComparisonLight[];
}

export interface VersionGovernanceView {
  modelId: string;
  modelName: string;
  versionId: string;
  version: number;
  artifactName: string;
  artifactSha256: string;
  /** the stored state */
  status: VersionStatus;
  /** the state once changed evidence is taken into account (an approval on earlier evidence stops counting) */
  effectiveStatus: VersionStatus;
  /** the evidence changed since the current submission (or since it went live) */
  evidenceChanged: boolean;
  liveWithoutReview: boolean;
  /** the policy asks for no approvals (a one-person workspace) */
  noIndependentReview: boolean;
  approvalsRequired: number;
  approvalsOnCurrentEvidence: number;
  submission: { by: string; via: string | null; at: Date; evidenceHash: string | null } | null;
  evidence: EvidenceView;
  steps: StepView[];
  reviews: ReviewView[];
  /** what the signed-in person may do now */
  actions: LifecycleActionName[];
  /** why the signed-in person may not review, when they may not (shown beside the review form's place) */
  reviewRefusal: string | null;
  /** why the owner may not make it live yet (approved but short of approvals), when that is the case */
  liveRefusal: string | null;
  comparison: ComparisonView | null;
  liveHistory: LiveSpan[];
  canReadAudit: boolean;
}

export interface VersionApiView {
  modelId: string;
  version: number;
  versionId: string;
  status: VersionStatus;
  effectiveStatus: VersionStatus;
  evidenceHash: string;
  evidenceChanged: boolean;
  liveWithoutReview: boolean;
  approvalsRequired: number;
  approvalsOnCurrentEvidence: number;
  reviews: { reviewer: string; decision: ReviewDecisionName; comment: string; checklist: Record<string, ChecklistAnswerName>; evidenceHash: string; counts: boolean; createdAt: string }[];
}
