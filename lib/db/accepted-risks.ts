// Accepted risks in the database: an owner proposes to live with one red or amber check of a version's latest
// result (reason and expiry required), a reviewer who is not that owner confirms, the owner may withdraw. Whether
// one holds is computed on every read (lib/governance/accepted-risk.ts), so pages never show a stale acceptance;
// an acceptance found lapsed (expired, its check's evidence changed, the policy changed) is marked ended, with an
// audit event, by the next write on that model's acceptances or by `settleAcceptedRisks` (policy changes, the
// evaluation pipeline, the daily check `runAcceptedRiskDailyCheck`, which also announces acceptances a week from
// their end). An acceptance that reached its expiry is recorded as ended at its expiry, whenever it is noticed.
import "server-only";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { RuleError, notFound } from "@/lib/auth/errors";
import { can } from "@/lib/auth/permissions";
import {
  ACCEPTED_RISK_CHECK_KINDS,
  type AcceptedMark,
  type AcceptedRiskCheckKind,
  type AcceptedRiskEndReason,
  type AcceptedRiskView,
  type AcceptedRisksPanelView,
} from "@/lib/contracts/accepted-risks";
import type { DriftSection, FairnessSection, ScorecardSection, SlicesSection, Verdicts } from "@/lib/contracts/snapshot-types";
import { acceptanceState, expiresSoon, latestExpiry, riskyChecks, type RiskyCheck } from "@/lib/governance/accepted-risk";
import { DEFAULT_PRIMARY_METRIC } from "@/lib/governance/policy-rules";
import { notify } from "@/lib/notifications/notify";
import { getDb, type Db, type Tx } from "@/lib/prisma/client";
import { appendAuditEvent } from "./audit";
import { findVersion, lockModel } from "./lifecycle";

type Reader = Db | Tx;

const ACCEPTED_RISK_TX = { timeout: 30_000, maxWait: 20_000 } as const;

// ---------------------------------------------------------------- the current evidence of a version's checks

interface CurrentChecks {
  snapshotId: string | null;
  windowLabel: string | null;
  policyId: string | null;
  checks: RiskyCheck[];
}

