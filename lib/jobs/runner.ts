// Runs Jobs delivered by the queue (queue.ts), one at a time per process (our machines have 2 cores).
//
// Exactly once, across processes: a process claims a queued Job with a fresh lease token; every write of that run
// (progress, heartbeat, failure, commit) names the token, so a run whose lease was taken over writes nothing. The
// commit inserts a JobCommit row keyed by the job id in the same transaction, so a second commit of the same job
// cannot happen even if two runs raced. A running job's holder renews its heartbeat every few seconds; recovery
// re-queues only jobs whose heartbeat is stale or whose holder on this host is gone, never one a live process holds,
// and parks a job that its holders died on MAX_ATTEMPTS times.
import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import type PgBoss from "pg-boss";
import { getDb, type Tx } from "@/lib/prisma/client";
import { isProcessAlive } from "@/lib/prisma/connect";
import { positiveFromEnv } from "./child-process";
import type { Prisma } from "@/lib/prisma/generated/client";
import { writeScheduledCheckpoints } from "./audit-checkpoint-writer";
import { CHECKPOINT_QUEUE, HOLDER, RECOVERY_QUEUE, RUN_QUEUE, SWEEP_QUEUE, getQueue, pollSeconds, sendRun, stopQueue, type RunMessage } from "./queue";
import { sweepAbandonedUploads } from "./sweep-staging";
import { JobCancelledError, JobFailure, type JobHandler } from "./types";

// Kept on globalThis: Next bundles instrumentation.ts apart from the routes, and both must see every handler.
const globalHandlers = globalThis as unknown as { sightlineJobHandlers?: Map<string, JobHandler> };
const handlers = (globalHandlers.sightlineJobHandlers ??= new Map<string, JobHandler>());

export function registerJobHandler<I, R>(kind: string, handler: JobHandler<I, R>): void {
  handlers.set(kind, handler as JobHandler);
}

interface RunnerState {
  started: Promise<void> | null;
  workerId: string | null;
  /** jobs this process is running now */
  active: Set<string>;
  recovery: NodeJS.Timeout | null;
}

const globalRunner = globalThis as unknown as { sightlineJobRunner?: RunnerState };

function state(): RunnerState {
  globalRunner.sightlineJobRunner ??= { started: null, workerId: null, active: new Set(), recovery: null };
  return globalRunner.sightlineJobRunner;
}

/** Seconds without a heartbeat after which a running job's holder counts as gone (SIGHTLINE_JOB_STALE_SECONDS). */
export function staleSeconds(env: NodeJS.ProcessEnv = process.env): number {
  return positiveFromEnv(env.SIGHTLINE_JOB_STALE_SECONDS, 90);
}

function heartbeatMs(): number {
  return Math.max(250, Math.min(5_000, (staleSeconds() * 1000) / 6));
}

/** Starts of one job (each start counts, restarts included) before it is parked instead of run again. */
export const MAX_ATTEMPTS = 3;

export interface NewJob {
  workspaceId: string;
  modelId?: string | null;
  kind: string;
  input: Prisma.InputJsonValue;
  createdById?: string | null;
}

/**
 * Creates a queued job and its queue message in one transaction: the caller's (`tx`; call `startJobRunner()` before
 * opening it, then `kickJobRunner()` after it commits) or its own.
 */
export async function enqueueJob(job: NewJob, tx?: Tx): Promise<string> {
  if (!handlers.has(job.kind)) throw new Error(`No handler registered for job kind "${job.kind}".`);
  const create = async (client: Tx) => {
    const row = await client.job.create({
      data: { workspaceId: job.workspaceId, modelId: job.modelId ?? null, kind: job.kind, input: job.input, createdById: job.createdById ?? null },
      select: { id: true },
    });
    await sendRun(client, row.id);
    return row.id;
  };
  if (tx) return create(tx);
  await startJobRunner();
  const id = await (await getDb()).$transaction(create);
  kickJobRunner();
  return id;
}

/** Starts this process's worker (and the schedules) once; later calls return the same promise. */
export function startJobRunner(): Promise<void> {
  const s = state();
  s.started ??= start().catch((error: unknown) => {
    s.started = null;
    throw error;
  });
  return s.started;
}

