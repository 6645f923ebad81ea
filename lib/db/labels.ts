// Labels that arrive later: a file of row ids and true outcomes, joined onto the stored windows by id.
// Checked while the request waits, in a child process (ids must match something); the job re-evaluates the affected windows.
import "server-only";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { RuleError, notFound } from "@/lib/auth/errors";
import { IngestError, limitsFromEnv } from "@/lib/ingest";
import type { ResolvedRoles } from "@/lib/contracts/column-roles";
import { enqueueJob } from "@/lib/jobs/runner";
import { checkLabelsFileIsolated } from "@/lib/jobs/untrusted-check";
import { discardStaged, type StagedFile } from "@/lib/storage/artifacts";
import { getDb } from "@/lib/prisma/client";
import { toJson } from "./json";
import { LABELS_JOB } from "@/lib/jobs/names";

export const labelsUploadInput = z.object({
  modelId: z.string().min(1).max(64),
  fileName: z.string().trim().min(1).max(200),
  /** the id column of the labels file (default: the id column of the model's data) */
  id: z.string().trim().min(1).max(200).optional(),
  /** the label column of the labels file (default: the model's label column name) */
  label: z.string().trim().min(1).max(200).optional(),
});

export const labelsJobInput = z.object({
  modelId: z.string(),
  fileName: z.string(),
  original: z.object({ tempPath: z.string(), sha256: z.string(), size: z.number() }),
  /** windows that get labels: their id and the staged columnar copy with the labels joined */
  windows: z.array(z.object({ windowId: z.string(), label: z.string(), matched: z.number(), staged: z.object({ tempPath: z.string(), sha256: z.string(), size: z.number() }) })),
  roles: z.object({ label: z.string(), id: z.string() }),
  unmatched: z.number(),
  actorId: z.string(),
  via: z.string().nullable(),
});
export type LabelsJobInput = z.infer<typeof labelsJobInput>;

export interface AcceptedLabels {
  jobId: string;
  matchedRows: number;
  windows: string[];
  unmatchedIds: number;
  unmatchedExamples: string[];
}

export async function acceptLabelsUpload(input: z.input<typeof labelsUploadInput>, staged: StagedFile): Promise<AcceptedLabels> {
  const stagedWindows: StagedFile[] = [];
  try {
    const user = await requirePermission("data.upload", "upload labels");
    const data = labelsUploadInput.parse(input);
    const db = await getDb();
    const model = await db.model.findFirst({
      where: { id: data.modelId, workspaceId: user.workspaceId },
      select: {
        id: true,
        datasets: { where: { kind: "reference" }, orderBy: { createdAt: "desc" }, take: 1, select: { columns: true } },
        windows: { where: { dataset: { kind: "production" } }, orderBy: { startsAt: "asc" }, select: { id: true, label: true, tablePath: true, dataset: { select: { columns: true } } } },
      },
    });
    if (!model) throw notFound("That model");
    const referenceRoles = (model.datasets[0]?.columns as { roles?: ResolvedRoles } | undefined)?.roles;
    if (!referenceRoles?.label) throw new RuleError("Upload the reference data first: it tells Sightline which column holds the true outcome.", 409);
    if (model.windows.length === 0) throw new RuleError("This model has no production data yet, so there is nothing to label. Upload a batch first.", 409);

    const targetLabel = referenceRoles.label;
    const candidates = model.windows.flatMap((w) => {
      const roles = (w.dataset.columns as { roles?: ResolvedRoles }).roles;
      return roles?.id && w.tablePath ? [{ id: w.id, label: w.label, tablePath: w.tablePath, idColumn: roles.id }] : [];
    });
    const idColumn = candidates.at(-1)?.idColumn ?? null;
    if (!idColumn) throw new RuleError("This model's data has no id column, so labels cannot be matched to rows. Upload data with an id column first.", 409);
    // Decoding and joining run in the warm checker child (lib/jobs/untrusted-check.ts): the server keeps answering.
    const checked = await checkLabelsFileIsolated({
      fileName: data.fileName,
      path: staged.tempPath,
      limits: limitsFromEnv(process.env),
      targetLabel,
      labelsLabel: data.label ?? targetLabel,
      labelsId: data.id ?? null,
      windows: candidates,
    });
    stagedWindows.push(...checked.windows.map((w) => w.staged));
    const windows: LabelsJobInput["windows"] = checked.windows;
    const matchedRows = checked.matchedRows;
    if (matchedRows === 0) {
      throw new IngestError({
        code: "unknown_column",
        file: data.fileName,
        problem: `None of the ids in the file match a row of this model's data${checked.unmatchedExamples.length ? ` (for example ${checked.unmatchedExamples.slice(0, 3).join(", ")})` : ""}.`,
        fix: "Check that the ids are the ones of the rows you uploaded, and that the file is for this model.",
      });
    }
    const totalIds = checked.totalIds;
    const jobInput: LabelsJobInput = {
      modelId: model.id,
      fileName: data.fileName,
      original: staged,
      windows,
      roles: { label: targetLabel, id: idColumn },
      unmatched: Math.max(0, totalIds - matchedRows),
      actorId: user.id,
      via: user.apiToken ? `API token ${user.apiToken.name}` : null,
    };
    const jobId = await enqueueJob({ workspaceId: user.workspaceId, modelId: model.id, kind: LABELS_JOB, input: toJson(jobInput), createdById: user.id });
    return {
      jobId,
      matchedRows,
      windows: windows.map((w) => w.label),
      unmatchedIds: jobInput.unmatched,
      unmatchedExamples: checked.unmatchedExamples,
    };
  } catch (error) {
    discardStaged(staged);
    for (const s of stagedWindows) discardStaged(s);
    throw error;
  }
}

