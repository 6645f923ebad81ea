// Model versions: an uploaded ONNX file, checked (signature read, one row dry-run) before it is accepted.
import "server-only";
import fs from "node:fs";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { RuleError, notFound } from "@/lib/auth/errors";
import { can } from "@/lib/auth/permissions";
import { InputMappingSchema, type InputMapping, type InputMappingRow, type VersionInputsView } from "@/lib/contracts/input-mapping";
import {
  OnnxModelError,
  checkDeclaredOutputs,
  mappingProblems,
  modelLimitsFromEnv,
  prepareModel,
  prepareOptionsFromMapping,
  proposeInputMapping,
  readInputSlots,
  type InputSlot,
  type MappingProblem,
  type PrepareOptions,
  type PreparedModel,
} from "@/lib/onnx";
import {
  inputsLockedWords,
  mappingCountWords,
  mappingRepeatedWords,
  mappingUnknownInputWords,
  mappingUnmappedWords,
  mappingUnreadableWords,
  type MappingSurface,
} from "@/lib/narrative/input-mapping-words";
import type { RunCost } from "@/lib/contracts/run-cost";
import { dryRunIsolated } from "@/lib/jobs/untrusted-dry-run";
import { artifactPath, discardStaged, promoteStaged, readArtifact, type StagedFile } from "@/lib/storage/artifacts";
import { VERSION_JOB } from "@/lib/jobs/names";
import { enqueueJob, kickJobRunner, startJobRunner } from "@/lib/jobs/runner";
import { appendAuditEvent } from "./audit";
import { getDb, type Tx } from "@/lib/prisma/client";
import { toJson } from "./json";
import { isEditable, versionWhere } from "./version-params";
import type { JsonValue } from "@/lib/governance/audit-chain";
import type { Processing } from "@/lib/contracts/processing";
import { ProcessingError, canonicalProcessingJson, declareProcessing, isNoProcessing, type ProcessingTask } from "@/lib/processing";

export const versionUploadInput = z.object({
  modelId: z.string().min(1).max(64),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((n) => n.toLowerCase().endsWith(".onnx"), "Upload the model as an .onnx file (export it with skl2onnx, onnxmltools or torch.onnx)."),
  note: z.string().trim().max(500).optional(),
  /** Column names for an [N, F] input whose model has no feature_names metadata, in order. */
  featureNames: z.array(z.string().trim().min(1)).min(1).optional(),
  /** Which columns feed each model input; inputs it leaves out are proposed (lib/contracts/input-mapping.ts). */
  inputMapping: InputMappingSchema.optional(),
  /**
   * Declared processing (lib/contracts/processing.ts), checked as on the version page. A yes/no model whose raw score
   * it turns into a chance (sigmoid or softmax) may answer outside 0 to 1.
   */
  processing: z.unknown().optional(),
});

/**
 * Whether declared processing turns a yes/no model's raw score into a chance (sigmoid or softmax), or declares it
 * "a raw score with a cut-off" (the evaluation then decides at that cut-off and reads no chances), so the upload's
 * range check stands aside.
 */
function rawScoreHandled(processing: Processing | null): boolean {
  return processing?.transform.kind === "sigmoid" || processing?.transform.kind === "softmax" || processing?.meaning?.kind === "raw_score";
}

/** The sentence for the first problem of a mapping, in the words of the surface that sent it. */
export function mappingProblemWords(problem: MappingProblem, surface: MappingSurface): string {
  switch (problem.kind) {
    case "count":
      return mappingCountWords(problem, surface);
    case "unknown-input":
      return mappingUnknownInputWords(problem.input, problem.inputs, surface);
    case "unmapped":
      return mappingUnmappedWords(problem.input, problem.width, surface);
    case "repeated":
      return mappingRepeatedWords(problem.input, problem.column, surface);
  }
}

export class ModelFileError extends Error {
  constructor(
    readonly fileName: string,
    message: string,
    readonly code: string,
  ) {
    super(`${fileName}: ${message}`);
    this.name = "ModelFileError";
  }
}

export interface CreatedVersion {
  id: string;
  version: number;
  /** the job evaluating it on the stored data, when there is data */
  jobId: string | null;
  changes: readonly string[];
  requiredColumns: readonly string[];
  /** which columns feed each model input, as stored (proposed, or as given) */
  inputMapping: InputMapping;
}

