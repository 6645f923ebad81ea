// The daily look for models without new data: a model whose newest production data (or, with none, the model
// itself) is STALE_DAYS old or older raises `stale_data` once for that quiet spell (its dedupe key names the last
// data's time, so new data and a later quiet spell raise it again).
import "server-only";
import { getDb } from "@/lib/prisma/client";
import { notify } from "./notify";

export const STALE_DAYS = 30;
const DAY_MS = 86_400_000;

/** Raises the notes due at `now`; returns how many inbox items were written. */
export async function checkStaleData(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const models = await db.model.findMany({
    select: {
      id: true,
      name: true,
      workspaceId: true,
      createdAt: true,
      windows: { where: { dataset: { kind: "production" } }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  let written = 0;
  for (const m of models) {
    const lastData = m.windows[0]?.createdAt ?? null;
    const since = lastData ?? m.createdAt;
    if (now.getTime() - since.getTime() < STALE_DAYS * DAY_MS) continue;
    written += await db.$transaction((tx) =>
      notify(tx, {
        kind: "stale_data",
        workspaceId: m.workspaceId,
        actorId: null,
        model: { id: m.id, name: m.name },
        details: { days: STALE_DAYS, lastDataAt: lastData ? lastData.toISOString() : null },
        dedupeKey: `stale_data:${m.id}:${since.toISOString()}`,
      }),
    );
  }
  return written;
}
