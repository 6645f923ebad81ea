// A model version's lifecycle in the database: submit, withdraw, back to draft, make live, roll back, the evidence
// a sign-off binds to, the status timeline and the live history. The rules are lib/governance/lifecycle.ts; every
// step is checked here (the data layer), written with its audit event in one transaction, and sign-offs sign the
// audit chain's head (writeCheckpoint). Reviews are lib/db/reviews.ts.
import "server-only";
import { z } from "zod";
import { requirePermission, requireUser, type CurrentUser } from "@/lib/auth/current-user";
import { RuleError, notFound } from "@/lib/auth/errors";
import { can, type Permission } from "@/lib/auth/permissions";
import type {
  ComparisonView,
  EvidenceItemView,
  EvidenceView,
  LifecycleActionName,
  LiveSpan,
  ReviewView,
  StepAction,
  StepView,
  VersionApiView,
  VersionGovernanceView,
} from "@/lib/contracts/governance";
import type { VersionStatus } from "@/lib/contracts/model-health";
import type { Light, MetricEntry, ScorecardSection, Verdicts } from "@/lib/contracts/snapshot-types";
import type { JsonValue } from "@/lib/governance/audit-chain";
import { readChecklist } from "@/lib/governance/checklist";
import { chooseEvidence, evidenceHash, policyContentHash, snapshotContentHash, type EvidenceCandidate } from "@/lib/governance/evidence";
import { allowedActions, decide, stateAfterEvidenceChange, type LifecycleAction, type LifecycleContext } from "@/lib/governance/lifecycle";
import { rulesFromStored } from "@/lib/governance/policy-rules";
import { notify } from "@/lib/notifications/notify";
import { getDb, type Db, type Tx } from "@/lib/prisma/client";
import { appendAuditEvent } from "./audit";
import { writeCheckpoint } from "./audit-checkpoints";
import { modelIdSchema } from "./models";

type Reader = Db | Tx;

/** Transactions here read the evidence before they write: give them more than Prisma's 5 s default. */
export const LIFECYCLE_TX = { timeout: 60_000, maxWait: 20_000 } as const;

export const versionNumberSchema = z.coerce
  .number({ message: "The version must be a whole number, such as 2." })
  .int("The version must be a whole number, such as 2.")
  .min(1, "The version must be 1 or more.")
  .max(1_000_000, "The version must be 1 or more.");

export const stepCommentSchema = z.object({
  comment: z.string().trim().max(2000, "Keep the note under 2,000 characters.").optional(),
});

// ---------------------------------------------------------------- reading the facts of one version

const versionSelect = {
  id: true,
  version: true,
  status: true,
  artifactSha256: true,
  artifactName: true,
  createdAt: true,
  createdBy: { select: { name: true, email: true } },
  model: { select: { id: true, name: true, task: true, workspaceId: true } },
} as const;

export type VersionRow = {
  id: string;
  version: number;
  status: VersionStatus;
  artifactSha256: string;
  artifactName: string;
  createdAt: Date;
  createdBy: { name: string; email: string } | null;
  model: { id: string; name: string; task: "binary" | "multiclass" | "regression"; workspaceId: string };
};

/** The version `version` of a model of the caller's workspace, or not found (another workspace's too). */
export async function findVersion(db: Reader, workspaceId: string, modelId: string, version: unknown): Promise<VersionRow> {
  const parsedModel = modelIdSchema.safeParse(modelId);
  const parsedVersion = versionNumberSchema.safeParse(version);
  if (!parsedModel.success || !parsedVersion.success) throw notFound("That model version");
  const row = await db.modelVersion.findFirst({
    where: { version: parsedVersion.data, modelId: parsedModel.data, model: { workspaceId } },
    select: versionSelect,
  });
  if (!row) throw notFound("That model version");
  return row;
}

interface PolicyFacts {
  id: string;
  version: number;
  approvalsRequired: number;
  contentHash: string;
}

