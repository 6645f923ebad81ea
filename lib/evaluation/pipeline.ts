// Orchestration of one evaluation: read the stored columnar tables, score them with each model version
// through onnxruntime-web (the same runtime as the browser), evaluate every window, and hand back rows
// to write. Server side: reads artifacts, calls the database for context, never writes by itself.
import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import nodePath from "node:path";
import { getDb, type Db, type Tx } from "@/lib/prisma/client";
import { toJson, toJsonOrNull } from "@/lib/db/json";
import { loadPreparedVersion } from "@/lib/db/versions";
import { cellText, isNumericStorage, type Table } from "@/lib/ingest/table";
import { readTable } from "@/lib/storage/tables";
import { JobFailure } from "@/lib/jobs/types";
import { MetricInputError } from "@/lib/metrics";
import type { FeatureColumn } from "@/lib/onnx";
import { scoreTable } from "@/lib/onnx/session-node";
import { artifactPath } from "@/lib/storage/artifacts";
import { rulesFromStored } from "@/lib/governance/policy-rules";
import type { PolicyRules } from "@/lib/contracts/policy-rules";
import { evaluateWindow, prepareEvaluationReference, referenceScorecard, type EvaluationSetup, type ModelOutputs, type PreviousWindow } from "./evaluate-window";
import { snapshotRowFromContent } from "@/lib/contracts/snapshot-content";
import type { DriftSection, Provenance, ScorecardSection, SnapshotContent, Task } from "@/lib/contracts/snapshot-types";

/** Changes when the evaluation code changes what it computes, so old snapshots are not reused by mistake. */
export const EVALUATOR_VERSION = "sightline-eval-2";
/** Fixed bootstrap seed: the same data gives the same intervals. */
export const BOOTSTRAP_SEED = 20_261_122;
export const BOOTSTRAP_RESAMPLES = 1_000;


export function tableColumns(table: Table): Map<string, FeatureColumn> {
  const columns = new Map<string, FeatureColumn>();
  for (const c of table.columns) columns.set(c.name, isNumericStorage(c) ? c.values : { codes: c.codes, dictionary: c.dictionary });
  return columns;
}

export interface ModelForEvaluation {
  id: string;
  task: Task;
  positiveLabel: string | null;
  sensitiveAttributes: string[];
  policy: { id: string } & PolicyRules;
}

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

export interface RolesForEvaluation {
  label?: string | undefined;
  prediction?: string | undefined;
  scores: string[];
  id?: string | undefined;
  timestamp?: string | undefined;
}

export interface EvaluationTarget {
  /** caller's key for the window (an id, or an index before the row exists) */
  key: string;
  table: Table;
  /** sha256 of the window's columnar copy */
  sha256: string;
  /** the window's name ("2026-07", or the file name) */
  label?: string;
  /** the stored window's id, when it exists already (re-evaluations); new windows get theirs at commit */
  windowId?: string;
  /** the window's end (its upload time without dates), in ms: orders windows for "since the previous window" */
  endsAtMs?: number;
  /** where the rows came from (file, sha256, uploader, time) */
  provenance?: Provenance | null;
  /** this window's own roles, when they differ from the job's (re-evaluating windows of several uploads) */
  roles?: RolesForEvaluation;
}

export interface EvaluatedSnapshot {
  versionId: string;
  key: string;
  inputHash: string;
  policyId: string;
  content: SnapshotContent;
}

/** Predictions that came with the file (a score or prediction column), instead of scoring. */
function outputsFromData(task: Task, table: Table, roles: RolesForEvaluation): ModelOutputs | null {
  const pick = (name: string | undefined) => {
    const col = name ? table.columns.find((c) => c.name === name) : undefined;
    return col && isNumericStorage(col) ? col.values : undefined;
  };
  if (task === "multiclass") {
    const col = roles.prediction ? table.columns.find((c) => c.name === roles.prediction) : undefined;
    if (!col) return null;
    const labels: (string | null)[] = new Array<string | null>(table.rowCount);
    for (let i = 0; i < table.rowCount; i++) {
      const text = cellText(col, i);
      labels[i] = text === "" ? null : text;
    }
    return { predictedLabels: labels };
  }
  if (task === "binary") {
    const score = pick(roles.scores[0]);
    return score ? { score } : null;
  }
  if (task === "regression") {
    const prediction = pick(roles.prediction);
    return prediction ? { prediction } : null;
  }
  return null;
}