/** The version's latest result (newest non-reference window, current snapshot) and its red or amber checks. */
async function currentChecks(db: Reader, model: { id: string; task: "binary" | "multiclass" | "regression" }, versionId: string): Promise<CurrentChecks> {
  const [policy, snapshots] = await Promise.all([
    db.policy.findFirst({ where: { modelId: model.id }, orderBy: { version: "desc" }, select: { id: true, primaryMetric: true } }),
    db.snapshot.findMany({
      where: { modelVersionId: versionId, supersededBy: { is: null }, window: { dataset: { kind: { not: "reference" } } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, scorecard: true, drift: true, fairness: true, verdicts: true, details: true, createdAt: true, window: { select: { label: true, endsAt: true, createdAt: true } } },
    }),
  ]);
  const at = (s: (typeof snapshots)[number]) => (s.window.endsAt ?? s.window.createdAt).getTime();
  let latest: (typeof snapshots)[number] | null = null;
  for (const s of snapshots) if (!latest || at(s) > at(latest)) latest = s;
  if (!latest) return { snapshotId: null, windowLabel: null, policyId: policy?.id ?? null, checks: [] };
  const details = (latest.details ?? {}) as { slices?: SlicesSection | null };
  const checks = riskyChecks(
    {
      scorecard: latest.scorecard as ScorecardSection | null,
      drift: latest.drift as DriftSection | null,
      fairness: latest.fairness as FairnessSection | null,
      slices: details.slices ?? null,
      verdicts: latest.verdicts as Verdicts | null,
    },
    policy?.primaryMetric ?? DEFAULT_PRIMARY_METRIC[model.task],
  );
  return { snapshotId: latest.id, windowLabel: latest.window.label, policyId: policy?.id ?? null, checks };
}

const checkId = (kind: string, key: string) => `${kind}:${key}`;

const riskSelect = {
  id: true,
  workspaceId: true,
  modelId: true,
  modelVersionId: true,
  checkKind: true,
  checkKey: true,
  light: true,
  reason: true,
  expiresAt: true,
  evidenceFingerprint: true,
  policyId: true,
  proposedById: true,
  proposedAt: true,
  confirmedAt: true,
  endedAt: true,
  endedReason: true,
  proposedBy: { select: { name: true } },
  confirmedBy: { select: { name: true } },
  modelVersion: { select: { version: true } },
} as const;

type RiskRow = {
  id: string;
  workspaceId: string;
  modelId: string;
  modelVersionId: string | null;
  checkKind: string;
  checkKey: string;
  light: string;
  reason: string;
  expiresAt: Date;
  evidenceFingerprint: string;
  policyId: string;
  proposedById: string;
  proposedAt: Date;
  confirmedAt: Date | null;
  endedAt: Date | null;
  endedReason: string | null;
  proposedBy: { name: string };
  confirmedBy: { name: string } | null;
  modelVersion: { version: number } | null;
};

function stateOf(row: RiskRow, current: CurrentChecks, now: Date) {
  const check = current.checks.find((c) => c.kind === row.checkKind && c.key === row.checkKey);
  return acceptanceState(
    {
      confirmedAt: row.confirmedAt,
      endedAt: row.endedAt,
      endedReason: row.endedReason as AcceptedRiskEndReason | null,
      expiresAt: row.expiresAt,
      evidenceFingerprint: row.evidenceFingerprint,
      policyId: row.policyId,
    },
    { now, fingerprint: check?.fingerprint ?? null, policyId: current.policyId },
  );
}

function toView(row: RiskRow, current: CurrentChecks, now: Date): AcceptedRiskView {
  const s = stateOf(row, current, now);
  return {
    id: row.id,
    version: row.modelVersion?.version ?? null,
    checkKind: row.checkKind as AcceptedRiskCheckKind,
    checkKey: row.checkKey,
    light: row.light === "red" ? "red" : "amber",
    reason: row.reason,
    expiresAt: row.expiresAt,
    proposedBy: row.proposedBy.name,
    proposedById: row.proposedById,
    proposedAt: row.proposedAt,
    confirmedBy: row.confirmedBy?.name ?? null,
    confirmedAt: row.confirmedAt,
    state: s.state,
    endedReason: s.state === "ended" ? s.reason : null,
    endedAt: row.endedAt,
  };
}

async function versionRisks(db: Reader, versionId: string): Promise<RiskRow[]> {
  return db.acceptedRisk.findMany({ where: { modelVersionId: versionId }, orderBy: [{ proposedAt: "desc" }, { id: "desc" }], select: riskSelect });
}

// ---------------------------------------------------------------- reading

/** The accepted-risks section of a version page: its red and amber checks and every acceptance, with what the caller may do. */
export async function getAcceptedRisksPanel(modelId: string, version: unknown): Promise<AcceptedRisksPanelView> {
  const user = await requirePermission("model.read", "see models");
  const db = await getDb();
  const row = await findVersion(db, user.workspaceId, modelId, version);
  const [current, rows] = await Promise.all([currentChecks(db, row.model, row.id), versionRisks(db, row.id)]);
  const now = new Date();
  const risks = rows.map((r) => toView(r, current, now));
  const open = new Map(risks.filter((r) => r.state !== "ended").map((r) => [checkId(r.checkKind, r.checkKey), r.id]));
  return {
    modelId: row.model.id,
    version: row.version,
    windowLabel: current.windowLabel,
    checks: current.checks.map((c) => {
      const holding = risks.find((r) => r.state === "holds" && r.checkKind === c.kind && r.checkKey === c.key);
      return {
        checkKind: c.kind,
        checkKey: c.key,
        light: c.light,
        acceptanceId: open.get(checkId(c.kind, c.key)) ?? null,
        accepted: holding ? { expiresAt: holding.expiresAt, acceptedBy: holding.proposedBy, confirmedBy: holding.confirmedBy ?? "", reason: holding.reason } : null,
      };
    }),
    risks,
    canPropose: can(user.role, "policy.edit"),
    canConfirm: can(user.role, "version.review"),
    userId: user.id,
    latestExpiry: latestExpiry(now).toISOString().slice(0, 10),
  };
}

/** The acceptances of a version that hold now (the sign-off packet lists them). */
export async function holdingAcceptedRisks(modelId: string, version: unknown): Promise<AcceptedRiskView[]> {
  const user = await requirePermission("model.read", "see models");
  const db = await getDb();
  const row = await findVersion(db, user.workspaceId, modelId, version);
  const [current, rows] = await Promise.all([currentChecks(db, row.model, row.id), versionRisks(db, row.id)]);
  const now = new Date();
  return rows.map((r) => toView(r, current, now)).filter((r) => r.state === "holds");
}

/**
 * What each check of the version's latest result shows instead of its bare light, keyed by `acceptedKey(kind, key)`.
 * Pages pass `marks.get(acceptedKey(...))` to the component that draws that check's light.
 */
export async function acceptedMarksForVersion(modelId: string, version: unknown): Promise<Map<string, AcceptedMark>> {
  const holding = await holdingAcceptedRisks(modelId, version);
  return new Map(holding.map((r) => [checkId(r.checkKind, r.checkKey), { expiresAt: r.expiresAt, acceptedBy: r.proposedBy, confirmedBy: r.confirmedBy ?? "", reason: r.reason }]));
}

export type AcceptedMarksByKind = Record<AcceptedRiskCheckKind, Record<string, AcceptedMark>>;

/**
 * The marks of the accepted risks that hold on the checks of one snapshot, by kind and check key. Only the
 * version's latest result carries them (an older window's light stands as it was judged).
 */
export async function acceptedMarksForSnapshot(modelId: string, snapshotId: string): Promise<AcceptedMarksByKind> {
  const user = await requirePermission("model.read", "see models");
  const marks: AcceptedMarksByKind = { metric: {}, drift_column: {}, fairness_comparison: {} };
  const parsed = acceptedRiskIdSchema.safeParse(snapshotId);
  if (!parsed.success) return marks;
  const db = await getDb();
  const snapshot = await db.snapshot.findFirst({
    where: { id: parsed.data, modelVersion: { modelId, model: { workspaceId: user.workspaceId } } },
    select: { modelVersionId: true, modelVersion: { select: { model: { select: { id: true, task: true } } } } },
  });
  if (!snapshot) return marks;
  const rows = await db.acceptedRisk.findMany({ where: { modelVersionId: snapshot.modelVersionId, endedAt: null, confirmedAt: { not: null } }, select: riskSelect });
  if (!rows.length) return marks;
  const current = await currentChecks(db, snapshot.modelVersion.model, snapshot.modelVersionId);
  if (current.snapshotId !== parsed.data) return marks;
  const now = new Date();
  for (const row of rows) {
    const view = toView(row, current, now);
    if (view.state !== "holds") continue;
    marks[view.checkKind][view.checkKey] = { expiresAt: view.expiresAt, acceptedBy: view.proposedBy, confirmedBy: view.confirmedBy ?? "", reason: view.reason };
  }
  return marks;
}

/** The fairness marks of one slice column, by group (the key is "column=group"). */
export function acceptedGroups(marks: Record<string, AcceptedMark>, column: string): Record<string, AcceptedMark> {
  const out: Record<string, AcceptedMark> = {};
  for (const [key, mark] of Object.entries(marks)) if (key.startsWith(`${column}=`)) out[key.slice(column.length + 1)] = mark;
  return out;
}

/** The key `acceptedMarksForVersion` uses for one check. */
export function acceptedKey(kind: AcceptedRiskCheckKind, key: string): string {
  return checkId(kind, key);
}

// ---------------------------------------------------------------- ending lapsed acceptances

/**
 * Marks every acceptance of the model that has lapsed (expired, its check's evidence changed, the policy changed)
 * as ended, one audit event each, inside the caller's transaction. Returns how many it ended.
 */
export async function settleAcceptedRisks(tx: Tx, modelId: string, now = new Date()): Promise<number> {
  const open = await tx.acceptedRisk.findMany({ where: { modelId, endedAt: null }, select: riskSelect });
  if (!open.length) return 0;
  const model = await tx.model.findUniqueOrThrow({ where: { id: modelId }, select: { id: true, task: true } });
  const byVersion = new Map<string, CurrentChecks>();
  let ended = 0;
  for (const row of open) {
    if (!row.modelVersionId) continue;
    let current = byVersion.get(row.modelVersionId);
    if (!current) {
      current = await currentChecks(tx, model, row.modelVersionId);
      byVersion.set(row.modelVersionId, current);
    }
    const s = stateOf(row, current, now);
    if (s.state !== "ended") continue;
    if (await endRisk(tx, row, s.reason, null, now)) ended++;
  }
  return ended;
}

/**
 * Records the ending once: an acceptance that reached its expiry ended at that moment (not when it was noticed);
 * any other ending at `now`. A row someone else already ended is left as it is, and writes no second event.
 */
async function endRisk(tx: Tx, row: RiskRow, reason: AcceptedRiskEndReason, actorId: string | null, now: Date): Promise<boolean> {
  const endedAt = reason === "expired" ? row.expiresAt : now;
  const { count } = await tx.acceptedRisk.updateMany({ where: { id: row.id, endedAt: null }, data: { endedAt, endedReason: reason } });
  if (count === 0) return false;
  await appendAuditEvent(tx, {
    workspaceId: row.workspaceId,
    actorId,
    action: reason === "withdrawn" ? "accepted_risk.withdrawn" : "accepted_risk.ended",
    subjectType: "AcceptedRisk",
    subjectId: row.id,
    payload: {
      modelId: row.modelId,
      version: row.modelVersion?.version ?? null,
      checkKind: row.checkKind,
      checkKey: row.checkKey,
      reason,
      ...(reason === "expired" ? { expiresAt: row.expiresAt.toISOString() } : {}),
    },
  });
  return true;
}

// ---------------------------------------------------------------- the daily check (the queue's scheduler)

export interface AcceptedRiskDailyResult {
  /** acceptances found lapsed and ended now (one audit event each) */
  ended: number;
  /** inbox items written for acceptances ending within EXPIRY_WARNING_DAYS */
  notified: number;
}

/**
 * Once a day (lib/notifications/worker.ts schedules it): every model with an open acceptance, one transaction each
 * under the model's lock: the lapsed ones are ended (an expired one at its expiry, with its audit event, once), and
 * for each confirmed one that ends within a week its owners and the reviewer who confirmed it get
 * `accepted_risk_expiring`, once per acceptance and person. `only.workspaceId` limits it to one workspace (tests).
 */
export async function runAcceptedRiskDailyCheck(now: Date = new Date(), only: { workspaceId?: string } = {}): Promise<AcceptedRiskDailyResult> {
  const db = await getDb();
  const open = await db.acceptedRisk.findMany({ where: { endedAt: null, ...(only.workspaceId ? { workspaceId: only.workspaceId } : {}) }, distinct: ["modelId"], select: { modelId: true } });
  const result: AcceptedRiskDailyResult = { ended: 0, notified: 0 };
  for (const { modelId } of open) {
    const one = await db.$transaction(async (tx) => {
      await lockModel(tx, modelId);
      const ended = await settleAcceptedRisks(tx, modelId, now);
      const model = await tx.model.findUniqueOrThrow({ where: { id: modelId }, select: { id: true, name: true } });
      const holding = await tx.acceptedRisk.findMany({
        where: { modelId, endedAt: null, confirmedAt: { not: null }, expiresAt: { gt: now } },
        select: { ...riskSelect, confirmedById: true },
      });
      let notified = 0;
      for (const row of holding) {
        if (!expiresSoon(row.expiresAt, now)) continue;
        notified += await notify(tx, {
          kind: "accepted_risk_expiring",
          workspaceId: row.workspaceId,
          actorId: null,
          to: [row.confirmedById],
          model,
          version: row.modelVersion?.version ?? 1,
          details: { acceptedRiskId: row.id, checkKind: row.checkKind as AcceptedRiskCheckKind, checkKey: row.checkKey, expiresAt: row.expiresAt.toISOString() },
          dedupeKey: `accepted_risk_expiring:${row.id}`,
        });
      }
      return { ended, notified };
    }, ACCEPTED_RISK_TX);
    result.ended += one.ended;
    result.notified += one.notified;
  }
  return result;
}

// ---------------------------------------------------------------- writing

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const isoMoment = z.iso.datetime({ offset: true });

export const proposeAcceptedRiskInput = z.object({
  checkKind: z.enum(ACCEPTED_RISK_CHECK_KINDS, { message: "Choose the check to accept." }),
  checkKey: z.string({ message: "Choose the check to accept." }).trim().min(1, "Choose the check to accept.").max(300, "Choose the check to accept."),
  reason: z
    .string({ message: "Say why the business can live with this check." })
    .trim()
    .min(10, "Say in at least 10 characters why the business can live with this check.")
    .max(1000, "Keep the reason under 1,000 characters."),
  /** A date (the form's field) means the end of that day, UTC; an ISO 8601 time with its offset (the API) means that moment. */
  expiresAt: z
    .string({ message: "Choose the date this acceptance ends." })
    .trim()
    .refine((s) => dateOnly.test(s) || isoMoment.safeParse(s).success, "Choose the date this acceptance ends (or, through the API, a time such as 2027-01-31T12:00:00Z).")
    .transform((s) => new Date(dateOnly.test(s) ? `${s}T23:59:59.999Z` : s)),
});

export type ProposeAcceptedRiskInput = z.input<typeof proposeAcceptedRiskInput>;

export const acceptedRiskIdSchema = z.string().min(1).max(64);

/** An owner proposes to accept one red or amber check of the version's latest result. */
export async function proposeAcceptedRisk(modelId: string, version: unknown, input: ProposeAcceptedRiskInput): Promise<{ id: string }> {
  const user = await requirePermission("policy.edit", "accept a risk");
  const data = proposeAcceptedRiskInput.parse(input);
  const now = new Date();
  if (data.expiresAt.getTime() <= now.getTime()) throw new RuleError("The end date must be in the future.");
  if (data.expiresAt.getTime() > latestExpiry(now).getTime() + 86_400_000) throw new RuleError("An acceptance can last at most 180 days. Choose an earlier end date.");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await findVersion(tx, user.workspaceId, modelId, version);
    await lockModel(tx, row.model.id);
    await settleAcceptedRisks(tx, row.model.id, now);
    const current = await currentChecks(tx, row.model, row.id);
    const check = current.checks.find((c) => c.kind === data.checkKind && c.key === data.checkKey);
    if (!check || !current.snapshotId || !current.policyId) throw new RuleError("Only a red or amber check of the latest result can be accepted.");
    const open = await tx.acceptedRisk.findFirst({ where: { modelVersionId: row.id, checkKind: check.kind, checkKey: check.key, endedAt: null }, select: { id: true } });
    if (open) throw new RuleError("This check already has an acceptance. Withdraw it first to propose a new one.");
    const created = await tx.acceptedRisk.create({
      data: {
        workspaceId: user.workspaceId,
        modelId: row.model.id,
        modelVersionId: row.id,
        checkKind: check.kind,
        checkKey: check.key,
        snapshotId: current.snapshotId,
        evidenceFingerprint: check.fingerprint,
        policyId: current.policyId,
        light: check.light,
        reason: data.reason,
        expiresAt: data.expiresAt,
        proposedById: user.id,
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "accepted_risk.proposed",
      subjectType: "AcceptedRisk",
      subjectId: created.id,
      payload: { modelId: row.model.id, version: row.version, checkKind: check.kind, checkKey: check.key, light: check.light, reason: data.reason, expiresAt: data.expiresAt.toISOString(), fingerprint: check.fingerprint, snapshotId: current.snapshotId, policyId: current.policyId },
    });
    return created;
  }, ACCEPTED_RISK_TX);
}

