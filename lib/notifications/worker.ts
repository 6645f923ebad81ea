// Starts this process's notification workers on the job queue (pg-boss): deliveries (e-mail and webhooks, retried
// with backoff), the daily look for models without new data and the daily look at accepted risks (cron, UTC;
// pg-boss fires each tick once across processes). Called at server start (lib/evaluation/start-server.ts) next to
// the job runner, which hands in the accepted-risk check (it lives in lib/db, which imports this directory).
import "server-only";
import { ACCEPTED_RISK_QUEUE, NOTIFY_QUEUE, STALE_DATA_QUEUE, getQueue } from "@/lib/jobs/queue";
import { deliver } from "./deliver";
import type { DeliveryMessage } from "./notify";
import { checkStaleData } from "./stale-data";

/** Every day at 06:10 UTC. */
export const STALE_DATA_CRON = "10 6 * * *";
/** Every day at 00:05 UTC: acceptances that ended at their expiry are recorded, those a week from it announced. */
export const ACCEPTED_RISK_CRON = "5 0 * * *";

export interface ScheduledChecks {
  /** lib/db/accepted-risks.ts `runAcceptedRiskDailyCheck` */
  acceptedRisks?: (now: Date) => Promise<unknown>;
}

const globalWorkers = globalThis as unknown as { sightlineNotificationWorkers?: Promise<void> };

export function startNotificationWorkers(checks: ScheduledChecks = {}): Promise<void> {
  globalWorkers.sightlineNotificationWorkers ??= (async () => {
    const boss = await getQueue();
    await boss.work<DeliveryMessage>(NOTIFY_QUEUE, { pollingIntervalSeconds: 1, batchSize: 1, includeMetadata: true }, async ([job]) => {
      if (job) await deliver(job.data.deliveryId, job.retryCount >= job.retryLimit);
    });
    await boss.work(STALE_DATA_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
      await checkStaleData(new Date());
    });
    await boss.schedule(STALE_DATA_QUEUE, STALE_DATA_CRON, {}, { tz: "UTC" });
    const acceptedRisks = checks.acceptedRisks;
    if (acceptedRisks) {
      await boss.work(ACCEPTED_RISK_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
        await acceptedRisks(new Date());
      });
      await boss.schedule(ACCEPTED_RISK_QUEUE, ACCEPTED_RISK_CRON, {}, { tz: "UTC" });
    }
  })().catch((error: unknown) => {
    globalWorkers.sightlineNotificationWorkers = undefined;
    throw error;
  });
  return globalWorkers.sightlineNotificationWorkers;
}

/** Forgets the started workers (after the queue was stopped, e.g. in tests), so a later start begins afresh. */
export function resetNotificationWorkers(): void {
  globalWorkers.sightlineNotificationWorkers = undefined;
}
