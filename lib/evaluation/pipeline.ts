// Orchestration of one evaluation: gather from the database what the computation needs (model, policy, versions,
// stored results), run the computation (compute.ts) in a child process with a deadline and a memory cap, and hand
// back rows to write. Reads artifacts and the database, never writes by itself.
import "server-only";
import { getDb, type Db, type Tx } from "@/lib/prisma/client";
import { toJson, toJsonOrNull } from "@/lib/db/json";
import { loadPreparedVersion, versionPrepareOptions } from "@/lib/db/versions";
import { versionProcessing } from "@/lib/db/processing-read";
import { columnsBeforeProcessing } from "@/lib/processing";
import { settleAcceptedRisks } from "@/lib/db/accepted-risks";
import { recordEvidenceChanges } from "@/lib/db/lifecycle";
import { notify } from "@/lib/notifications/notify";
import { JobFailure } from "@/lib/jobs/types";
import { WarmChild, positiveFromEnv } from "@/lib/jobs/child-process";
import { artifactPath } from "@/lib/storage/artifacts";
import { rulesFromStored } from "@/lib/governance/policy-rules";
import { snapshotRowFromContent } from "@/lib/contracts/snapshot-content";
import type { DriftSection, ScorecardSection } from "@/lib/contracts/snapshot-types";
import type { ComputeAnswer, ComputeRequest, EvaluatedSnapshot, EvaluationTarget, ModelForEvaluation, RolesForEvaluation, StoredWindowResult, VersionForCompute } from "./compute";
import type { ComputeChildAnswer, ComputeProgress } from "./compute-child";
import type { TableSource } from "./table-sources";

export { BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, EVALUATOR_VERSION, tableColumns } from "./compute";
export type { EvaluatedSnapshot, EvaluationTarget, ModelForEvaluation, RolesForEvaluation } from "./compute";

export async function loadModelForEvaluation(db: Db | Tx, modelId: string): Promise<ModelForEvaluation> {
  const model = await db.model.findUniqueOrThrow({
    where: { id: modelId },
    select: {
      id: true,
      task: true,
      positiveLabel: true,
      sensitiveAttributes: true,
      policies: {
        orderBy: { version: "desc" },
        take: 1,
        select: { id: true, version: true, primaryMetric: true, metricFloors: true, driftThresholds: true, fairnessTolerance: true, approvalsRequired: true, rules: true },
      },
    },
  });
  const policy = model.policies[0];
  if (!policy) throw new JobFailure("This model has no policy. Ask an owner to set one, then retry.");
  return {
    id: model.id,
    task: model.task,
    positiveLabel: model.positiveLabel,
    sensitiveAttributes: model.sensitiveAttributes,
    policy: { id: policy.id, ...rulesFromStored(model.task, policy) },
  };
}


