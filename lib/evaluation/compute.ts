// The evaluation's computing part, without a database: score each window with each model version through
// onnxruntime-web (the same runtime as the browser) and evaluate it against the reference. pipeline.ts gathers what
// it needs from the database and runs it in a child process (compute-child.ts), so a large upload never stalls the
// server's other requests; the results come back as rows to write.
import { createHash } from "node:crypto";
import fs from "node:fs";
import nodePath from "node:path";
import { cellText, isNumericStorage, type Table } from "@/lib/ingest/table";
import { JobFailure } from "@/lib/jobs/types";
import { MetricInputError } from "@/lib/metrics";
import { prepareModel, type FeatureColumn, type PrepareOptions, type PreparedModel } from "@/lib/onnx";
import { scoreTable } from "@/lib/onnx/session-node";
import { canonicalProcessingJson, isNoProcessing, scoreWithProcessing } from "@/lib/processing";
import type { Processing } from "@/lib/contracts/processing";
import { artifactPath } from "@/lib/storage/artifacts";
import type { PolicyRules } from "@/lib/contracts/policy-rules";
import { evaluateWindow, prepareEvaluationReference, referenceScorecard, type EvaluationSetup, type ModelOutputs, type PreviousWindow } from "./evaluate-window";
import type { Provenance, SnapshotContent, Task } from "@/lib/contracts/snapshot-types";
import { TableSources, summarize, type TableSource, type TableSummary } from "./table-sources";

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
  /** where the child reads the window's rows (table-sources.ts) */
  source: TableSource;
  /** the window's name ("2026-07", or the file name) */
  label?: string;
  /** the stored window's id, when it exists already (re-evaluations); new windows get theirs at commit */
  windowId?: string;
  /** the window's end (its upload time without dates), in ms: orders windows for "since the previous window" */
  endsAtMs?: number;
  /** where the rows came from (file, sha256, uploader, time); the row count is the table's, filled in here */
  provenance?: Omit<Provenance, "rows"> | null;
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

/** The reference-scores cache key of a version: its model file and, when it has one, its input mapping. */
function scoringKey(version: VersionForCompute): string {
  const mapping = version.prepareOptions.featureNames;
  return mapping ? `${version.artifactSha256}\n${JSON.stringify(mapping)}` : version.artifactSha256;
}

/** The declared processing's part of the reference-scores cache key ("" when none, so old caches stay valid). */
function processingKey(version: VersionForCompute): string {
  return isNoProcessing(version.processing) ? "" : `\nprocessing ${canonicalProcessingJson(version.processing)}`;
}

