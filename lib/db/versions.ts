// Model versions: an uploaded ONNX file, checked (signature read, one row dry-run) before it is accepted.
import "server-only";
import fs from "node:fs";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { notFound } from "@/lib/auth/errors";
import { OnnxModelError, modelLimitsFromEnv, prepareModel, type PrepareOptions, type PreparedModel } from "@/lib/onnx";
import { dryRunIsolated } from "@/lib/jobs/untrusted-dry-run";
import { discardStaged, promoteStaged, readArtifact, type StagedFile } from "@/lib/storage/artifacts";
import { VERSION_JOB } from "@/lib/jobs/names";
import { enqueueJob, kickJobRunner, startJobRunner } from "@/lib/jobs/runner";
import { appendAuditEvent } from "./audit";
import { getDb, type Tx } from "@/lib/prisma/client";
import { toJson } from "./json";

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
});

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

    let prepared: PreparedModel;
    try {
      const bytes = new Uint8Array(fs.readFileSync(staged.tempPath));
      const options = {
        task: model.task,
        ...(model.positiveLabel ? { positiveLabel: model.positiveLabel } : {}),
        ...(data.featureNames ? { featureNames: data.featureNames } : {}),
      };
      prepared = prepareModel(bytes, options, { limits: modelLimitsFromEnv(process.env) });
      // One test row in a child process with a deadline and a memory cap: a model that loops or allocates
      // without end costs that child, never the server.
      await dryRunIsolated(staged.tempPath, options);
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
        payload: { modelId: model.id, version, file: data.fileName, sha256: staged.sha256, ...(user.apiToken ? { via: `API token ${user.apiToken.name}` } : {}) },
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
    return { ...created, changes: prepared.changes, requiredColumns: prepared.plan.requiredColumns };
  } finally {
    discardStaged(staged); // a no-op once promoted
  }
}

/** The prepared model of a stored version (re-read from its artifact, with the options it was accepted with). */
/** How a stored version's model file is read (its task, positive class and feature names). */
export async function versionPrepareOptions(tx: Tx | Awaited<ReturnType<typeof getDb>>, versionId: string): Promise<PrepareOptions> {
  const version = await tx.modelVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { featureSchema: true, model: { select: { task: true, positiveLabel: true } } },
  });
  const schema = version.featureSchema as { featureNames?: string[] | null };
  return {
    task: version.model.task,
    ...(version.model.positiveLabel ? { positiveLabel: version.model.positiveLabel } : {}),
    ...(schema.featureNames ? { featureNames: schema.featureNames } : {}),
  };
}

export async function loadPreparedVersion(tx: Tx | Awaited<ReturnType<typeof getDb>>, versionId: string): Promise<PreparedModel> {
  const version = await tx.modelVersion.findUniqueOrThrow({ where: { id: versionId }, select: { artifactSha256: true } });
  return prepareModel(readArtifact(version.artifactSha256, ".onnx"), await versionPrepareOptions(tx, versionId));
}