/** The current snapshots of a version's production windows (for "since the previous window"). */
async function storedResults(db: Db, versionId: string): Promise<StoredWindowResult[]> {
  const rows = await db.snapshot.findMany({
    where: { modelVersionId: versionId, supersededBy: null, window: { dataset: { kind: "production" } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { scorecard: true, drift: true, window: { select: { id: true, label: true, endsAt: true, createdAt: true } } },
  });
  const seen = new Set<string>();
  const out: StoredWindowResult[] = [];
  for (const r of rows) {
    if (seen.has(r.window.id)) continue;
    seen.add(r.window.id);
    out.push({
      windowId: r.window.id,
      windowLabel: r.window.label,
      endsAtMs: (r.window.endsAt ?? r.window.createdAt).getTime(),
      scorecard: (r.scorecard ?? null) as ScorecardSection | null,
      drift: (r.drift ?? null) as DriftSection | null,
    });
  }
  return out;
}


// One warm child per server process for scoring and evaluation (kept on globalThis: Next bundles routes apart).
const globalCompute = globalThis as unknown as { sightlineCompute?: WarmChild<ComputeProgress, ComputeChildAnswer> };
function computeChild(): WarmChild<ComputeProgress, ComputeChildAnswer> {
  return (globalCompute.sightlineCompute ??= new WarmChild<ComputeProgress, ComputeChildAnswer>("lib/evaluation/compute-child.ts"));
}

/** Limits of a job's scoring and evaluation (SIGHTLINE_JOB_SECONDS, SIGHTLINE_JOB_MAX_MB). */
export function computeLimitsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  return { seconds: positiveFromEnv(env.SIGHTLINE_JOB_SECONDS, 3600), memoryMb: positiveFromEnv(env.SIGHTLINE_JOB_MAX_MB, 4096) };
}

/**
 * Evaluates `versions` on each target window against the reference, in a child process (compute.ts). Progress
 * goes from `from` to `to`; a cancelled job stops the child at its next step.
 */
export async function evaluateTargets(
  db: Db,
  args: {
    model: ModelForEvaluation;
    versions: { id: string; artifactSha256: string }[];
    roles: RolesForEvaluation;
    featureColumns: (versionId: string) => Promise<readonly string[]>;
    reference: TableSource;
    targets: EvaluationTarget[];
    progress: (fraction: number, stage: string) => Promise<void>;
    checkCancelled: () => Promise<void>;
    from: number;
    to: number;
    /** Milliseconds spent reading, scoring and evaluating, added up (for the job result and the benchmark). */
    timings?: { readMs: number; scoringMs: number; evaluationMs: number };
  },
): Promise<Pick<ComputeAnswer, "snapshots" | "tables">> {
  await args.checkCancelled();
  const versions: VersionForCompute[] = [];
  for (const v of args.versions) {
    versions.push({
      id: v.id,
      artifactSha256: v.artifactSha256,
      modelPath: artifactPath(v.artifactSha256, ".onnx"),
      prepareOptions: await versionPrepareOptions(db, v.id),
      processing: await versionProcessing(db, v.id),
      featureColumns: await args.featureColumns(v.id),
      known: await storedResults(db, v.id),
    });
  }
  const request: ComputeRequest = { model: args.model, versions, roles: args.roles, reference: args.reference, targets: args.targets };
  const limits = computeLimitsFromEnv();
  const { from, to } = args;
  const answer = await computeChild().run({
    script: "lib/evaluation/compute-child.ts",
    request,
    limits,
    onProgress: async ({ step, steps, stage }) => {
      await args.checkCancelled(); // throws when cancelled: the child is stopped
      await args.progress(from + ((to - from) * step) / Math.max(1, steps), stage);
    },
    overTime: ({ seconds }) =>
      new JobFailure(`Scoring and evaluating this data took longer than ${Math.round(seconds / 60)} minutes, so it was stopped. Upload fewer rows or fewer periods at once, or ask your administrator to raise SIGHTLINE_JOB_SECONDS.`),
    overMemory: ({ memoryMb }) =>
      new JobFailure(`Scoring and evaluating this data needed more than ${Math.round(memoryMb).toLocaleString("en-US")} MB of memory, so it was stopped. Upload fewer rows at once (for example one file per month), or ask your administrator to raise SIGHTLINE_JOB_MAX_MB.`),
  });
  if (!answer.ok) throw answer.failure ? new JobFailure(answer.message) : new Error(answer.message);
  const result: ComputeAnswer = answer.result;
  if (args.timings) {
    args.timings.readMs += result.timings.readMs;
    args.timings.scoringMs += result.timings.scoringMs;
    args.timings.evaluationMs += result.timings.evaluationMs;
  }
  return { snapshots: result.snapshots, tables: result.tables };
}

/**
 * Writes new snapshots; an older current snapshot of the same version and window is marked superseded (it
 * stays as it was: the database refuses UPDATE on snapshots).
 */
export async function writeSnapshots(tx: Tx, snapshots: EvaluatedSnapshot[], windowIdOf: (key: string) => string, reason = "evaluated again"): Promise<number> {
  const createdIds: string[] = [];
  for (const s of snapshots) {
    const windowId = windowIdOf(s.key);
    const older = await tx.snapshot.findMany({ where: { modelVersionId: s.versionId, windowId, supersededBy: null }, select: { id: true } });
    const row = snapshotRowFromContent(s.content);
    const created = await tx.snapshot.create({
      data: {
        modelVersionId: s.versionId,
        windowId,
        policyId: s.policyId,
        inputHash: s.inputHash,
        scorecard: toJsonOrNull(row.scorecard),
        drift: toJson(row.drift),
        fairness: toJsonOrNull(row.fairness),
        verdicts: toJson(row.verdicts),
        narrative: toJson(row.narrative),
        schemaVersion: row.schemaVersion,
        details: toJson(row.details),
      },
      select: { id: true },
    });
    createdIds.push(created.id);
    if (older.length) {
      await tx.snapshotSupersession.createMany({ data: older.map((o) => ({ snapshotId: o.id, supersededById: created.id, reason })) });
    }
  }
  // New evidence voids approvals made on the old: such versions go back to review (lib/db/lifecycle.ts).
  const first = snapshots[0];
  if (first) {
    const version = await tx.modelVersion.findUniqueOrThrow({ where: { id: first.versionId }, select: { modelId: true } });
    await recordEvidenceChanges(tx, version.modelId);
    await settleAcceptedRisks(tx, version.modelId);
  }
  // A verdict that turned red notifies owners and analysts (lib/notifications).
  await notify(tx, { kind: "snapshots_written", snapshotIds: createdIds });
  return snapshots.length;
}

/** Versions evaluated on new data: all but rejected and retired ones, the live one first. */
export async function activeVersions(modelId: string) {
  const db = await getDb();
  const versions = await db.modelVersion.findMany({
    where: { modelId, status: { notIn: ["rejected", "retired"] } },
    orderBy: { version: "desc" },
    select: { id: true, status: true, artifactSha256: true },
  });
  // The live version first: when the data carries predictions, they are the live version's.
  return [...versions.filter((v) => v.status === "live"), ...versions.filter((v) => v.status !== "live")];
}

export async function featureColumnsOf(versionId: string): Promise<readonly string[]> {
  const db = await getDb();
  const prepared = await loadPreparedVersion(db, versionId);
  // The data's own columns: a derived column (declared processing) stands for the columns its formula reads.
  return columnsBeforeProcessing(prepared.plan.requiredColumns, await versionProcessing(db, versionId));
}

/** The model's current reference data (its newest reference window's columnar copy), for the child to read. */
export async function loadReference(db: Db, modelId: string): Promise<TableSource> {
  const refWindow = await db.window.findFirst({
    where: { modelId, dataset: { kind: "reference" } },
    orderBy: { createdAt: "desc" },
    select: { tablePath: true },
  });
  if (!refWindow?.tablePath) throw new JobFailure("The reference data is missing. Upload it again, then retry.");
  return { kind: "stored", sha256: refWindow.tablePath, name: "reference data" };
}

/** A stored window's target without its table: roles, order and provenance (read before new tables replace it). */
export type StoredWindow = Omit<EvaluationTarget, "source"> & { tablePath: string };

/** Stored windows of a model as evaluation targets: each with its own roles, order and provenance. */
export async function storedTargets(db: Db, modelId: string, onlyWindowIds?: readonly string[]): Promise<EvaluationTarget[]> {
  return (await storedWindows(db, modelId, onlyWindowIds)).map(({ tablePath, ...w }) => ({ ...w, source: { kind: "stored", sha256: tablePath, name: w.label ?? "data" } }));
}

/** The stored windows' metadata, without reading their tables. */
export async function storedWindows(db: Db, modelId: string, onlyWindowIds?: readonly string[]): Promise<StoredWindow[]> {
  const windows = await db.window.findMany({
    where: { modelId, tablePath: { not: null }, ...(onlyWindowIds ? { id: { in: [...onlyWindowIds] } } : {}) },
    select: {
      id: true,
      label: true,
      tablePath: true,
      rowCount: true,
      endsAt: true,
      createdAt: true,
      dataset: { select: { fileName: true, artifactSha256: true, uploadedBy: true, createdAt: true, columns: true } },
    },
  });
  return windows.map((w) => {
    const stored = (w.dataset.columns as { roles?: Partial<RolesForEvaluation> } | null)?.roles ?? {};
    return {
      key: w.id,
      windowId: w.id,
      tablePath: w.tablePath!,
      label: w.label,
      endsAtMs: (w.endsAt ?? w.createdAt).getTime(),
      roles: { label: stored.label, prediction: stored.prediction, scores: stored.scores ?? [], id: stored.id, timestamp: stored.timestamp },
      provenance: { fileName: w.dataset.fileName, sha256: w.dataset.artifactSha256, uploadedBy: w.dataset.uploadedBy, uploadedAt: w.dataset.createdAt.toISOString() },
    };
  });
}

/**
 * Evaluates `versions` again on the model's stored reference and windows (a new version, a policy change, an
 * owner's "evaluate again"). `ownScores`: score with each version instead of using predictions stored with the
 * data (those belong to the version that was live when they were uploaded).
 */
export async function evaluateStored(
  db: Db,
  ctx: { progress: (fraction: number, stage: string) => Promise<void>; checkCancelled: () => Promise<void> },
  args: { modelId: string; versions: { id: string; artifactSha256: string }[]; ownScores: boolean },
): Promise<{ model: ModelForEvaluation; targets: number; snapshots: EvaluatedSnapshot[] }> {
  await ctx.progress(0.05, "Reading the stored data");
  const model = await loadModelForEvaluation(db, args.modelId);
  const reference = await loadReference(db, args.modelId);
  const refDataset = await db.dataset.findFirst({ where: { modelId: args.modelId, kind: "reference" }, orderBy: { createdAt: "desc" }, select: { columns: true } });
  const stored = (refDataset?.columns as { roles?: Partial<RolesForEvaluation> } | undefined)?.roles ?? {};
  const outputs = args.ownScores ? { prediction: undefined, scores: [] } : { prediction: stored.prediction, scores: stored.scores ?? [] };
  const targets = (await storedTargets(db, args.modelId)).map((t) => (args.ownScores ? { ...t, roles: { ...t.roles!, prediction: undefined, scores: [] } } : t));
  const { snapshots } = await evaluateTargets(db, {
    model,
    versions: args.versions,
    roles: { label: stored.label, id: stored.id, timestamp: stored.timestamp, ...outputs },
    featureColumns: featureColumnsOf,
    reference,
    targets,
    progress: ctx.progress,
    checkCancelled: ctx.checkCancelled,
    from: 0.1,
    to: 0.95,
  });
  return { model, targets: targets.length, snapshots };
}

