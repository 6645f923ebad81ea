// Data uploads (reference data, production windows, late labels): checked in the request, so a bad file
// gets a clear 4xx answer and nothing is stored; the rest (store, score, evaluate) runs as one Job.
import "server-only";
import { columnsBeforeProcessing } from "@/lib/processing";
import { versionProcessing } from "./processing-read";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { RuleError, notFound } from "@/lib/auth/errors";
import type { ResolvedRoles } from "@/lib/contracts/column-roles";
import type { AcceptedUpload, UploadPreview } from "@/lib/contracts/upload-preview";
import { loadPreparedVersion } from "@/lib/db/versions";
import { IngestError, limitsFromEnv } from "@/lib/ingest";
import { checkDataFileIsolated } from "@/lib/jobs/untrusted-check";
import { enqueueJob } from "@/lib/jobs/runner";
import { discardStaged, type StagedFile } from "@/lib/storage/artifacts";
import { getDb } from "@/lib/prisma/client";
import { toJson } from "./json";

import { DATA_JOB } from "@/lib/jobs/names";

const columnName = z.string().trim().min(1).max(200);

export const dataUploadInput = z.object({
  modelId: z.string().min(1).max(64),
  kind: z.enum(["reference", "production"], { message: 'Say what the file is: kind "reference" (the data the model was checked on) or "production" (new cases).' }),
  fileName: z.string().trim().min(1).max(200),
  splitBy: z.enum(["none", "day", "week", "month"]).default("none"),
  /** the file has no header row (API: header=none; the form's "First row is data") */
  firstRowIsData: z.boolean().default(false),
  roles: z
    .object({
      label: columnName.optional(),
      id: columnName.optional(),
      timestamp: columnName.optional(),
      prediction: columnName.optional(),
      score: columnName.optional(),
    })
    .default({}),
});

/** Untrusted (query parameters, forms): validated by dataUploadInput. */
export type DataUploadInput = Omit<z.input<typeof dataUploadInput>, "kind" | "splitBy"> & { kind?: string; splitBy?: string };

/** What the job needs; stored as the job's input. */
export const dataJobInput = z.object({
  modelId: z.string(),
  kind: z.enum(["reference", "production"]),
  fileName: z.string(),
  format: z.string(),
  original: z.object({ tempPath: z.string(), sha256: z.string(), size: z.number() }),
  columnar: z.object({ tempPath: z.string(), sha256: z.string(), size: z.number() }),
  roles: z.object({
    label: z.string().optional(),
    prediction: z.string().optional(),
    scores: z.array(z.string()),
    timestamp: z.string().optional(),
    id: z.string().optional(),
    features: z.array(z.string()),
  }),
  /** how the job splits the checked table again (by its timestamp column): row lists are not stored in the job */
  splitBy: z.enum(["none", "day", "week", "month"]),
  windows: z.array(z.object({ label: z.string(), startMs: z.number().nullable(), endMs: z.number().nullable() })),
  uploadedAt: z.string(),
  actorId: z.string(),
  via: z.string().nullable(),
});
export type DataJobInput = z.infer<typeof dataJobInput>;

/**
 * Called before an upload's body is read: the caller may upload (`data.upload` for data and labels,
 * `model.write` for model versions) and the model is in their workspace (404 otherwise). Nothing is staged
 * for an anonymous or unauthorized request.
 */
export async function assertCanUpload(modelId: string, what: "data" | "labels" | "model"): Promise<void> {
  const user =
    what === "model"
      ? await requirePermission("model.write", "upload model versions")
      : await requirePermission("data.upload", what === "labels" ? "upload labels" : "upload data");
  const db = await getDb();
  const model = await db.model.findFirst({ where: { id: modelId, workspaceId: user.workspaceId }, select: { id: true } });
  if (!model) throw notFound("That model");
}

/** Caps that keep one upload from queueing work for hours (SIGHTLINE_MAX_WINDOWS, SIGHTLINE_MAX_EVALUATIONS). */
export function evaluationCaps(env: NodeJS.ProcessEnv): { maxWindows: number; maxEvaluations: number } {
  const read = (raw: string | undefined, fallback: number) => {
    const n = Number(raw);
    return raw !== undefined && raw.trim() !== "" && Number.isInteger(n) && n > 0 ? n : fallback;
  };
  return { maxWindows: read(env.SIGHTLINE_MAX_WINDOWS, 120), maxEvaluations: read(env.SIGHTLINE_MAX_EVALUATIONS, 400) };
}

