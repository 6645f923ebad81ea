// Orchestration of one evaluation: read the stored columnar tables, score them with each model version
// through onnxruntime-web (the same runtime as the browser), evaluate every window, and hand back rows
// to write. Server side: reads artifacts, calls the database for context, never writes by itself.
import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import nodePath from "node:path";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { toJson, toJsonOrNull } from "@/lib/db/json";
import { loadPreparedVersion } from "@/lib/db/versions";
import { isNumericStorage, type Table } from "@/lib/ingest/table";
import { decodeTable } from "@/lib/ingest";
import { JobFailure } from "@/lib/jobs/types";
import { MetricInputError, prepareReference } from "@/lib/metrics";
import type { FeatureColumn } from "@/lib/onnx";
import { scoreTable } from "@/lib/onnx/session-node";
import { artifactPath, readArtifact } from "@/lib/storage/artifacts";
import type { PolicyRules } from "@/lib/governance/verdicts";
import { driftColumns, evaluateWindow, type EvaluationSetup, type ModelOutputs, type Task } from "./evaluate-window";
import type { SnapshotContent } from "./snapshot-types";

/** Changes when the evaluation code changes what it computes, so old snapshots are not reused by mistake. */
export const EVALUATOR_VERSION = "sightline-eval-1";
/** Fixed bootstrap seed: the same data gives the same intervals. */
export const BOOTSTRAP_SEED = 20_261_122;
export const BOOTSTRAP_RESAMPLES = 1_000;

export const TABLE_EXTENSION = ".sltb";

export function readTable(sha256: string, name: string): Table {
  return decodeTable(readArtifact(sha256, TABLE_EXTENSION), name);
}

export function readStagedTable(path: string, name: string): Table {
  const buffer = fs.readFileSync(path);
  return decodeTable(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), name);
}

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
      policies: { orderBy: { version: "desc" }, take: 1, select: { id: true, version: true, metricFloors: true, driftThresholds: true, fairnessTolerance: true } },
    },
  });
  const policy = model.policies[0];
  if (!policy) throw new JobFailure("This model has no policy. Ask an owner to set one, then retry.");
  return {
    id: model.id,
    task: model.task,
    positiveLabel: model.positiveLabel,
    sensitiveAttributes: model.sensitiveAttributes,
    policy: {
      id: policy.id,
      version: policy.version,
      metricFloors: policy.metricFloors as Record<string, number>,
      driftThresholds: policy.driftThresholds as PolicyRules["driftThresholds"],
      fairnessTolerance: policy.fairnessTolerance,
    },
  };
}

export interface RolesForEvaluation {
  label?: string | undefined;
  prediction?: string | undefined;
  scores: string[];
}

export interface EvaluationTarget {
  /** caller's key for the window (an id, or an index before the row exists) */
  key: string;
  table: Table;
  /** sha256 of the window's columnar copy */
  sha256: string;
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
  };
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
  const fromData = targets.every((t) => outputsFromData(model.task, t.table, roles)) && outputsFromData(model.task, reference.table, roles);
  const versions = fromData ? args.versions.slice(0, 1) : args.versions;
  const out: EvaluatedSnapshot[] = [];
  const steps = versions.length * (targets.length + 1);
  let step = 0;
  const advance = async (stage: string) => {
    step++;
    await progress(from + ((to - from) * step) / steps, stage);
  };
  for (const [vi, version] of versions.entries()) {
    const label = versions.length > 1 ? ` (version ${vi + 1} of ${versions.length})` : "";
    const setup: EvaluationSetup = {
      task: model.task,
      positiveLabel: model.positiveLabel,
      sensitiveAttributes: model.sensitiveAttributes,
      labelColumn: roles.label ?? null,
      featureColumns: await args.featureColumns(version.id),
      policy: model.policy,
      seed: BOOTSTRAP_SEED,
      resamples: BOOTSTRAP_RESAMPLES,
    };
    await checkCancelled();
    const refOutputs =
      outputsFromData(model.task, reference.table, roles) ??
      (await timed("scoringMs", () => cachedReferenceOutputs(version.artifactSha256, reference.sha256, () => score(db, version.id, reference.table, async () => {}))));
    const profile = await timed("evaluationMs", () => prepareReference(driftColumns(setup, reference.table, refOutputs)));
    await advance(`Scoring the reference data${label}`);
    for (const target of targets) {
      await checkCancelled();
      const outputs =
        target.sha256 === reference.sha256
          ? refOutputs
          : (outputsFromData(model.task, target.table, roles) ?? (await timed("scoringMs", () => score(db, version.id, target.table, async () => {}))));
      const content = await timed("evaluationMs", () => {
        try {
          return evaluateWindow(setup, profile, { table: target.table, outputs });
        } catch (error) {
          if (error instanceof MetricInputError) {
            throw new JobFailure(`The data could not be evaluated: ${error.message}. Check the file's columns, then upload it again.`);
          }
          throw error;
        }
      });
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
          policy: { floors: model.policy.metricFloors, drift: model.policy.driftThresholds, tau: model.policy.fairnessTolerance },
          setup: { task: setup.task, positiveLabel: setup.positiveLabel, sensitive: setup.sensitiveAttributes, label: setup.labelColumn, features: setup.featureColumns, seed: setup.seed, resamples: setup.resamples },
        }),
      });
      await advance(`Evaluating ${targets.length} window${targets.length > 1 ? "s" : ""}${label}`);
    }
  }
  return out;
}

export async function writeSnapshots(tx: Tx, snapshots: EvaluatedSnapshot[], windowIdOf: (key: string) => string): Promise<number> {
  for (const s of snapshots) {
    await tx.snapshot.create({
      data: {
        modelVersionId: s.versionId,
        windowId: windowIdOf(s.key),
        policyId: s.policyId,
        inputHash: s.inputHash,
        scorecard: toJsonOrNull(s.content.scorecard),
        drift: toJson(s.content.drift),
        fairness: toJsonOrNull(s.content.fairness),
        verdicts: toJson(s.content.verdicts),
        narrative: toJson(s.content.narrative),
      },
    });
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