function inputHash(parts: Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

async function score(prepared: PreparedModel, table: Table, processing: Processing | null | undefined): Promise<ModelOutputs> {
  // Declared processing (lib/processing): derived columns and standardisation before the model, the transform after.
  const scored = await scoreWithProcessing({ prepared, score: (columns, options) => scoreTable(prepared, columns, options) }, processing, tableColumns(table));
  return {
    ...(scored.score ? { score: scored.score } : {}),
    ...(scored.prediction ? { prediction: scored.prediction } : {}),
    ...(scored.labels ? { predictedLabels: scored.labels } : {}),
    ...(scored.probabilities && scored.classes ? { probabilities: scored.probabilities, classes: scored.classes } : {}),
  };
}

export interface StoredWindowResult extends PreviousWindow {
  windowId: string;
  endsAtMs: number;
}


/** A model version as the computation needs it: its file, how to read it, its columns, its stored results. */
export interface VersionForCompute {
  id: string;
  artifactSha256: string;
  /** the model file (content-addressed artifact) */
  modelPath: string;
  prepareOptions: PrepareOptions;
  /** the version's declared processing (lib/processing), null when none */
  processing?: Processing | null;
  featureColumns: readonly string[];
  /** the version's current snapshots of production windows (for "since the previous window") */
  known: StoredWindowResult[];
}

export interface ComputeRequest {
  model: ModelForEvaluation;
  versions: VersionForCompute[];
  roles: RolesForEvaluation;
  reference: TableSource;
  targets: EvaluationTarget[];
}

export interface ComputeAnswer {
  snapshots: EvaluatedSnapshot[];
  /** each target's table as read (by the target's key): its digest, size, columns and any copy staged for it */
  tables: Record<string, TableSummary>;
  /** milliseconds spent reading the tables, scoring and evaluating */
  timings: { readMs: number; scoringMs: number; evaluationMs: number };
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
 * Evaluates `versions` on each target window against the reference (no database: everything it needs comes in
 * `request`; it runs in a child process, compute-child.ts). When the windows carry the model's own predictions,
 * only the first (shown) version is evaluated, with them. `progress` gets (step, steps, stage).
 */
export async function computeEvaluations(request: ComputeRequest, progress: (step: number, steps: number, stage: string) => void): Promise<ComputeAnswer> {
  const timings = { scoringMs: 0, evaluationMs: 0 };
  const timed = async <T>(key: "scoringMs" | "evaluationMs", work: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[key] += performance.now() - start;
    }
  };
  const { model, roles } = request;
  const sources = new TableSources();
  const reference = sources.resolve(request.reference);
  const targets = request.targets.map((t) => ({ ...t, ...sources.resolve(t.source) }));
  const tables: Record<string, TableSummary> = {};
  for (const t of targets) tables[t.key] = summarize(t);
  const rolesOf = (t: EvaluationTarget) => t.roles ?? roles;
  const fromData = targets.every((t) => outputsFromData(model.task, t.table, rolesOf(t))) && outputsFromData(model.task, reference.table, roles);
  const versions = fromData ? request.versions.slice(0, 1) : request.versions;
  const out: EvaluatedSnapshot[] = [];
  const steps = versions.length * (targets.length + 1);
  let step = 0;
  const advance = (stage: string) => {
    step++;
    progress(step, steps, stage);
  };
  // Windows in time order, so each one is compared with the one before it (stored, or evaluated just now).
  const now = Date.now();
  const ordered = targets.map((t, index) => ({ t, index, endsAtMs: t.endsAtMs ?? now })).sort((a, b) => a.endsAtMs - b.endsAtMs || a.index - b.index);
  for (const [vi, version] of versions.entries()) {
    const label = versions.length > 1 ? ` (version ${vi + 1} of ${versions.length})` : "";
    // A yes/no version declared "a raw score with a cut-off": a yes at or above the declared cut-off, not the policy's chance.
    const meaning = fromData ? null : (version.processing?.meaning ?? null);
    const cutOff = model.task === "binary" && meaning?.kind === "raw_score" ? meaning.threshold : null;
    const setup: EvaluationSetup = {
      task: model.task,
      positiveLabel: model.positiveLabel,
      sensitiveAttributes: model.sensitiveAttributes,
      labelColumn: roles.label ?? null,
      excludedColumns: excludedColumns(roles),
      featureColumns: version.featureColumns,
      policy: cutOff === null ? model.policy : { ...model.policy, decisionThreshold: cutOff },
      ...(cutOff === null ? {} : { rawScore: true }),
      seed: BOOTSTRAP_SEED,
      resamples: BOOTSTRAP_RESAMPLES,
    };
    const prepared = prepareModel(new Uint8Array(fs.readFileSync(version.modelPath)), version.prepareOptions);
    const refOutputs =
      outputsFromData(model.task, reference.table, roles) ??
      (await timed("scoringMs", () => cachedReferenceOutputs(scoringKey(version) + processingKey(version), reference.sha256, () => score(prepared, reference.table, version.processing))));
    const preparedReference = await timed("evaluationMs", () => prepareEvaluationReference(setup, reference.table, refOutputs));
    const baseline = await timed("evaluationMs", () => referenceScorecard(setup, reference.table, refOutputs));
    const known = [...version.known];
    advance(`Scoring the reference data${label}`);
    for (const { t: target, endsAtMs } of ordered) {
      const targetRoles = rolesOf(target);
      const isReference = target.sha256 === reference.sha256;
      const outputs = isReference
        ? refOutputs
        : (outputsFromData(model.task, target.table, targetRoles) ?? (await timed("scoringMs", () => score(prepared, target.table, version.processing))));
      const targetSetup: EvaluationSetup = target.roles ? { ...setup, labelColumn: targetRoles.label ?? null, excludedColumns: excludedColumns(targetRoles) } : setup;
      const previous = isReference ? null : previousOf(known, { ...(target.windowId ? { windowId: target.windowId } : {}), endsAtMs });
      const content = await timed("evaluationMs", () => {
        try {
          return evaluateWindow(targetSetup, preparedReference, {
            table: target.table,
            outputs,
            isReference,
            windowLabel: isReference ? "the reference data" : (target.label ?? "this data"),
            referenceScorecard: isReference ? null : baseline,
            previous,
            provenance: target.provenance ? { ...target.provenance, rows: target.table.rowCount } : null,
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
          // which columns feed which input: a mapping change never reuses old results
          ...(fromData || !version.prepareOptions.featureNames ? {} : { mapping: version.prepareOptions.featureNames }),
          // the declared processing (canonical JSON): a change never reuses old scores
          ...(fromData || isNoProcessing(version.processing) ? {} : { processing: canonicalProcessingJson(version.processing) }),
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
      advance(`Evaluating ${targets.length} window${targets.length > 1 ? "s" : ""}${label}`);
    }
  }
  return { snapshots: out, tables, timings: { readMs: sources.readMs, ...timings } };
}


/** Every rule that changes what a snapshot says (not the policy row's id or version number). */
function policyHashParts(policy: PolicyRules & { id?: string }): Omit<PolicyRules, "version"> {
  const { version: _version, id: _id, ...rules } = policy;
  return rules;
}

/** Id, timestamp, label and model-output columns: left out of data-quality checks and slices. */
export function excludedColumns(roles: RolesForEvaluation): string[] {
  return [roles.id, roles.timestamp, roles.label, roles.prediction, ...roles.scores].filter((c): c is string => Boolean(c));
}