/**
 * The reference is the same for every upload until a new one arrives, so its scores are kept as an artifact
 * keyed by (model file, reference data) and read back instead of scoring it again.
 */
async function cachedReferenceOutputs(modelSha: string, referenceSha: string, compute: () => Promise<ModelOutputs>): Promise<ModelOutputs> {
  const key = createHash("sha256").update(`reference-outputs\n${EVALUATOR_VERSION}\n${modelSha}\n${referenceSha}`).digest("hex");
  const path = artifactPath(key, ".scores");
  if (fs.existsSync(path)) {
    const buffer = fs.readFileSync(path);
    const kind = buffer.readUInt8(0);
    const values = new Float64Array(buffer.buffer.slice(buffer.byteOffset + 8, buffer.byteOffset + buffer.byteLength));
    return kind === 1 ? { score: values } : { prediction: values };
  }
  const outputs = await compute();
  const values = outputs.score ?? outputs.prediction;
  // Only a score (yes/no models) or a number (regression) is kept; category models are scored each time.
  if (values) {
    const header = new Uint8Array(8);
    header[0] = outputs.score ? 1 : 2;
    const bytes = new Uint8Array(8 + values.byteLength);
    bytes.set(header, 0);
    bytes.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), 8);
    fs.mkdirSync(nodePath.dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, path);
  }
  return outputs;
}