async function currentPolicy(db: Reader, modelId: string, task: VersionRow["model"]["task"]): Promise<PolicyFacts | null> {
  const row = await db.policy.findFirst({
    where: { modelId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, primaryMetric: true, metricFloors: true, driftThresholds: true, fairnessTolerance: true, approvalsRequired: true, rules: true },
  });
  if (!row) return null;
  const rules = rulesFromStored(task, row);
  return { id: row.id, version: row.version, approvalsRequired: row.approvalsRequired, contentHash: policyContentHash(rules) };
}

type Candidate = EvidenceCandidate & { windowLabel: string; fileName: string; dataSha256: string; rows: number; light: Light };

/** The version's current snapshot of each window (newest when several are current). */
async function currentCandidates(db: Reader, versionId: string): Promise<Candidate[]> {
  const snapshots = await db.snapshot.findMany({
    where: { modelVersionId: versionId, supersededBy: { is: null } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      windowId: true,
      scorecard: true,
      verdicts: true,
      window: { select: { label: true, endsAt: true, createdAt: true, rowCount: true, dataset: { select: { kind: true, fileName: true, artifactSha256: true } } } },
    },
  });
  const byWindow = new Map<string, Candidate>();
  for (const s of snapshots) {
    if (byWindow.has(s.windowId)) continue;
    const scorecard = s.scorecard as ScorecardSection | null;
    const verdicts = s.verdicts as Verdicts | null;
    byWindow.set(s.windowId, {
      snapshotId: s.id,
      windowId: s.windowId,
      isReference: s.window.dataset.kind === "reference",
      labelledRows: scorecard?.labelledRows ?? null,
      endsAt: s.window.endsAt ?? s.window.createdAt,
      uploadedAt: s.window.createdAt,
      windowLabel: s.window.label,
      fileName: s.window.dataset.fileName,
      dataSha256: s.window.dataset.artifactSha256,
      rows: s.window.rowCount,
      light: verdicts?.overall?.light ?? "gray",
    });
  }
  return [...byWindow.values()];
}

/** The version's evidence now and its hash (lib/governance/evidence.ts). */
export async function computeEvidence(db: Reader, version: Pick<VersionRow, "id" | "artifactSha256" | "model">): Promise<EvidenceView> {
  const [candidates, policy] = await Promise.all([currentCandidates(db, version.id), currentPolicy(db, version.model.id, version.model.task)]);
  const chosen = chooseEvidence(candidates);
  const contents = chosen.length
    ? await db.snapshot.findMany({
        where: { id: { in: chosen.map((c) => c.snapshotId) } },
        select: { id: true, inputHash: true, scorecard: true, drift: true, fairness: true, verdicts: true, narrative: true, details: true, schemaVersion: true },
      })
    : [];
  const hashOf = new Map(contents.map((c) => [c.id, snapshotContentHash(c)]));
  const items: EvidenceItemView[] = chosen.map((c) => ({
    snapshotId: c.snapshotId,
    windowLabel: c.windowLabel,
    isReference: c.isReference,
    fileName: c.fileName,
    dataSha256: c.dataSha256,
    contentHash: hashOf.get(c.snapshotId)!,
    labelledRows: c.labelledRows,
    rows: c.rows,
    light: c.light,
  }));
  const hash = evidenceHash({
    modelSha256: version.artifactSha256,
    dataFileSha256s: items.map((i) => i.dataSha256),
    snapshotContentHashes: items.map((i) => i.contentHash),
    policy: policy ? { id: policy.id, contentHash: policy.contentHash } : null,
  });
  return { hash, modelSha256: version.artifactSha256, items, policy: policy ? { id: policy.id, version: policy.version, contentHash: policy.contentHash } : null };
}

const stepSelect = {
  id: true,
  action: true,
  fromStatus: true,
  toStatus: true,
  actorId: true,
  via: true,
  evidenceHash: true,
  comment: true,
  createdAt: true,
  actor: { select: { name: true, email: true } },
} as const;

