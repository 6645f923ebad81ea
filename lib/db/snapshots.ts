// Reading evaluation results: the pages and the API get the stored numbers, never recomputed ones.
// The timeline reads only each window's verdicts; the full content is loaded for the latest window alone.
import "server-only";
import { requirePermission } from "@/lib/auth/current-user";
import { notFound } from "@/lib/auth/errors";
import type { SnapshotContent, Verdicts } from "@/lib/evaluation/snapshot-types";
import { getDb } from "./client";
import type { VersionStatus } from "./generated/prisma/enums";

export interface WindowSummary {
  snapshotId: string;
  windowId: string;
  windowLabel: string;
  isReference: boolean;
  startsAt: Date | null;
  rowCount: number;
  inputHash: string;
  createdAt: Date;
  verdicts: Verdicts;
}

export interface WindowSnapshot extends WindowSummary {
  content: SnapshotContent;
}

export interface ModelHealth {
  version: { id: string; version: number; status: VersionStatus } | null;
  /** newest snapshot per window of the shown version: the reference first, then oldest window first */
  windows: WindowSummary[];
  /** the newest production window's snapshot (the reference's when there is none), in full */
  latest: WindowSnapshot | null;
}

/** The version whose health the pages show: the live one, else the newest that is not rejected or retired. */
async function shownVersion(modelId: string) {
  const db = await getDb();
  const versions = await db.modelVersion.findMany({
    where: { modelId, status: { notIn: ["rejected", "retired"] } },
    orderBy: { version: "desc" },
    select: { id: true, version: true, status: true },
  });
  return versions.find((v) => v.status === "live") ?? versions[0] ?? null;
}

async function healthOf(modelId: string, versionId?: string): Promise<ModelHealth> {
  const db = await getDb();
  const version = versionId
    ? await db.modelVersion.findFirst({ where: { id: versionId, modelId }, select: { id: true, version: true, status: true } })
    : await shownVersion(modelId);
  if (!version) return { version: null, windows: [], latest: null };
  const snapshots = await db.snapshot.findMany({
    where: { modelVersionId: version.id },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      inputHash: true,
      createdAt: true,
      verdicts: true,
      window: { select: { id: true, label: true, startsAt: true, rowCount: true, dataset: { select: { kind: true } } } },
    },
  });
  const newest = new Map<string, WindowSummary>();
  for (const s of snapshots) {
    if (newest.has(s.window.id)) continue;
    newest.set(s.window.id, {
      snapshotId: s.id,
      windowId: s.window.id,
      windowLabel: s.window.label,
      isReference: s.window.dataset.kind === "reference",
      startsAt: s.window.startsAt,
      rowCount: s.window.rowCount,
      inputHash: s.inputHash,
      createdAt: s.createdAt,
      verdicts: s.verdicts as unknown as Verdicts,
    });
  }
  const windows = [...newest.values()].sort((a, b) => {
    if (a.isReference !== b.isReference) return a.isReference ? -1 : 1;
    return (a.startsAt?.getTime() ?? 0) - (b.startsAt?.getTime() ?? 0) || a.windowLabel.localeCompare(b.windowLabel);
  });
  const pick = [...windows].reverse().find((w) => !w.isReference) ?? windows[0];
  if (!pick) return { version, windows, latest: null };
  const full = await db.snapshot.findUniqueOrThrow({
    where: { id: pick.snapshotId },
    select: { scorecard: true, drift: true, fairness: true, verdicts: true, narrative: true },
  });
  const content: SnapshotContent = {
    scorecard: full.scorecard as unknown as SnapshotContent["scorecard"],
    drift: full.drift as unknown as SnapshotContent["drift"],
    fairness: full.fairness as unknown as SnapshotContent["fairness"],
    verdicts: full.verdicts as unknown as SnapshotContent["verdicts"],
    narrative: full.narrative as unknown as SnapshotContent["narrative"],
  };
  return { version, windows, latest: { ...pick, content } };
}

export async function getModelHealth(modelId: string, versionId?: string): Promise<ModelHealth> {
  const user = await requirePermission("model.read", "see models");
  const db = await getDb();
  const model = await db.model.findFirst({ where: { id: modelId, workspaceId: user.workspaceId }, select: { id: true } });
  if (!model) throw notFound("That model");
  return healthOf(modelId, versionId);
}

export interface LatestVerdict {
  modelId: string;
  windowLabel: string;
  version: number;
  content: SnapshotContent;
}

/** Portfolio: the newest production window's snapshot of each model's shown version. */
export async function latestVerdicts(modelIds: readonly string[]): Promise<Map<string, LatestVerdict>> {
  const user = await requirePermission("model.read", "see models");
  const db = await getDb();
  const own = await db.model.findMany({ where: { id: { in: [...modelIds] }, workspaceId: user.workspaceId }, select: { id: true } });
  const out = new Map<string, LatestVerdict>();
  for (const { id: modelId } of own) {
    const health = await healthOf(modelId);
    if (health.version && health.latest) {
      out.set(modelId, { modelId, windowLabel: health.latest.windowLabel, version: health.version.version, content: health.latest.content });
    }
  }
  return out;
}