function uploadLabel(date: Date): string {
  return `Upload of ${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Model, its version to read columns from, and the reference roles (names carried over to later uploads). */
async function modelContext(modelId: string, workspaceId: string) {
  const db = await getDb();
  const model = await db.model.findFirst({
    where: { id: modelId, workspaceId },
    select: {
      id: true,
      task: true,
      positiveLabel: true,
      versions: { where: { status: { notIn: ["rejected", "retired"] } }, orderBy: { version: "desc" }, select: { id: true, status: true } },
      datasets: { where: { kind: "reference" }, orderBy: { createdAt: "desc" }, take: 1, select: { columns: true } },
    },
  });
  if (!model) throw notFound("That model");
  const version = model.versions.find((v) => v.status === "live") ?? model.versions[0];
  const referenceRoles = (model.datasets[0]?.columns as { roles?: ResolvedRoles } | undefined)?.roles;
  return { db, model, version, referenceRoles };
}

/**
 * Checks an uploaded data file against the model and queues its job. Throws IngestError (4xx) on bad
 * input; the staged file is removed then, and nothing is written.
 */
export async function acceptDataUpload(input: DataUploadInput, staged: StagedFile): Promise<AcceptedUpload>;
export async function acceptDataUpload(input: DataUploadInput, staged: StagedFile, options: { preview: true }): Promise<UploadPreview>;
export async function acceptDataUpload(input: DataUploadInput, staged: StagedFile, options: { preview?: boolean } = {}): Promise<AcceptedUpload | UploadPreview> {
  let columnarStaged: StagedFile | null = null;
  try {
    const user = await requirePermission("data.upload", "upload data");
    const data = dataUploadInput.parse(input);
    const { db, model, version, referenceRoles } = await modelContext(data.modelId, user.workspaceId);
    if (!version) {
      throw new RuleError("Upload a model version (.onnx) first: Sightline needs it to score the data.", 409);
    }
    if (data.kind === "production" && !referenceRoles) {
      throw new RuleError("Upload the reference data first (the data the model was checked on): new data is compared with it.", 409);
    }
    const prepared = await loadPreparedVersion(db, version.id);
    // Decoding and checking every value runs in a child process (lib/jobs/untrusted-check.ts): the server keeps answering.
    const checked = await checkDataFileIsolated({
      fileName: data.fileName,
      path: staged.tempPath,
      limits: limitsFromEnv(process.env),
      kind: data.kind,
      splitBy: data.splitBy,
      chosen: data.roles,
      // The columns the file must have: the model's inputs, with each derived column (declared processing) replaced by the columns its formula reads.
      model: { task: model.task, positiveLabel: model.positiveLabel, requiredColumns: columnsBeforeProcessing(prepared.plan.requiredColumns, await versionProcessing(db, version.id)), referenceLabel: referenceRoles?.label ?? null },
      singleLabel: data.kind === "reference" ? "Reference data" : uploadLabel(new Date()),
      preview: Boolean(options.preview),
      firstRowIsData: data.firstRowIsData,
      // Cookie requests come from the app's own upload form; token requests from a pipeline.
      surface: user.apiToken ? "api" : "form",
    });
    columnarStaged = checked.columnar;
    const windows = checked.windows;
    if (windows.length > 0 && windows[0]!.startMs !== null) {
      const caps = evaluationCaps(process.env);
      if (windows.length > caps.maxWindows) {
        throw new IngestError({
          code: "too_many_windows",
          file: data.fileName,
          problem: `Split by ${data.splitBy}, the file gives ${windows.length.toLocaleString("en-US")} periods; one upload may have at most ${caps.maxWindows.toLocaleString("en-US")}.`,
          fix: `Split by a longer period (${data.splitBy === "day" ? "week or month" : "month"}), or upload the file in parts.`,
        });
      }
      const versions = await db.modelVersion.count({ where: { modelId: model.id, status: { notIn: ["rejected", "retired"] } } });
      if (windows.length * Math.max(1, versions) > caps.maxEvaluations) {
        throw new IngestError({
          code: "too_many_windows",
          file: data.fileName,
          problem: `${windows.length.toLocaleString("en-US")} periods for ${versions} model versions make ${(windows.length * versions).toLocaleString("en-US")} evaluations; one upload may ask for at most ${caps.maxEvaluations.toLocaleString("en-US")}.`,
          fix: "Split by a longer period, upload the file in parts, or retire model versions you no longer compare.",
        });
      }
    }
    if (options.preview) {
      discardStaged(staged);
      return { preview: true, rows: checked.rows, columns: checked.columns, roles: checked.roles, reasons: checked.reasons, windows: windows.map((w) => w.label), warnings: checked.warnings, problems: checked.problems };
    }
    if (!columnarStaged) throw new Error("The checked file has no columnar copy.");
    const jobInput: DataJobInput = {
      modelId: model.id,
      kind: data.kind,
      fileName: data.fileName,
      format: checked.format,
      original: staged,
      columnar: columnarStaged,
      roles: checked.roles,
      splitBy: windows.length > 0 && windows[0]!.startMs !== null ? data.splitBy : "none",
      windows,
      uploadedAt: new Date().toISOString(),
      actorId: user.id,
      via: user.apiToken ? `API token ${user.apiToken.name}` : null,
    };
    const jobId = await enqueueJob({ workspaceId: user.workspaceId, modelId: model.id, kind: DATA_JOB, input: toJson(jobInput), createdById: user.id });
    return { jobId, rows: checked.rows, windows: windows.map((w) => w.label), roles: checked.roles, warnings: checked.warnings };
  } catch (error) {
    discardStaged(staged);
    discardStaged(columnarStaged);
    throw error;
  }
}