type StepRow = {
  id: string;
  action: string;
  fromStatus: VersionStatus;
  toStatus: VersionStatus;
  actorId: string | null;
  via: string | null;
  evidenceHash: string | null;
  comment: string | null;
  createdAt: Date;
  actor: { name: string; email: string } | null;
};

const reviewSelect = {
  id: true,
  submissionId: true,
  reviewerId: true,
  decision: true,
  comment: true,
  checklist: true,
  evidenceHash: true,
  createdAt: true,
  reviewer: { select: { name: true, email: true } },
} as const;

type ReviewRow = {
  id: string;
  submissionId: string | null;
  reviewerId: string;
  decision: "approve" | "request_changes" | "reject";
  comment: string;
  checklist: unknown;
  evidenceHash: string;
  createdAt: Date;
  reviewer: { name: string; email: string };
};

export interface VersionFacts {
  row: VersionRow;
  policy: PolicyFacts | null;
  approvalsRequired: number;
  evidence: EvidenceView;
  steps: StepRow[];
  reviews: ReviewRow[];
  /** the submit step of the current submission (null for a draft, or a version never submitted) */
  submission: StepRow | null;
  /** distinct approvers on the current submission and the current evidence */
  approvers: string[];
  /** everyone who decided on the current submission and the current evidence */
  reviewedOnCurrentEvidence: string[];
  effectiveStatus: VersionStatus;
  evidenceChanged: boolean;
  wasApproved: boolean;
  liveWithoutReview: boolean;
}

const personOf = (p: { name: string; email: string } | null): string => (p ? p.name || p.email : "Sightline");

