// Job status for the progress bar and the API; retry and cancel from the UI.
import "server-only";
import { requirePermission } from "@/lib/auth/current-user";
import { RuleError, notFound } from "@/lib/auth/errors";
import { kickJobRunner, startJobRunner } from "@/lib/jobs/runner";
import { sendRun } from "@/lib/jobs/queue";
import type { JobView } from "@/lib/contracts/job-view";
import { getDb } from "@/lib/prisma/client";

export async function getJob(jobId: string): Promise<JobView> {
  const user = await requirePermission("model.read", "see job progress");
  kickJobRunner();
  const db = await getDb();
  const job = await db.job.findFirst({
    where: { id: jobId, workspaceId: user.workspaceId },
    select: { id: true, kind: true, status: true, progress: true, stage: true, error: true, result: true, modelId: true, createdAt: true, finishedAt: true },
  });
  if (!job) throw notFound("That job");
  return { ...job, createdAt: job.createdAt.toISOString(), finishedAt: job.finishedAt?.toISOString() ?? null };
}

export async function cancelJob(jobId: string): Promise<void> {
  const user = await requirePermission("data.upload", "cancel jobs");
  const db = await getDb();
  const updated = await db.job.updateMany({
    where: { id: jobId, workspaceId: user.workspaceId, status: { in: ["queued", "running"] } },
    data: { status: "cancelled", stage: "Cancelled", error: "Cancelled before it finished. Nothing was saved.", finishedAt: new Date() },
  });
  if (updated.count === 0) {
    const exists = await db.job.count({ where: { id: jobId, workspaceId: user.workspaceId } });
    if (!exists) throw notFound("That job");
    throw new RuleError("This job has already finished, so there is nothing to cancel.");
  }
}

export async function retryJob(jobId: string): Promise<void> {
  const user = await requirePermission("data.upload", "retry jobs");
  const db = await getDb();
  await startJobRunner();
  const updated = await db.$transaction(async (tx) => {
    const queued = await tx.job.updateMany({
      where: { id: jobId, workspaceId: user.workspaceId, status: { in: ["failed", "cancelled"] } },
      data: { status: "queued", stage: "Waiting to start", progress: 0, error: null, finishedAt: null, leaseToken: null, holder: null, heartbeatAt: null },
    });
    if (queued.count === 1) await sendRun(tx, jobId);
    return queued;
  });
  if (updated.count === 0) {
    const exists = await db.job.count({ where: { id: jobId, workspaceId: user.workspaceId } });
    if (!exists) throw notFound("That job");
    throw new RuleError("Only a failed or cancelled job can be retried.");
  }
  kickJobRunner();
}

/** The newest jobs of a model (for the upload panel: what is running, what failed). */
export async function listModelJobs(modelId: string, take = 5): Promise<JobView[]> {
  const user = await requirePermission("model.read", "see job progress");
  kickJobRunner();
  const db = await getDb();
  const jobs = await db.job.findMany({
    where: { modelId, workspaceId: user.workspaceId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, status: true, progress: true, stage: true, error: true, result: true, modelId: true, createdAt: true, finishedAt: true },
  });
  return jobs.map((job) => ({ ...job, createdAt: job.createdAt.toISOString(), finishedAt: job.finishedAt?.toISOString() ?? null }));
}