/** Checks a staged .onnx file and, when it runs, stores it as the model's next version (draft). */
export async function createModelVersion(input: z.input<typeof versionUploadInput>, staged: StagedFile): Promise<CreatedVersion> {
  try {
    const user = await requirePermission("model.write", "upload model versions");
    const data = versionUploadInput.parse(input);
    const db = await getDb();
    const model = await db.model.findFirst({
      where: { id: data.modelId, workspaceId: user.workspaceId },
      select: { id: true, task: true, positiveLabel: true },
    });
    if (!model) throw notFound("That model");

    const surface: MappingSurface = user.apiToken ? "api" : "form";
    let prepared: PreparedModel;
    let mapping: Record<string, string | string[]>;
    let processing: Processing | null = null;
    let runCost: RunCost | null = null;
    try {
      const bytes = new Uint8Array(fs.readFileSync(staged.tempPath));
      const limits = modelLimitsFromEnv(process.env);
      // The mapping first: a wrong count is refused in plain words before the runtime ever runs.
      const { signature, slots } = readInputSlots(bytes, { limits });
      const proposal = proposeInputMapping(signature, slots, { given: data.inputMapping, featureNames: data.featureNames });
      mapping = proposal.mapping;
      const problems = [
        ...Object.keys(data.inputMapping ?? {})
          .filter((input) => !slots.some((s) => s.input === input))
          .map((input): MappingProblem => ({ kind: "unknown-input", input, inputs: slots.map((s) => s.input) })),
        ...mappingProblems(slots, mapping),
      ];
      const first = problems[0];
      if (first) throw new OnnxModelError(first.kind === "unmapped" ? "FEATURE_NAMES_REQUIRED" : "FEATURE_NAMES_MISMATCH", mappingProblemWords(first, surface), { input: first.input });
      const options = {
        task: model.task,
        ...(model.positiveLabel ? { positiveLabel: model.positiveLabel } : {}),
        ...prepareOptionsFromMapping(mapping),
      };
      prepared = prepareModel(bytes, options, { limits });
      checkDeclaredOutputs(prepared); // what the declared output shapes already tell (a transformer's many values)
      if (data.processing !== undefined) processing = await declareAtUpload(db, model, prepared, data.processing);
      // Output checks, then one test row, in a child process with a deadline and a memory cap: a model that loops
      // or allocates without end costs that child, never the server.
      runCost = await dryRunIsolated(staged.tempPath, options, undefined, { rawScoreDeclared: rawScoreHandled(processing) });
    } catch (error) {
      if (error instanceof OnnxModelError) throw new ModelFileError(data.fileName, error.message, error.code);
      throw error;
    }

    await startJobRunner(); // the queue must be up before a transaction queues a job in it
    const created = await db.$transaction(async (tx) => {
      const last = await tx.modelVersion.findFirst({ where: { modelId: model.id }, orderBy: { version: "desc" }, select: { version: true } });
      const version = (last?.version ?? 0) + 1;
      const row = await tx.modelVersion.create({
        data: {
          modelId: model.id,
          version,
          note: data.note ?? null,
          artifactSha256: staged.sha256,
          artifactName: data.fileName,
          signature: toJson({ signature: prepared.signature, changes: prepared.changes }),
          featureSchema: toJson({ plan: prepared.plan, featureNames: data.featureNames ?? null }),
          inputMapping: toJson(mapping),
          ...(processing && !isNoProcessing(processing) ? { processing: toJson(processing) } : {}),
          ...(runCost ? { runCost: toJson(runCost) } : {}),
          createdById: user.id,
        },
        select: { id: true, version: true },
      });
      await appendAuditEvent(tx, {
        workspaceId: user.workspaceId,
        actorId: user.id,
        action: "version.uploaded",
        subjectType: "model_version",
        subjectId: row.id,
        payload: {
          modelId: model.id,
          version,
          file: data.fileName,
          sha256: staged.sha256,
          ...(processing && !isNoProcessing(processing) ? { processing: JSON.parse(canonicalProcessingJson(processing)) as JsonValue } : {}),
          ...(user.apiToken ? { via: `API token ${user.apiToken.name}` } : {}),
        },
      });
      // Data is there already: evaluate the new version on it (the job starts after this commit).
      const hasData = await tx.window.count({ where: { modelId: model.id, dataset: { kind: "reference" } } });
      const jobId = hasData
        ? await enqueueJob({ workspaceId: user.workspaceId, modelId: model.id, kind: VERSION_JOB, input: { modelId: model.id, versionId: row.id }, createdById: user.id }, tx)
        : null;
      promoteStaged(staged, ".onnx"); // last step: a failure before it leaves no file behind
      return { ...row, jobId };
    });
    if (created.jobId) kickJobRunner();
    return { ...created, changes: prepared.changes, requiredColumns: prepared.plan.requiredColumns, inputMapping: mapping };
  } finally {
    discardStaged(staged); // a no-op once promoted
  }
}