/** Everything the lifecycle rules need about one version, read in one go. */
export async function loadFacts(db: Reader, row: VersionRow): Promise<VersionFacts> {
  const [evidence, policy, steps, reviews] = await Promise.all([
    computeEvidence(db, row),
    currentPolicy(db, row.model.id, row.model.task),
    db.versionTransition.findMany({ where: { modelVersionId: row.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: stepSelect }),
    db.review.findMany({ where: { modelVersionId: row.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: reviewSelect }),
  ]);
  const approvalsRequired = policy?.approvalsRequired ?? 1;
  const lastSubmit = [...steps].reverse().find((s) => s.action === "submit") ?? null;
  const submission = row.status === "draft" ? null : lastSubmit;
  const onCurrent = reviews.filter((r) => submission && r.submissionId === submission.id && r.evidenceHash === evidence.hash);
  const approvers = [...new Set(onCurrent.filter((r) => r.decision === "approve").map((r) => r.reviewerId))];
  const reviewedOnCurrentEvidence = [...new Set(onCurrent.map((r) => r.reviewerId))];
  const effectiveStatus = stateAfterEvidenceChange(row.status, approvers.length, approvalsRequired) as VersionStatus;
  const wentLive = [...steps].reverse().find((s) => s.action === "make_live" || s.action === "rollback");
  // Changed evidence matters while a decision is pending or counts: in review, approved, or live (what it went live on).
  const reference = row.status === "live" ? wentLive?.evidenceHash : row.status === "in_review" || row.status === "approved" ? submission?.evidenceHash : null;
  const evidenceChanged = Boolean(reference && reference !== evidence.hash) || (row.status === "approved" && effectiveStatus !== "approved");
  return {
    row,
    policy,
    approvalsRequired,
    evidence,
    steps,
    reviews,
    submission,
    approvers,
    reviewedOnCurrentEvidence,
    effectiveStatus,
    evidenceChanged,
    wasApproved: steps.some((s) => s.toStatus === "approved"),
    liveWithoutReview: row.status === "live" && !wentLive,
  };
}

export function lifecycleContext(user: CurrentUser, facts: VersionFacts): LifecycleContext {
  return {
    actorId: user.id,
    role: user.role,
    viaToken: Boolean(user.apiToken),
    submitterId: facts.submission?.actorId ?? null,
    reviewedOnCurrentEvidence: facts.reviewedOnCurrentEvidence,
    approvalsOnCurrentEvidence: facts.approvers.length,
    approvalsRequired: facts.approvalsRequired,
    wasApproved: facts.wasApproved,
  };
}

// ---------------------------------------------------------------- writing steps

/** Locks the model's row for the rest of the transaction, so two steps on its versions take turns. */
export async function lockModel(tx: Tx, modelId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Model" WHERE id = ${modelId} FOR UPDATE`;
}

const via = (user: CurrentUser): string | null => (user.apiToken ? `via token ${user.apiToken.name}` : null);

interface StepWrite {
  action: StepAction;
  from: VersionStatus;
  to: VersionStatus;
  actorId: string | null;
  via: string | null;
  evidenceHash: string | null;
  comment?: string | null;
}

/** Writes one step: the transition row, the new status and the audit event. Returns the step's id. */
export async function writeStep(
  tx: Tx,
  row: Pick<VersionRow, "id" | "version" | "model">,
  step: StepWrite,
  audit: { action: string; payload?: { [key: string]: JsonValue } },
): Promise<string> {
  const created = await tx.versionTransition.create({
    data: {
      modelVersionId: row.id,
      action: step.action,
      fromStatus: step.from,
      toStatus: step.to,
      actorId: step.actorId,
      via: step.via,
      evidenceHash: step.evidenceHash,
      comment: step.comment ?? null,
    },
    select: { id: true },
  });
  if (step.from !== step.to) await tx.modelVersion.update({ where: { id: row.id }, data: { status: step.to } });
  await appendAuditEvent(tx, {
    workspaceId: row.model.workspaceId,
    actorId: step.actorId,
    action: audit.action,
    subjectType: "model_version",
    subjectId: row.id,
    payload: {
      modelId: row.model.id,
      version: row.version,
      from: step.from,
      to: step.to,
      evidenceHash: step.evidenceHash,
      ...(step.comment ? { comment: step.comment } : {}),
      ...(step.via ? { via: step.via } : {}),
      ...(audit.payload ?? {}),
    },
  });
  return created.id;
}

/**
 * An approved version whose approvals were on earlier evidence goes back to review, with a step and an audit event
 * (actor: Sightline). Returns the facts as they are afterwards.
 */
async function settleEvidence(tx: Tx, facts: VersionFacts): Promise<VersionFacts> {
  if (facts.row.status !== "approved" || facts.effectiveStatus === "approved") return facts;
  await writeStep(
    tx,
    facts.row,
    { action: "evidence_changed", from: "approved", to: facts.effectiveStatus, actorId: null, via: null, evidenceHash: facts.evidence.hash },
    { action: "version.evidence_changed", payload: { previousEvidenceHash: facts.submission?.evidenceHash ?? null } },
  );
  return { ...facts, row: { ...facts.row, status: facts.effectiveStatus } };
}

/**
 * For the evaluation pipeline, in the transaction that writes new snapshots of a model: every approved version of
 * it whose approvals were on earlier evidence goes back to review (one step and one audit event each). Pages already
 * show the changed evidence without this; it makes the stored state and the log say so too.
 */
export async function recordEvidenceChanges(tx: Tx, modelId: string): Promise<number> {
  const rows = await tx.modelVersion.findMany({ where: { modelId, status: "approved" }, select: versionSelect });
  let changed = 0;
  for (const row of rows) {
    const facts = await loadFacts(tx, row);
    const settled = await settleEvidence(tx, facts);
    if (settled !== facts) changed++;
  }
  return changed;
}

async function refuseUnless(user: CurrentUser, facts: VersionFacts, action: LifecycleAction): Promise<VersionStatus> {
  const decision = decide(facts.effectiveStatus, action, lifecycleContext(user, facts));
  if (!decision.ok) throw new RuleError(decision.reason);
  return decision.to;
}

export interface StepResult {
  version: number;
  status: VersionStatus;
  evidenceHash: string;
}

async function runStep(
  permission: Permission,
  what: string,
  modelId: string,
  version: unknown,
  work: (tx: Tx, user: CurrentUser, facts: VersionFacts) => Promise<VersionStatus>,
): Promise<StepResult> {
  const user = await requirePermission(permission, what);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await findVersion(tx, user.workspaceId, modelId, version);
    await lockModel(tx, row.model.id);
    const facts = await settleEvidence(tx, await loadFacts(tx, row));
    const status = await work(tx, user, facts);
    return { version: row.version, status, evidenceHash: facts.evidence.hash };
  }, LIFECYCLE_TX);
}

