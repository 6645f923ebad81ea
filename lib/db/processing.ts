// A model version's declared processing (issue 11), changed by owners and analysts until the version goes to review.
// Each change is checked (lib/processing), audited, and the stored data is scored again through it. Reads live in
// processing-read.ts.
import "server-only";
import { requirePermission } from "@/lib/auth/current-user";
import { RuleError } from "@/lib/auth/errors";
import type { Processing } from "@/lib/contracts/processing";
import type { JsonValue } from "@/lib/governance/audit-chain";
import { VERSION_JOB } from "@/lib/jobs/names";
import { enqueueJob, kickJobRunner, startJobRunner } from "@/lib/jobs/runner";
import { PROCESSING_WORDS, describeProcessing } from "@/lib/narrative/processing-words";
import { ProcessingError, canonicalProcessingJson, declareProcessing, isNoProcessing, storedProcessing } from "@/lib/processing";
import { getDb } from "@/lib/prisma/client";
import { Prisma } from "@/lib/prisma/generated/client";
import { appendAuditEvent } from "./audit";
import { toJson } from "./json";
import { columnsOf, findVersion } from "./processing-read";
import { EDITABLE_STATUSES, isEditable } from "./version-params";

export interface ChangedProcessing {
  versionId: string;
  processing: Processing;
  sentences: string[];
  /** the job scoring the stored data again through the new processing, when there is data */
  jobId: string | null;
}

/**
 * Declares a version's processing (owners and analysts, until the version is submitted for review): checked against
 * the model and its reference data (formulas, columns, transform and meaning), stored, audited, and the stored data
 * scored again through it. Throws RuleError: 422 with the reason, 409 once the version is in review.
 */
export async function updateVersionProcessing(modelId: string, version: unknown, input: unknown): Promise<ChangedProcessing> {
  const user = await requirePermission("model.write", "change how a model's data is processed");
  const db = await getDb();
  const row = await findVersion(db, user.workspaceId, modelId, version);
  if (!isEditable(row.status)) throw new RuleError(PROCESSING_WORDS.lockedSubmitted, 409);
  let processing: Processing;
  try {
    processing = declareProcessing(input, { task: row.model.task, ...columnsOf(row) });
  } catch (error) {
    if (error instanceof ProcessingError) throw new RuleError(error.message, 422);
    throw error;
  }
  const before = storedProcessing(row.processing);
  const stored = isNoProcessing(processing) ? null : processing;
  const changed = canonicalProcessingJson(before) !== canonicalProcessingJson(stored);
  if (changed) await startJobRunner(); // the queue must be up before a transaction queues a job in it
  const jobId = await db.$transaction(async (tx) => {
    // Written only while the version is still open: a submission racing this change wins.
    const updated = await tx.modelVersion.updateMany({
      where: { id: row.id, status: { in: [...EDITABLE_STATUSES] } },
      data: { processing: stored === null ? Prisma.DbNull : toJson(stored) },
    });
    if (updated.count !== 1) throw new RuleError(PROCESSING_WORDS.lockedSubmitted, 409);
    if (!changed) return null;
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "version.processing_changed",
      subjectType: "model_version",
      subjectId: row.id,
      payload: {
        modelId: row.model.id,
        version: row.version,
        from: JSON.parse(canonicalProcessingJson(before)) as JsonValue,
        to: JSON.parse(canonicalProcessingJson(stored)) as JsonValue,
        ...(user.apiToken ? { via: `API token ${user.apiToken.name}` } : {}),
      },
    });
    const hasData = await tx.window.count({ where: { modelId: row.model.id, dataset: { kind: "reference" } } });
    return hasData
      ? await enqueueJob({ workspaceId: user.workspaceId, modelId: row.model.id, kind: VERSION_JOB, input: { modelId: row.model.id, versionId: row.id }, createdById: user.id }, tx)
      : null;
  });
  if (jobId) kickJobRunner();
  return { versionId: row.id, processing: stored ?? processing, sentences: describeProcessing(stored, row.model.positiveLabel), jobId };
}