/** Processing declared with the upload: checked against the model and the reference data's columns, as on the version page. */
async function declareAtUpload(db: Awaited<ReturnType<typeof getDb>>, model: { id: string; task: ProcessingTask }, prepared: PreparedModel, input: unknown): Promise<Processing> {
  const reference = await db.dataset.findFirst({ where: { modelId: model.id, kind: "reference" }, orderBy: { createdAt: "desc" }, select: { columns: true } });
  const stored = (reference?.columns as { columns?: { name?: unknown }[] } | undefined)?.columns;
  const dataColumns = Array.isArray(stored) ? stored.map((c) => c.name).filter((n): n is string => typeof n === "string") : null;
  try {
    return declareProcessing(input, { task: model.task, modelInputs: prepared.plan.requiredColumns, dataColumns });
  } catch (error) {
    if (error instanceof ProcessingError) throw new RuleError(error.message, 422);
    throw error;
  }
}

/** How a stored version's model file is read: its task, positive class and input mapping. */
export async function versionPrepareOptions(tx: Tx | Awaited<ReturnType<typeof getDb>>, versionId: string): Promise<PrepareOptions> {
  const version = await tx.modelVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { featureSchema: true, inputMapping: true, model: { select: { task: true, positiveLabel: true } } },
  });
  return optionsOf(version.model, version.inputMapping, version.featureSchema);
}

function optionsOf(model: { task: PrepareOptions["task"]; positiveLabel: string | null }, storedMapping: unknown, featureSchema: unknown): PrepareOptions {
  // Every data upload is scored through the version's stored mapping; versions stored before it keep their feature names.
  const mapping = InputMappingSchema.safeParse(storedMapping);
  const schema = featureSchema as { featureNames?: string[] | null };
  return {
    task: model.task,
    ...(model.positiveLabel ? { positiveLabel: model.positiveLabel } : {}),
    ...(mapping.success ? prepareOptionsFromMapping(mapping.data) : schema.featureNames ? { featureNames: schema.featureNames } : {}),
  };
}

export async function loadPreparedVersion(tx: Tx | Awaited<ReturnType<typeof getDb>>, versionId: string): Promise<PreparedModel> {
  const version = await tx.modelVersion.findUniqueOrThrow({ where: { id: versionId }, select: { artifactSha256: true } });
  return prepareModel(readArtifact(version.artifactSha256, ".onnx"), await versionPrepareOptions(tx, versionId));
}

async function findVersionForInputs(db: Awaited<ReturnType<typeof getDb>>, workspaceId: string, modelId: unknown, version: unknown) {
  const row = await db.modelVersion.findFirst({
    where: versionWhere(workspaceId, modelId, version),
    select: {
      id: true,
      version: true,
      status: true,
      artifactSha256: true,
      inputMapping: true,
      featureSchema: true,
      model: { select: { id: true, task: true, positiveLabel: true } },
    },
  });
  if (!row) throw notFound("That model version");
  return row;
}

/** A mapping as an audit payload value (plain strings and lists of strings). */
function mappingJson(mapping: Readonly<Record<string, string | readonly string[]>>): { [input: string]: string | string[] } {
  return Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k, typeof v === "string" ? v : [...v]]));
}

/** The mapping a stored version is scored with: its stored mapping, else the one its plan was built with. */
function currentMapping(row: { inputMapping: unknown; featureSchema: unknown }): { mapping: Record<string, string | readonly string[]>; derived: boolean } {
  const stored = InputMappingSchema.safeParse(row.inputMapping);
  if (stored.success) return { mapping: stored.data, derived: false };
  const plan = (row.featureSchema as { plan?: PreparedModel["plan"] }).plan;
  const mapping: Record<string, string | readonly string[]> = {};
  for (const feed of plan?.inputs ?? []) mapping[feed.input] = feed.kind === "column" ? feed.column : feed.features;
  return { mapping, derived: true };
}

function rowsOf(slots: readonly InputSlot[], mapping: Record<string, string | readonly string[]>): InputMappingRow[] {
  return slots.map((slot) => {
    const value = mapping[slot.input];
    return { input: slot.input, kind: slot.kind, width: slot.width, typeText: slot.typeText, columns: value === undefined ? [] : typeof value === "string" ? [value] : [...value] };
  });
}