/** Submit a draft for review (analysts, owners, or an API token with versions:manage). */
export async function submitVersion(modelId: string, version: unknown, input: z.input<typeof stepCommentSchema> = {}): Promise<StepResult> {
  const { comment } = stepCommentSchema.parse(input);
  return runStep("version.submit", "submit versions for review", modelId, version, async (tx, user, facts) => {
    const to = await refuseUnless(user, facts, "submit");
    await writeStep(
      tx,
      facts.row,
      { action: "submit", from: facts.row.status, to, actorId: user.id, via: via(user), evidenceHash: facts.evidence.hash, comment: comment ?? null },
      { action: "version.submitted", payload: { evidenceSnapshots: facts.evidence.items.length, approvalsRequired: facts.approvalsRequired } },
    );
    await notify(tx, { kind: "review_requested", workspaceId: user.workspaceId, actorId: user.id, actorName: user.name, model: facts.row.model, version: facts.row.version, details: {} });
    return to;
  });
}

/** Withdraw a submission (its submitter or an owner): back to draft; its reviews stop counting. */
export async function withdrawVersion(modelId: string, version: unknown, input: z.input<typeof stepCommentSchema> = {}): Promise<StepResult> {
  const { comment } = stepCommentSchema.parse(input);
  return runStep("version.submit", "withdraw a submission", modelId, version, async (tx, user, facts) => {
    const to = await refuseUnless(user, facts, "withdraw");
    await writeStep(tx, facts.row, { action: "withdraw", from: facts.row.status, to, actorId: user.id, via: via(user), evidenceHash: facts.evidence.hash, comment: comment ?? null }, { action: "version.withdrawn" });
    return to;
  });
}

/** After changes were asked for: back to draft, so it can be changed and submitted again. */
export async function moveVersionBackToDraft(modelId: string, version: unknown): Promise<StepResult> {
  return runStep("version.submit", "move a version back to draft", modelId, version, async (tx, user, facts) => {
    const to = await refuseUnless(user, facts, "back_to_draft");
    await writeStep(tx, facts.row, { action: "back_to_draft", from: facts.row.status, to, actorId: user.id, via: via(user), evidenceHash: facts.evidence.hash }, { action: "version.back_to_draft" });
    return to;
  });
}

/** Retires every other live version of the model (one live version per model). */
async function retireOthers(tx: Tx, user: CurrentUser, row: VersionRow, replacedBy: number): Promise<number[]> {
  const others = await tx.modelVersion.findMany({ where: { modelId: row.model.id, status: "live", id: { not: row.id } }, select: versionSelect });
  for (const other of others) {
    await writeStep(
      tx,
      other,
      { action: "retire", from: "live", to: "retired", actorId: user.id, via: null, evidenceHash: null, comment: `Replaced by version ${replacedBy}.` },
      { action: "version.retired", payload: { replacedBy } },
    );
  }
  return others.map((o) => o.version);
}

