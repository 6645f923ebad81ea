// "A verdict turned red": after new snapshots are written, for each model version among them, its newest new
// result on production data is red and the result before it was not. "Before it" is the snapshot the new one
// replaced on the same period (re-judged, or outcomes arrived), else the version's newest current result on an
// earlier period; with none before, a red result counts as turning red. One note per version per write.
import "server-only";
import type { Tx } from "@/lib/prisma/client";
import type { EventOf } from "./kinds";

interface VerdictsLike {
  overall?: { light?: unknown; reason?: unknown };
}

function overallOf(verdicts: unknown): { light: string | null; reason: string } {
  const overall = (verdicts as VerdictsLike | null)?.overall;
  return { light: typeof overall?.light === "string" ? overall.light : null, reason: typeof overall?.reason === "string" ? overall.reason : "" };
}

const endOf = (w: { endsAt: Date | null; createdAt: Date }) => (w.endsAt ?? w.createdAt).getTime();

export async function redVerdictEvents(tx: Tx, snapshotIds: readonly string[]): Promise<EventOf<"verdict_red">[]> {
  if (snapshotIds.length === 0) return [];
  const created = await tx.snapshot.findMany({
    where: { id: { in: [...snapshotIds] }, window: { dataset: { kind: "production" } } },
    select: {
      id: true,
      modelVersionId: true,
      verdicts: true,
      createdAt: true,
      window: { select: { label: true, endsAt: true, createdAt: true } },
      modelVersion: { select: { version: true, model: { select: { id: true, name: true, workspaceId: true } } } },
    },
  });
  const newestByVersion = new Map<string, (typeof created)[number]>();
  for (const s of created) {
    const best = newestByVersion.get(s.modelVersionId);
    if (!best || endOf(s.window) > endOf(best.window) || (endOf(s.window) === endOf(best.window) && s.createdAt > best.createdAt)) newestByVersion.set(s.modelVersionId, s);
  }
  const events: EventOf<"verdict_red">[] = [];
  for (const s of newestByVersion.values()) {
    const now = overallOf(s.verdicts);
    if (now.light !== "red") continue;
    const replaced = await tx.snapshotSupersession.findFirst({ where: { supersededById: s.id }, select: { snapshot: { select: { verdicts: true } } } });
    let previous: unknown = replaced?.snapshot.verdicts ?? null;
    if (!replaced) {
      const earlier = await tx.snapshot.findMany({
        where: { modelVersionId: s.modelVersionId, id: { notIn: [...snapshotIds] }, supersededBy: { is: null }, window: { dataset: { kind: "production" } } },
        select: { verdicts: true, createdAt: true, window: { select: { endsAt: true, createdAt: true } } },
      });
      const before = earlier
        .filter((e) => endOf(e.window) <= endOf(s.window))
        .sort((a, b) => endOf(b.window) - endOf(a.window) || b.createdAt.getTime() - a.createdAt.getTime())[0];
      previous = before?.verdicts ?? null;
    }
    const previousLight = previous === null ? null : overallOf(previous).light;
    if (previousLight === "red") continue;
    const model = s.modelVersion.model;
    events.push({
      kind: "verdict_red",
      workspaceId: model.workspaceId,
      actorId: null,
      model: { id: model.id, name: model.name },
      version: s.modelVersion.version,
      details: { windowLabel: s.window.label, reason: now.reason, light: "red", previousLight },
    });
  }
  return events;
}
