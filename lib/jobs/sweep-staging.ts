// Sweeps the staging folder of uploads nobody will use: files older than an hour that no queued or running job
// needs, and no failed or cancelled job that may still be retried (for a day after it stopped).
import "server-only";
import { getDb } from "@/lib/prisma/client";
import { sweepStaging } from "@/lib/storage/artifacts";

const STAGED_MAX_AGE_MS = 60 * 60 * 1000;
/** A failed or cancelled job keeps its staged files this long, so "Retry" works; afterwards a retry says to upload again. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;

const STAGED_NAME = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Removes abandoned staged files; returns how many. Never throws (a sweep must not stop the job runner). */
export async function sweepAbandonedUploads(now = Date.now()): Promise<number> {
  try {
    const db = await getDb();
    const jobs = await db.job.findMany({
      where: {
        OR: [
          { status: { in: ["queued", "running"] } },
          { status: { in: ["failed", "cancelled"] }, OR: [{ finishedAt: null }, { finishedAt: { gte: new Date(now - RETRY_WINDOW_MS) } }] },
        ],
      },
      select: { input: true },
    });
    const keep = new Set<string>();
    for (const job of jobs) for (const name of JSON.stringify(job.input).match(STAGED_NAME) ?? []) keep.add(name);
    return sweepStaging({ olderThanMs: STAGED_MAX_AGE_MS, keep, now });
  } catch (error) {
    console.error("Sweeping staged uploads failed", error);
    return 0;
  }
}