/** Make an approved version live (owners), with the policy's approvals on the current evidence. */
export async function makeVersionLive(modelId: string, version: unknown): Promise<StepResult> {
  return runStep("version.release", "make a version live", modelId, version, async (tx, user, facts) => {
    const to = await refuseUnless(user, facts, "make_live");
    const retired = await retireOthers(tx, user, facts.row, facts.row.version);
    await writeStep(
      tx,
      facts.row,
      { action: "make_live", from: facts.row.status, to, actorId: user.id, via: null, evidenceHash: facts.evidence.hash },
      { action: "version.made_live", payload: { approvals: facts.approvers.length, approvalsRequired: facts.approvalsRequired, retired } },
    );
    await writeCheckpoint(tx, user.workspaceId);
    return to;
  });
}

/** Roll back to a retired version that was approved (owners). */
export async function rollbackToVersion(modelId: string, version: unknown, input: z.input<typeof stepCommentSchema> = {}): Promise<StepResult> {
  const { comment } = stepCommentSchema.parse(input);
  return runStep("version.release", "roll back to a version", modelId, version, async (tx, user, facts) => {
    const to = await refuseUnless(user, facts, "rollback");
    const retired = await retireOthers(tx, user, facts.row, facts.row.version);
    await writeStep(
      tx,
      facts.row,
      { action: "rollback", from: facts.row.status, to, actorId: user.id, via: null, evidenceHash: facts.evidence.hash, comment: comment ?? null },
      { action: "version.rolled_back", payload: { retired } },
    );
    await writeCheckpoint(tx, user.workspaceId);
    return to;
  });
}

// ---------------------------------------------------------------- reading for the page and the API

function stepView(s: StepRow): StepView {
  return {
    action: s.action as StepAction,
    from: s.fromStatus,
    to: s.toStatus,
    actor: s.actorId ? personOf(s.actor) : null,
    via: s.via,
    evidenceHash: s.evidenceHash,
    comment: s.comment,
    createdAt: s.createdAt,
  };
}

function reviewView(r: ReviewRow, facts: VersionFacts): ReviewView {
  const onCurrentSubmission = Boolean(facts.submission && r.submissionId === facts.submission.id);
  return {
    id: r.id,
    reviewer: personOf(r.reviewer),
    reviewerId: r.reviewerId,
    decision: r.decision,
    comment: r.comment,
    checklist: readChecklist(r.checklist),
    evidenceHash: r.evidenceHash,
    createdAt: r.createdAt,
    counts: onCurrentSubmission && r.evidenceHash === facts.evidence.hash,
    onEarlierEvidence: r.evidenceHash !== facts.evidence.hash,
    onEarlierSubmission: !onCurrentSubmission,
  };
}

/** Who approved the step that made a version live: the approvals on the evidence of its latest make-live step. */
function approversOf(steps: readonly StepRow[], reviews: readonly ReviewRow[], upTo: Date): { names: string[]; evidenceHash: string | null } {
  const madeLive = [...steps].reverse().find((s) => s.action === "make_live" && s.createdAt <= upTo);
  if (!madeLive) return { names: [], evidenceHash: null };
  const names = new Map<string, string>();
  for (const r of reviews) {
    if (r.decision === "approve" && r.evidenceHash === madeLive.evidenceHash && r.createdAt <= madeLive.createdAt) names.set(r.reviewerId, personOf(r.reviewer));
  }
  return { names: [...names.values()], evidenceHash: madeLive.evidenceHash };
}