async function findRisk(tx: Tx, workspaceId: string, id: unknown): Promise<RiskRow> {
  const parsed = acceptedRiskIdSchema.safeParse(id);
  if (!parsed.success) throw notFound("That accepted risk");
  const row = await tx.acceptedRisk.findFirst({ where: { id: parsed.data, workspaceId }, select: riskSelect });
  if (!row) throw notFound("That accepted risk");
  return row;
}

/** The risk read again under its model's lock, after the model's lapsed acceptances are ended (so it is current). */
async function lockedRisk(tx: Tx, workspaceId: string, id: unknown, now: Date) {
  const first = await findRisk(tx, workspaceId, id);
  await lockModel(tx, first.modelId);
  await settleAcceptedRisks(tx, first.modelId, now);
  return findRisk(tx, workspaceId, id);
}

/** A reviewer (or another owner) confirms a proposal; never the person who proposed it. */
export async function confirmAcceptedRisk(id: unknown): Promise<{ id: string }> {
  const user = await requirePermission("version.review", "confirm an accepted risk");
  const db = await getDb();
  const now = new Date();
  return db.$transaction(async (tx) => {
    const row = await lockedRisk(tx, user.workspaceId, id, now);
    if (row.proposedById === user.id) throw new RuleError("You proposed this acceptance, so someone else must confirm it.");
    if (row.endedAt) throw new RuleError("This acceptance has ended, so it cannot be confirmed.");
    if (row.confirmedAt) throw new RuleError("This acceptance is already confirmed.");
    await tx.acceptedRisk.update({ where: { id: row.id }, data: { confirmedAt: now, confirmedById: user.id } });
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "accepted_risk.confirmed",
      subjectType: "AcceptedRisk",
      subjectId: row.id,
      payload: { modelId: row.modelId, version: row.modelVersion?.version ?? null, checkKind: row.checkKind, checkKey: row.checkKey, expiresAt: row.expiresAt.toISOString() },
    });
    return { id: row.id };
  }, ACCEPTED_RISK_TX);
}

/** An owner withdraws a proposal or an acceptance that still holds. */
export async function withdrawAcceptedRisk(id: unknown): Promise<{ id: string }> {
  const user = await requirePermission("policy.edit", "withdraw an accepted risk");
  const db = await getDb();
  const now = new Date();
  return db.$transaction(async (tx) => {
    const row = await lockedRisk(tx, user.workspaceId, id, now);
    if (row.endedAt) throw new RuleError("This acceptance has already ended.");
    await endRisk(tx, row, "withdrawn", user.id, now);
    return { id: row.id };
  }, ACCEPTED_RISK_TX);
}