async function start(): Promise<void> {
  const s = state();
  const boss = await getQueue();
  // Leftovers of a process that died, then queued jobs that may have no message (a duplicate one is harmless:
  // the claim only takes a queued job).
  await recoverJobs();
  await resendQueued();
  await sweepAbandonedUploads(Date.now());
  await writeScheduledCheckpoints();
  s.workerId = await boss.work<RunMessage>(RUN_QUEUE, { pollingIntervalSeconds: pollSeconds(), batchSize: 1 }, async ([message]) => {
    if (message) await runJob(message.data.jobId);
  });
  await work(boss, CHECKPOINT_QUEUE, () => writeScheduledCheckpoints());
  await work(boss, SWEEP_QUEUE, () => sweepAbandonedUploads(Date.now()));
  await work(boss, RECOVERY_QUEUE, () => recoverJobs());
  // Signed audit checkpoints every 15 minutes (README "Audit log format"), the staging sweep hourly, and a
  // recovery pass every minute; pg-boss sends each tick once across all processes.
  await boss.schedule(CHECKPOINT_QUEUE, "*/15 * * * *", {}, { tz: "UTC" });
  await boss.schedule(SWEEP_QUEUE, "17 * * * *", {}, { tz: "UTC" });
  await boss.schedule(RECOVERY_QUEUE, "* * * * *", {}, { tz: "UTC" });
  // Between the minute ticks, each process also looks on its own, so a job whose holder died waits at most
  // about the stale time (SIGHTLINE_JOB_STALE_SECONDS) plus this.
  s.recovery = setInterval(() => void recoverJobs().catch((error: unknown) => console.error("Job recovery failed", error)), Math.max(1_000, (staleSeconds() * 1000) / 3));
  s.recovery.unref();
}

async function work(boss: PgBoss, queue: string, task: () => Promise<unknown>): Promise<void> {
  await boss.work(queue, { pollingIntervalSeconds: 30 }, async () => {
    await task();
  });
}

/** Starts the worker if needed and makes it look for queued jobs now. */
export function kickJobRunner(): void {
  void startJobRunner()
    .then(async () => {
      const { workerId } = state();
      if (workerId) (await getQueue()).notifyWorker(workerId);
    })
    .catch((error: unknown) => console.error("The job queue could not start", error));
}

/** Lets the current job finish, then stops the worker and the queue (command-line tools call this before closing the database). */
export async function stopJobRunner(): Promise<void> {
  const s = state();
  if (!s.started) return;
  try {
    await s.started;
  } catch {
    // never started: nothing to stop but the queue
  }
  if (s.recovery) clearInterval(s.recovery);
  s.recovery = null;
  s.started = null;
  s.workerId = null;
  await stopQueue();
}