/** Every span during which a version of the model was live, oldest first. */
async function liveSpans(db: Reader, modelId: string): Promise<LiveSpan[]> {
  const versions = await db.modelVersion.findMany({
    where: { modelId },
    select: {
      id: true,
      version: true,
      status: true,
      updatedAt: true,
      steps: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: stepSelect },
      reviews: { select: reviewSelect },
    },
  });
  const spans: LiveSpan[] = [];
  for (const v of versions) {
    let open: LiveSpan | null = null;
    const hasLiveStep = v.steps.some((s) => s.toStatus === "live");
    if (!hasLiveStep && (v.status === "live" || v.steps.some((s) => s.fromStatus === "live"))) {
      // Live from before reviews existed: since the audit log's "marked live" entry, else its last change.
      const marked = await db.auditEvent.findFirst({ where: { subjectId: v.id, action: "version.marked_live" }, orderBy: { seq: "asc" }, select: { createdAt: true } });
      open = { version: v.version, versionId: v.id, since: marked?.createdAt ?? v.updatedAt, until: null, approvedBy: [], evidenceHash: null, withoutReview: true, how: "without_review" };
    }
    for (const s of v.steps) {
      if (s.toStatus === "live" && s.fromStatus !== "live") {
        const { names, evidenceHash } = approversOf(v.steps, v.reviews, s.createdAt);
        open = { version: v.version, versionId: v.id, since: s.createdAt, until: null, approvedBy: names, evidenceHash, withoutReview: false, how: s.action === "rollback" ? "rollback" : "make_live" };
      } else if (s.fromStatus === "live" && s.toStatus !== "live" && open) {
        spans.push({ ...open, until: s.createdAt });
        open = null;
      }
    }
    if (open) spans.push(open);
  }
  return spans.sort((a, b) => a.since.getTime() - b.since.getTime() || a.version - b.version);
}

/** Which version was live at `at`, or null when none was (any role that reads models). */
export async function liveVersionAt(modelId: string, at: Date): Promise<LiveSpan | null> {
  const user = await requirePermission("model.read", "see models");
  if (!modelIdSchema.safeParse(modelId).success) throw notFound("That model");
  const db = await getDb();
  const model = await db.model.findFirst({ where: { id: modelId, workspaceId: user.workspaceId }, select: { id: true } });
  if (!model) throw notFound("That model");
  const spans = await liveSpans(db, modelId);
  const t = at.getTime();
  return [...spans].reverse().find((s) => s.since.getTime() <= t && (s.until === null || t < s.until.getTime())) ?? null;
}

const COMPARED_AREAS = ["overall", "performance", "drift", "fairness"] as const;

/** The candidate beside the live version, on the newest window both have a current result for. */
async function compareWithLive(db: Reader, row: VersionRow): Promise<ComparisonView | null> {
  const live = await db.modelVersion.findFirst({ where: { modelId: row.model.id, status: "live", id: { not: row.id } }, select: { id: true, version: true } });
  if (!live) return null;
  const [mine, theirs] = await Promise.all([currentCandidates(db, row.id), currentCandidates(db, live.id)]);
  const theirsByWindow = new Map(theirs.map((c) => [c.windowId, c]));
  const common = mine.filter((c) => theirsByWindow.has(c.windowId));
  const pick =
    common.filter((c) => !c.isReference).sort((a, b) => b.endsAt.getTime() - a.endsAt.getTime() || b.uploadedAt.getTime() - a.uploadedAt.getTime())[0] ??
    common.find((c) => c.isReference);
  if (!pick) return null;
  const other = theirsByWindow.get(pick.windowId)!;
  const rows = await db.snapshot.findMany({ where: { id: { in: [pick.snapshotId, other.snapshotId] } }, select: { id: true, scorecard: true, verdicts: true } });
  const a = rows.find((r) => r.id === pick.snapshotId)!;
  const b = rows.find((r) => r.id === other.snapshotId)!;
  const cardA = a.scorecard as ScorecardSection | null;
  const cardB = b.scorecard as ScorecardSection | null;
  const metricsB = new Map((cardB?.metrics ?? []).map((m: MetricEntry) => [m.name, m]));
  const metrics = (cardA?.metrics ?? [])
    .filter((m) => metricsB.has(m.name))
    .map((m) => ({ name: m.name, candidate: m.value, live: metricsB.get(m.name)!.value, higherIsBetter: m.higherIsBetter }));
  const va = a.verdicts as unknown as Verdicts | null;
  const vb = b.verdicts as unknown as Verdicts | null;
  const lights = COMPARED_AREAS.map((area) => ({ area, candidate: va?.[area]?.light ?? "gray", live: vb?.[area]?.light ?? "gray" }));
  return { liveVersion: live.version, windowLabel: pick.windowLabel, isReference: pick.isReference, metrics, lights };
}