function inputHash(parts: Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

async function score(db: Db, versionId: string, table: Table, onProgress: (fraction: number) => Promise<void>): Promise<ModelOutputs> {
  const prepared = await loadPreparedVersion(db, versionId);
  let last = 0;
  const scored = await scoreTable(prepared, tableColumns(table), {
    onProgress: (done, total) => {
      last = done / Math.max(1, total);
    },
  });
  await onProgress(last);
  return {
    ...(scored.score ? { score: scored.score } : {}),
    ...(scored.prediction ? { prediction: scored.prediction } : {}),
    ...(scored.labels ? { predictedLabels: scored.labels } : {}),
    ...(scored.probabilities && scored.classes ? { probabilities: scored.probabilities, classes: scored.classes } : {}),
  };
}

interface StoredWindowResult extends PreviousWindow {
  windowId: string;
  endsAtMs: number;
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

/** The window just before `endsAtMs` among the known results (not the window itself). */
function previousOf(results: readonly StoredWindowResult[], target: { windowId?: string; endsAtMs: number }): PreviousWindow | null {
  let best: StoredWindowResult | null = null;
  for (const r of results) {
    if (r.windowId === target.windowId || r.endsAtMs >= target.endsAtMs) continue;
    if (!best || r.endsAtMs > best.endsAtMs) best = r;
  }
  return best ? { windowLabel: best.windowLabel, scorecard: best.scorecard, drift: best.drift } : null;
}

/**
 * Evaluates `versions` on each target window against the reference. Progress goes from `from` to `to`.
 * When the windows carry the model's own predictions, only the first (shown) version is evaluated, with them.
 */
export async function evaluateTargets(
  db: Db,
  args: {
    model: ModelForEvaluation;
    versions: { id: string; artifactSha256: string }[];
    roles: RolesForEvaluation;
    featureColumns: (versionId: string) => Promise<readonly string[]>;
    reference: { table: Table; sha256: string };
    targets: EvaluationTarget[];
    progress: (fraction: number, stage: string) => Promise<void>;
    checkCancelled: () => Promise<void>;
    from: number;
    to: number;
    /** Milliseconds spent scoring and evaluating, added up (for the job result and the benchmark). */
    timings?: { scoringMs: number; evaluationMs: number };
  },
): Promise<EvaluatedSnapshot[]> {
  const timings = args.timings ?? { scoringMs: 0, evaluationMs: 0 };
  const timed = async <T>(key: "scoringMs" | "evaluationMs", work: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[key] += performance.now() - start;
    }
  };
  const { model, roles, reference, targets, progress, checkCancelled, from, to } = args;
  const rolesOf = (t: EvaluationTarget) => t.roles ?? roles;
  const fromData = targets.every((t) => outputsFromData(model.task, t.table, rolesOf(t))) && outputsFromData(model.task, reference.table, roles);
  const versions = fromData ? args.versions.slice(0, 1) : args.versions;
  const out: EvaluatedSnapshot[] = [];
  const steps = versions.length * (targets.length + 1);
  let step = 0;
  const advance = async (stage: string) => {
    step++;
    await progress(from + ((to - from) * step) / steps, stage);
  };
  // Windows in time order, so each one is compared with the one before it (stored, or evaluated just now).
  const now = Date.now();
  const ordered = targets.map((t, index) => ({ t, index, endsAtMs: t.endsAtMs ?? now })).sort((a, b) => a.endsAtMs - b.endsAtMs || a.index - b.index);
  for (const [vi, version] of versions.entries()) {
    const label = versions.length > 1 ? ` (version ${vi + 1} of ${versions.length})` : "";
    const setup: EvaluationSetup = {
      task: model.task,
      positiveLabel: model.positiveLabel,
      sensitiveAttributes: model.sensitiveAttributes,
      labelColumn: roles.label ?? null,
      excludedColumns: excludedColumns(roles),
      featureColumns: await args.featureColumns(version.id),
      policy: model.policy,
      seed: BOOTSTRAP_SEED,
      resamples: BOOTSTRAP_RESAMPLES,
    };
    await checkCancelled();
    const refOutputs =
      outputsFromData(model.task, reference.table, roles) ??
      (await timed("scoringMs", () => cachedReferenceOutputs(version.artifactSha256, reference.sha256, () => score(db, version.id, reference.table, async () => {}))));
    const prepared = await timed("evaluationMs", () => prepareEvaluationReference(setup, reference.table, refOutputs));
    const baseline = await timed("evaluationMs", () => referenceScorecard(setup, reference.table, refOutputs));
    const known = await storedResults(db, version.id);
    await advance(`Scoring the reference data${label}`);
    for (const { t: target, endsAtMs } of ordered) {
      await checkCancelled();
      const targetRoles = rolesOf(target);
      const isReference = target.sha256 === reference.sha256;
      const outputs = isReference
        ? refOutputs
        : (outputsFromData(model.task, target.table, targetRoles) ?? (await timed("scoringMs", () => score(db, version.id, target.table, async () => {}))));
      const targetSetup: EvaluationSetup = target.roles ? { ...setup, labelColumn: targetRoles.label ?? null, excludedColumns: excludedColumns(targetRoles) } : setup;
      const previous = isReference ? null : previousOf(known, { ...(target.windowId ? { windowId: target.windowId } : {}), endsAtMs });
      const content = await timed("evaluationMs", () => {
        try {
          return evaluateWindow(targetSetup, prepared, {
            table: target.table,
            outputs,
            isReference,
            windowLabel: isReference ? "the reference data" : (target.label ?? "this data"),
            referenceScorecard: isReference ? null : baseline,
            previous,
            provenance: target.provenance ?? null,
          });
        } catch (error) {
          if (error instanceof MetricInputError) {
            throw new JobFailure(`The data could not be evaluated: ${error.message}. Check the file's columns, then upload it again.`);
          }
          throw error;
        }
      });
      if (!isReference) {
        known.push({ windowId: target.windowId ?? `new:${target.key}`, windowLabel: target.label ?? "this data", endsAtMs, scorecard: content.scorecard, drift: content.drift });
      }
      out.push({
        versionId: version.id,
        key: target.key,
        policyId: model.policy.id,
        content,
        inputHash: inputHash({
          evaluator: EVALUATOR_VERSION,
          model: fromData ? "predictions in the data" : version.artifactSha256,
          reference: reference.sha256,
          window: target.sha256,
          policy: policyHashParts(model.policy),
          previous: previous ? { label: previous.windowLabel } : null,
          setup: {
            task: targetSetup.task,
            positiveLabel: targetSetup.positiveLabel,
            sensitive: targetSetup.sensitiveAttributes,
            label: targetSetup.labelColumn,
            excluded: targetSetup.excludedColumns,
            features: targetSetup.featureColumns,
            seed: targetSetup.seed,
            resamples: targetSetup.resamples,
          },
        }),
      });
      await advance(`Evaluating ${targets.length} window${targets.length > 1 ? "s" : ""}${label}`);
    }
  }
  return out;
}

/** Every rule that changes what a snapshot says (not the policy row's id or version number). */
function policyHashParts(policy: PolicyRules & { id?: string }): Omit<PolicyRules, "version"> {
  const { version: _version, id: _id, ...rules } = policy;
  return rules;
}

/** Id, timestamp, label and model-output columns: left out of data-quality checks and slices. */
function excludedColumns(roles: RolesForEvaluation): string[] {
  return [roles.id, roles.timestamp, roles.label, roles.prediction, ...roles.scores].filter((c): c is string => Boolean(c));
}

/**
 * Writes new snapshots; an older current snapshot of the same version and window is marked superseded (it
 * stays as it was: the database refuses UPDATE on snapshots).
 */
export async function writeSnapshots(tx: Tx, snapshots: EvaluatedSnapshot[], windowIdOf: (key: string) => string, reason = "evaluated again"): Promise<number> {
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
    if (older.length) {
      await tx.snapshotSupersession.createMany({ data: older.map((o) => ({ snapshotId: o.id, supersededById: created.id, reason })) });
    }
  }
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
  const prepared = await loadPreparedVersion(await getDb(), versionId);
  return prepared.plan.requiredColumns;
}

