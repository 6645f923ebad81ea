// The in-process job runner: one job at a time (our machines have 2 cores), oldest first.
// Started lazily by the first request that needs it; on start it re-queues jobs a previous process left running.
import "server-only";
import { getDb, type Tx } from "@/lib/prisma/client";
import type { Prisma } from "@/lib/prisma/generated/client";
import { writeScheduledCheckpoints } from "./audit-checkpoint-writer";
import { sweepAbandonedUploads } from "./sweep-staging";
import { JobCancelledError, JobFailure, type JobHandler } from "./types";

const handlers = new Map<string, JobHandler>();

export function registerJobHandler<I, R>(kind: string, handler: JobHandler<I, R>): void {
  handlers.set(kind, handler as JobHandler);
}

interface RunnerState {
  started: boolean;
  stopping: boolean;
  busy: boolean;
  wake: (() => void) | null;
  idle: Promise<void>;
}

const globalRunner = globalThis as unknown as { sightlineJobRunner?: RunnerState };

function state(): RunnerState {
  globalRunner.sightlineJobRunner ??= { started: false, stopping: false, busy: false, wake: null, idle: Promise.resolve() };
  return globalRunner.sightlineJobRunner;
}

export interface NewJob {
  workspaceId: string;
  modelId?: string | null;
  kind: string;
  input: Prisma.InputJsonValue;
  createdById?: string | null;
}

/** Creates a queued job (inside the caller's transaction if given) and wakes the runner after commit. */
export async function enqueueJob(job: NewJob, tx?: Tx): Promise<string> {
  if (!handlers.has(job.kind)) throw new Error(`No handler registered for job kind "${job.kind}".`);
  const client = tx ?? (await getDb());
  const row = await client.job.create({
    data: {
      workspaceId: job.workspaceId,
      modelId: job.modelId ?? null,
      kind: job.kind,
      input: job.input,
      createdById: job.createdById ?? null,
    },
    select: { id: true },
  });
  if (!tx) kickJobRunner();
  return row.id;
}

/** Starts the runner if needed and makes it look for queued jobs now. */
export function kickJobRunner(): void {
  const s = state();
  if (!s.started) {
    s.started = true;
    s.stopping = false;
    s.idle = loop().finally(() => {
      s.started = false;
    });
    return;
  }
  s.wake?.();
}

/** Lets the current job finish, then stops the loop (command-line tools call this before closing the database). */
export async function stopJobRunner(): Promise<void> {
  const s = state();
  if (!s.started) return;
  s.stopping = true;
  s.wake?.();
  await s.idle;
}

/** Resolves when no job is queued or running (tests and the seed wait on this). */
export async function waitForIdle(): Promise<void> {
  kickJobRunner();
  const db = await getDb();
  for (;;) {
    const open = await db.job.count({ where: { status: { in: ["queued", "running"] } } });
    if (open === 0 && !state().busy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts of one job (each start counts, restarts included) before it is parked instead of run again. */
export const MAX_ATTEMPTS = 3;

async function loop(): Promise<void> {
  const db = await getDb();
  // A previous process died mid-job: run those again from the start (their writes were never committed), unless
  // the job has already stopped the server MAX_ATTEMPTS times: then it is parked with its reason, so it cannot
  // freeze the server again at every start.
  await db.job.updateMany({
    where: { status: "running", attempts: { gte: MAX_ATTEMPTS } },
    data: {
      status: "failed",
      stage: "Parked",
      finishedAt: new Date(),
      error: `Parked: the server stopped ${MAX_ATTEMPTS} times while running this job, so it is not started again by itself. Check the file (fewer rows or periods help), then retry it or upload it again.`,
    },
  });
  await db.job.updateMany({ where: { status: "running" }, data: { status: "queued", stage: "Waiting to resume after a restart" } });
  // Uploads a previous process staged and nobody needs any more (then hourly, while idle): sweep-staging.ts.
  let swept = Date.now();
  await sweepAbandonedUploads(swept);
  const s = state();
  while (!s.stopping) {
    if (Date.now() - swept > 60 * 60 * 1000) await sweepAbandonedUploads((swept = Date.now()));
    // Signed audit checkpoints every 15 minutes (README "Audit log format"); never throws.
    await writeScheduledCheckpoints();
    const next = await db.job.findFirst({ where: { status: "queued" }, orderBy: { createdAt: "asc" }, select: { id: true } });
    if (!next) {
      if (s.stopping) break;
      await new Promise<void>((resolve) => {
        s.wake = resolve;
        setTimeout(resolve, 5_000).unref();
      });
      s.wake = null;
      continue;
    }
    s.busy = true;
    try {
      await runJob(next.id);
    } catch (error) {
      console.error(`Job runner: job ${next.id} crashed the runner loop`, error);
    } finally {
      s.busy = false;
    }
  }
}

async function runJob(jobId: string): Promise<void> {
  const db = await getDb();
  const claimed = await db.job.updateMany({
    where: { id: jobId, status: "queued" },
    data: { status: "running", startedAt: new Date(), attempts: { increment: 1 }, progress: 0, stage: "Starting", error: null },
  });
  if (claimed.count !== 1) return; // cancelled meanwhile
  const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
  const handler = handlers.get(job.kind);
  const fail = async (message: string, status: "failed" | "cancelled" = "failed") => {
    await db.job.update({ where: { id: jobId }, data: { status, error: message, finishedAt: new Date(), stage: status === "cancelled" ? "Cancelled" : "Failed" } });
  };
  if (!handler) return fail(`This server does not know how to run "${job.kind}" jobs. Update Sightline, then retry.`);

  const checkCancelled = async () => {
    const current = await db.job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } });
    if (current.status === "cancelled") throw new JobCancelledError();
  };
  try {
    const input = handler.parseInput(job.input);
    const { result, commit } = await handler.run({
      jobId,
      workspaceId: job.workspaceId,
      input,
      progress: async (fraction, stage) => {
        await db.job.update({ where: { id: jobId }, data: { progress: Math.max(0, Math.min(1, fraction)), stage } });
      },
      checkCancelled,
    });
    await db.$transaction(async (tx) => {
      // Cancelled at the last moment: write nothing.
      const current = await tx.job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } });
      if (current.status === "cancelled") throw new JobCancelledError();
      if (commit) await commit(tx);
      await tx.job.update({
        where: { id: jobId },
        data: { status: "succeeded", progress: 1, stage: "Done", result: (result ?? {}) as Prisma.InputJsonValue, finishedAt: new Date() },
      });
    });
  } catch (error) {
    if (error instanceof JobCancelledError) return fail("Cancelled before it finished. Nothing was saved.", "cancelled");
    if (error instanceof JobFailure) return fail(error.message);
    console.error(`Job ${jobId} (${job.kind}) failed`, error);
    return fail(
      `Something went wrong on the server while processing this job (${error instanceof Error ? error.message : String(error)}). Nothing was saved. Retry it; if it fails again, tell your administrator.`,
    );
  }
}