function refusalFor(user: CurrentUser, facts: VersionFacts, action: LifecycleAction): string | null {
  const d = decide(facts.effectiveStatus, action, lifecycleContext(user, facts));
  return d.ok ? null : d.reason;
}

/** Everything the version page shows (any role that reads models); `actions` are what the signed-in person may do. */
export async function getVersionGovernance(modelId: string, version: unknown): Promise<VersionGovernanceView> {
  const user = await requirePermission("model.read", "see models");
  const db = await getDb();
  const row = await findVersion(db, user.workspaceId, modelId, version);
  const facts = await loadFacts(db, row);
  const [comparison, liveHistory] = await Promise.all([compareWithLive(db, row), liveSpans(db, row.model.id)]);
  const ctx = lifecycleContext(user, facts);
  const state = facts.effectiveStatus;
  const reviewerRole = can(user.role, "version.review");
  const uploaded: StepView = { action: "uploaded", from: null, to: "draft", actor: row.createdBy ? personOf(row.createdBy) : null, via: null, evidenceHash: null, comment: null, createdAt: row.createdAt };
  return {
    modelId: row.model.id,
    modelName: row.model.name,
    versionId: row.id,
    version: row.version,
    artifactName: row.artifactName,
    artifactSha256: row.artifactSha256,
    status: row.status,
    effectiveStatus: state,
    evidenceChanged: facts.evidenceChanged,
    liveWithoutReview: facts.liveWithoutReview,
    noIndependentReview: facts.approvalsRequired <= 0,
    approvalsRequired: facts.approvalsRequired,
    approvalsOnCurrentEvidence: facts.approvers.length,
    submission: facts.submission
      ? { by: personOf(facts.submission.actor), via: facts.submission.via, at: facts.submission.createdAt, evidenceHash: facts.submission.evidenceHash }
      : null,
    evidence: facts.evidence,
    steps: [uploaded, ...facts.steps.map(stepView)],
    reviews: facts.reviews.map((r) => reviewView(r, facts)).reverse(),
    actions: allowedActions(state, ctx) as LifecycleActionName[],
    reviewRefusal: reviewerRole && state === "in_review" ? refusalFor(user, facts, "approve") : null,
    liveRefusal: can(user.role, "version.release") && state === "approved" ? refusalFor(user, facts, "make_live") : null,
    comparison,
    liveHistory,
    canReadAudit: can(user.role, "audit.read"),
  };
}

/** The API's view of one version: status, reviews and evidence hash. */
export async function getVersionForApi(modelId: string, version: unknown): Promise<VersionApiView> {
  const user = await requirePermission("model.read", "see models");
  const db = await getDb();
  const row = await findVersion(db, user.workspaceId, modelId, version);
  const facts = await loadFacts(db, row);
  return {
    modelId: row.model.id,
    version: row.version,
    versionId: row.id,
    status: row.status,
    effectiveStatus: facts.effectiveStatus,
    evidenceHash: facts.evidence.hash,
    evidenceChanged: facts.evidenceChanged,
    liveWithoutReview: facts.liveWithoutReview,
    approvalsRequired: facts.approvalsRequired,
    approvalsOnCurrentEvidence: facts.approvers.length,
    reviews: facts.reviews.map((r) => {
      const v = reviewView(r, facts);
      return { reviewer: v.reviewer, decision: v.decision, comment: v.comment, checklist: v.checklist, evidenceHash: v.evidenceHash, counts: v.counts, createdAt: v.createdAt.toISOString() };
    }),
  };
}

/** Who is signed in, for pages that only need the role (re-exported so pages keep to lib/db). */
export async function currentRole(): Promise<CurrentUser["role"]> {
  return (await requireUser()).role;
}