/** The version page's "Inputs" section: which columns feed each model input, and whether the signed-in person may change it. */
export async function getVersionInputs(modelId: string, version: unknown): Promise<VersionInputsView> {
  const user = await requirePermission("model.read", "see models");
  const db = await getDb();
  const row = await findVersionForInputs(db, user.workspaceId, modelId, version);
  const { slots } = readInputSlots(readArtifact(row.artifactSha256, ".onnx"));
  const { mapping, derived } = currentMapping(row);
  const writer = can(user.role, "model.write");
  const open = isEditable(row.status);
  return {
    modelId: row.model.id,
    version: row.version,
    rows: rowsOf(slots, mapping),
    canEdit: writer && open,
    lockedReason: writer && !open ? inputsLockedWords(row.version, row.status) : null,
    derived,
  };
}

export interface ChangedInputs {
  versionId: string;
  inputMapping: InputMapping;
  requiredColumns: readonly string[];
  /** the job scoring the stored data again through the new mapping, when there is data */
  jobId: string | null;
}

/**
 * Changes which columns feed a version's inputs (owners and analysts, until the version is submitted for review).
 * The mapping is checked against the model's inputs (counts, unknown inputs, a column twice) and by one test row before
 * it is stored; the change is audited and the stored data is scored again through it. Throws RuleError with the
 * reason in the words of `surface`.
 */
export async function updateVersionInputMapping(modelId: string, version: unknown, input: unknown, surface: MappingSurface): Promise<ChangedInputs> {
  const user = await requirePermission("model.write", "change how a model reads its data");
  const db = await getDb();
  const row = await findVersionForInputs(db, user.workspaceId, modelId, version);
  if (!isEditable(row.status)) throw new RuleError(inputsLockedWords(row.version, row.status), 409);
  const parsed = InputMappingSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RuleError(mappingUnreadableWords(`${issue?.path.join(".") || "mapping"}: ${issue?.message ?? "not valid"}`, surface), 422);
  }
  const bytes = readArtifact(row.artifactSha256, ".onnx");
  const { slots } = readInputSlots(bytes);
  const mapping = parsed.data;
  const problem = mappingProblems(slots, mapping)[0];
  if (problem) throw new RuleError(mappingProblemWords(problem, surface), 422);
  const options = { task: row.model.task, ...(row.model.positiveLabel ? { positiveLabel: row.model.positiveLabel } : {}), ...prepareOptionsFromMapping(mapping) };
  let prepared: PreparedModel;
  try {
    prepared = prepareModel(bytes, options);
    // The model ran with a mapping of these same counts when it was accepted, so the tensors it gets keep their shapes
    // and types. Only an input whose width neither the file nor its weights tell needs the runtime to check it again.
    if (slots.some((s) => s.width === null)) await dryRunIsolated(artifactPath(row.artifactSha256, ".onnx"), options);
  } catch (error) {
    if (error instanceof OnnxModelError) throw new RuleError(error.message, 422);
    throw error;
  }
  const before = currentMapping(row).mapping;
  await startJobRunner();
  const jobId = await db.$transaction(async (tx) => {
    // Written only while the version is still open: a submission racing this change wins.
    const updated = await tx.modelVersion.updateMany({
      where: { id: row.id, status: { in: ["draft", "changes_requested"] } },
      data: { inputMapping: toJson(mapping), featureSchema: toJson({ ...(row.featureSchema as object), plan: prepared.plan }) },
    });
    if (updated.count !== 1) throw new RuleError(inputsLockedWords(row.version, "in_review"), 409);
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "version.inputs_changed",
      subjectType: "model_version",
      subjectId: row.id,
      payload: { modelId: row.model.id, version: row.version, from: mappingJson(before), to: mappingJson(mapping), ...(user.apiToken ? { via: `API token ${user.apiToken.name}` } : {}) },
    });
    const hasData = await tx.window.count({ where: { modelId: row.model.id, dataset: { kind: "reference" } } });
    return hasData
      ? await enqueueJob({ workspaceId: user.workspaceId, modelId: row.model.id, kind: VERSION_JOB, input: { modelId: row.model.id, versionId: row.id }, createdById: user.id }, tx)
      : null;
  });
  if (jobId) kickJobRunner();
  return { versionId: row.id, inputMapping: mapping, requiredColumns: prepared.plan.requiredColumns, jobId };
}
