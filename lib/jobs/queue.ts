// The job queue: pg-boss 10 (its last line for Node 20) in the same database as everything else: over the
// embedded PGlite through pg-boss's `db.executeSql` adapter, over PostgreSQL through its own small pool. It
// delivers each queued job to one process (SKIP LOCKED) and runs the scheduled work (audit checkpoints, the
// staging sweep) once per tick across processes. Why pg-boss: README "Decisions".
//
// The Job table stays the record people see (progress, stage, result, error) and the one that decides who may
// run and commit a job (runner.ts: lease, heartbeat, JobCommit); a pg-boss job only says "job X is ready".
import "server-only";
import os from "node:os";
import PgBoss from "pg-boss";
import { getQueueConnection, type Tx } from "@/lib/prisma/client";
import { positiveFromEnv } from "./child-process";

/** pg-boss keeps its tables in their own schema, apart from Prisma's. */
export const QUEUE_SCHEMA = "pgboss";
/** "Job X is ready to run": one queue for every kind of Job. */
export const RUN_QUEUE = "sightline-run-job";
/** Scheduled work (cron, UTC). */
export const CHECKPOINT_QUEUE = "sightline-audit-checkpoint";
export const SWEEP_QUEUE = "sightline-sweep-staging";
export const RECOVERY_QUEUE = "sightline-recover-jobs";
/** Notifications (lib/notifications): one e-mail or webhook post per message, retried with backoff; and the daily look for models without new data. */
export const NOTIFY_QUEUE = "sightline-notify-deliver";
export const STALE_DATA_QUEUE = "sightline-notify-stale-data";
/** The daily look at accepted risks (lib/db/accepted-risks.ts): endings at expiry recorded, a week's notice sent. */
export const ACCEPTED_RISK_QUEUE = "sightline-accepted-risk-daily";

/** A process's name in Job.holder: the host and the process id. */
export const HOLDER = `${os.hostname()} ${process.pid}`;

export interface RunMessage {
  jobId: string;
}

interface QueueState {
  boss: PgBoss;
  started: Promise<void>;
}

const globalQueue = globalThis as unknown as { sightlineQueue?: QueueState };

/** Seconds between the worker's polls for new jobs (a job queued in this process wakes it at once). */
export function pollSeconds(env: NodeJS.ProcessEnv = process.env): number {
  return Math.max(0.5, positiveFromEnv(env.SIGHTLINE_JOB_POLL_SECONDS, 2));
}

async function createBoss(): Promise<PgBoss> {
  const connection = await getQueueConnection();
  const common = {
    schema: QUEUE_SCHEMA,
    application_name: "sightline-queue",
    // Our own recovery (runner.ts) decides when a job's holder is gone; pg-boss's expiry only cleans up after it.
    expireInHours: 12,
    retryLimit: 0,
    // Finished queue entries are kept a week (the Job rows keep the history).
    deleteAfterDays: 7,
    maintenanceIntervalSeconds: 300,
    monitorStateIntervalSeconds: 60,
  };
  const boss =
    connection.kind === "postgres"
      ? new PgBoss({ ...common, connectionString: connection.url, max: 3 })
      : new PgBoss({ ...common, db: connection.sql as PgBoss.Db });
  boss.on("error", (error: unknown) => console.error("Job queue:", error));
  return boss;
}

/** Starts pg-boss once per process (creating its schema and queues the first time) and returns it. */
export async function getQueue(): Promise<PgBoss> {
  if (!globalQueue.sightlineQueue) {
    const state: QueueState = { boss: await createBoss(), started: Promise.resolve() };
    globalQueue.sightlineQueue ??= state;
    if (globalQueue.sightlineQueue === state) {
      state.started = (async () => {
        await state.boss.start();
        for (const name of [RUN_QUEUE, CHECKPOINT_QUEUE, SWEEP_QUEUE, RECOVERY_QUEUE, NOTIFY_QUEUE, STALE_DATA_QUEUE, ACCEPTED_RISK_QUEUE]) {
          await state.boss.createQueue(name, { name, retryLimit: 0, expireInSeconds: name === RUN_QUEUE ? 12 * 3600 : 15 * 60 });
        }
      })().catch((error: unknown) => {
        globalQueue.sightlineQueue = undefined;
        throw error;
      });
    }
  }
  const state = globalQueue.sightlineQueue;
  if (!state) throw new Error("The job queue could not start.");
  await state.started;
  return state.boss;
}

/** Stops pg-boss in this process (waits for its workers' current handlers). */
export async function stopQueue(): Promise<void> {
  const state = globalQueue.sightlineQueue;
  if (!state) return;
  globalQueue.sightlineQueue = undefined;
  try {
    await state.started;
  } catch {
    return;
  }
  await state.boss.stop({ graceful: true, wait: true, timeout: 60_000 });
}

/**
 * pg-boss's SQL inside one of our Prisma transactions, so that "job X is ready" commits with the Job row or not at
 * all. The statements are pg-boss's own, with parameters; JSON values are passed as text.
 */
export function inTransaction(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const params = values.map((v) => (v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v));
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...params);
      return { rows };
    },
  };
}

/** Queues "job X is ready" inside `tx` (committed with it). */
export async function sendRun(tx: Tx, jobId: string): Promise<void> {
  const boss = await getQueue();
  const message: RunMessage = { jobId };
  const id = await boss.send(RUN_QUEUE, message, { db: inTransaction(tx) });
  if (!id) throw new Error(`The job queue did not accept job ${jobId}.`);
}

/** Queued "ready" messages not yet taken by any process (for /api/health). */
export async function queueDepth(): Promise<number> {
  const boss = await getQueue();
  return boss.getQueueSize(RUN_QUEUE);
}
