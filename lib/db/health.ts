// The health check's one query, for load balancers: no user, no workspace, and only counts (nothing to protect).
import "server-only";
import { getDb } from "@/lib/prisma/client";

export interface QueueCounts {
  queued: number;
  running: number;
}

/** How long the check waits for the database before calling it unreachable. */
const DATABASE_TIMEOUT_MS = 2_000;

/** Jobs waiting and running across all workspaces; throws when the database does not answer (in time). */
export async function readQueueCounts(): Promise<QueueCounts> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The database did not answer within ${DATABASE_TIMEOUT_MS} ms.`)), DATABASE_TIMEOUT_MS);
  });
  const query = (async () => {
    const db = await getDb();
    return db.job.groupBy({ by: ["status"], where: { status: { in: ["queued", "running"] } }, _count: { _all: true } });
  })();
  try {
    const rows = await Promise.race([query, timeout]);
    const count = (status: string) => rows.find((row) => row.status === status)?._count._all ?? 0;
    return { queued: count("queued"), running: count("running") };
  } finally {
    clearTimeout(timer);
    query.catch(() => undefined); // a late failure after the timeout is already reported as unreachable
  }
}