/** The model's current reference data (its newest reference window's columnar copy). */
export async function loadReference(db: Db, modelId: string): Promise<{ table: Table; sha256: string }> {
  const refWindow = await db.window.findFirst({
    where: { modelId, dataset: { kind: "reference" } },
    orderBy: { createdAt: "desc" },
    select: { tablePath: true },
  });
  if (!refWindow?.tablePath) throw new JobFailure("The reference data is missing. Upload it again, then retry.");
  return { table: readTable(refWindow.tablePath, "reference data"), sha256: refWindow.tablePath };
}

/** A stored window's target without its table: roles, order and provenance (read before new tables replace it). */
export type StoredWindow = Omit<EvaluationTarget, "table"> & { tablePath: string };

/** Stored windows of a model as evaluation targets: each with its own roles, order and provenance. */
export async function storedTargets(db: Db, modelId: string): Promise<EvaluationTarget[]> {
  return (await storedWindows(db, modelId)).map(({ tablePath, ...w }) => ({ ...w, table: readTable(tablePath, w.label ?? "data") }));
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
      sha256: w.tablePath!,
      label: w.label,
      endsAtMs: (w.endsAt ?? w.createdAt).getTime(),
      roles: { label: stored.label, prediction: stored.prediction, scores: stored.scores ?? [], id: stored.id, timestamp: stored.timestamp },
      provenance: { fileName: w.dataset.fileName, sha256: w.dataset.artifactSha256, uploadedBy: w.dataset.uploadedBy, uploadedAt: w.dataset.createdAt.toISOString(), rows: w.rowCount },
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
  const snapshots = await evaluateTargets(db, {
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