/** Resolves when no job is queued or running (tests and the seed wait on this). */
export async function waitForIdle(): Promise<void> {
  await startJobRunner();
  kickJobRunner();
  const db = await getDb();
  for (;;) {
    const open = await db.job.count({ where: { status: { in: ["queued", "running"] } } });
    if (open === 0 && state().active.size === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether a holder is known to be gone without waiting for its heartbeat: a dead process on this host, or this process when it is not running the job. */
function holderIsGone(holder: string | null, jobId: string): boolean {
  if (!holder) return true;
  const [host, pidText] = holder.split(" ");
  if (host !== os.hostname()) return false;
  const pid = Number(pidText);
  if (pid === process.pid) return !state().active.has(jobId);
  return Number.isInteger(pid) && !isProcessAlive(pid);
}

const PARKED = `Parked: the server stopped ${MAX_ATTEMPTS} times while running this job, so it is not started again by itself. Check the file (fewer rows or periods help), then retry it or upload it again.`;

/** Re-queues running jobs whose holder is gone (or parks them after MAX_ATTEMPTS starts). Never touches a live holder's job. */
export async function recoverJobs(now = Date.now()): Promise<number> {
  const db = await getDb();
  const staleBefore = new Date(now - staleSeconds() * 1000);
  const running = await db.job.findMany({ where: { status: "running" }, select: { id: true, leaseToken: true, holder: true, heartbeatAt: true, attempts: true } });
  let recovered = 0;
  for (const job of running) {
    const stale = !job.heartbeatAt || job.heartbeatAt < staleBefore;
    if (!stale && !holderIsGone(job.holder, job.id)) continue;
    const parked = job.attempts >= MAX_ATTEMPTS;
    await db.$transaction(async (tx) => {
      // Only if nobody touched it meanwhile (same lease, same heartbeat).
      const taken = await tx.job.updateMany({
        where: { id: job.id, status: "running", leaseToken: job.leaseToken, heartbeatAt: job.heartbeatAt },
        data: parked
          ? { status: "failed", stage: "Parked", finishedAt: new Date(), error: PARKED, leaseToken: null, holder: null }
          : { status: "queued", stage: "Waiting to resume after a restart", leaseToken: null, holder: null, heartbeatAt: null },
      });
      if (taken.count === 1) {
        recovered++;
        if (!parked) await sendRun(tx, job.id);
      }
    });
  }
  if (recovered) kickJobRunner();
  return recovered;
}

/** A "ready" message for every queued job (at start: rows queued before the queue existed, or whose message was lost). */
async function resendQueued(): Promise<void> {
  const db = await getDb();
  const queued = await db.job.findMany({ where: { status: "queued" }, select: { id: true }, orderBy: { createdAt: "asc" } });
  for (const job of queued) await db.$transaction((tx) => sendRun(tx, job.id));
}

class LeaseLostError extends Error {
  constructor() {
    super("Another process took this job over.");
    this.name = "LeaseLostError";
  }
}

async function runJob(jobId: string): Promise<void> {
  const db = await getDb();
  const lease = randomUUID();
  const claimed = await db.job.updateMany({
    where: { id: jobId, status: "queued" },
    data: { status: "running", startedAt: new Date(), attempts: { increment: 1 }, progress: 0, stage: "Starting", error: null, leaseToken: lease, holder: HOLDER, heartbeatAt: new Date() },
  });
  if (claimed.count !== 1) return; // cancelled, already taken, or already done: a duplicate message
  const s = state();
  s.active.add(jobId);
  let lost = false;
  const heartbeat = setInterval(() => {
    void db.job
      .updateMany({ where: { id: jobId, leaseToken: lease, status: "running" }, data: { heartbeatAt: new Date() } })
      .then((r) => {
        if (r.count === 0) lost = true;
      })
      .catch((error: unknown) => console.error(`Job ${jobId}: heartbeat failed`, error));
  }, heartbeatMs());
  heartbeat.unref();
  try {
    await execute(jobId, lease, () => lost);
  } finally {
    clearInterval(heartbeat);
    s.active.delete(jobId);
  }
}

async function execute(jobId: string, lease: string, leaseLost: () => boolean): Promise<void> {
  const db = await getDb();
  const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
  const handler = handlers.get(job.kind);
  const mine = { id: jobId, leaseToken: lease };
  const fail = async (message: string, status: "failed" | "cancelled" = "failed") => {
    await db.job.updateMany({
      where: { ...mine, status: { in: ["running", "cancelled"] } },
      data: { status, error: message, finishedAt: new Date(), stage: status === "cancelled" ? "Cancelled" : "Failed" },
    });
  };
  if (!handler) return fail(`This server does not know how to run "${job.kind}" jobs. Update Sightline, then retry.`);

  const checkCancelled = async () => {
    const current = await db.job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true, leaseToken: true } });
    if (current.status === "cancelled") throw new JobCancelledError();
    if (current.leaseToken !== lease || leaseLost()) throw new LeaseLostError();
  };
  try {
    const input = handler.parseInput(job.input);
    const { result, commit } = await handler.run({
      jobId,
      workspaceId: job.workspaceId,
      input,
      progress: async (fraction, stage) => {
        await db.job.updateMany({ where: { ...mine, status: "running" }, data: { progress: Math.max(0, Math.min(1, fraction)), stage } });
      },
      checkCancelled,
    });
    await db.$transaction(async (tx) => {
      // Still ours and not cancelled at the last moment, or nothing is written.
      const done = await tx.job.updateMany({
        where: { ...mine, status: "running" },
        data: { status: "succeeded", progress: 1, stage: "Done", result: (result ?? {}) as Prisma.InputJsonValue, finishedAt: new Date(), heartbeatAt: new Date() },
      });
      if (done.count !== 1) {
        const current = await tx.job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } });
        throw current.status === "cancelled" ? new JobCancelledError() : new LeaseLostError();
      }
      // The job's unique result key: a second commit of this job fails here and rolls back.
      await tx.jobCommit.create({ data: { jobId, leaseToken: lease } });
      if (commit) await commit(tx);
    });
  } catch (error) {
    // P2002: the JobCommit key exists, so another run committed this job (checked by code: Next bundles the
    // start-up hook apart from the routes, so the error class may come from another copy of the client).
    if (error instanceof LeaseLostError || (error as { code?: unknown }).code === "P2002") {
      console.warn(`Job ${jobId}: another process took it over; this run wrote nothing.`);
      return;
    }
    if (error instanceof JobCancelledError) return fail("Cancelled before it finished. Nothing was saved.", "cancelled");
    if (error instanceof JobFailure) return fail(error.message);
    console.error(`Job ${jobId} (${job.kind}) failed`, error);
    return fail(
      `Something went wrong on the server while processing this job (${error instanceof Error ? error.message : String(error)}). Nothing was saved. Retry it; if it fails again, tell your administrator.`,
    );
  }
}
