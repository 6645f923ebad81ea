// Reading evaluation results: the pages and the API get the stored numbers, never recomputed ones.
// The timeline reads only each window's verdicts; the full content is loaded for the latest window alone.
//
// Order of windows ("latest"): the latest end first, then the latest upload, then the highest id; a window
// without dates ends at its upload time. Superseded snapshots (a newer evaluation of the same version and
// window exists) are kept as evidence and listed with a flag, but never shown as the current result.
import "server-only";
import { requirePermission } from "@/lib/auth/current-user";
import { notFound } from "@/lib/auth/errors";
import { snapshotContentFromRow, type StoredSnapshotRow } from "@/lib/contracts/snapshot-content";
import type { ModelHealth, WindowSummary } from "@/lib/contracts/model-health";
import type { SnapshotContent, Verdicts } from "@/lib/contracts/snapshot-types";
import { getDb } from "@/lib/prisma/client";

interface OrderKey {
  endsAt: Date;
  uploadedAt: Date;
  id: string;
}

/** Newest first: latest end, then latest upload, then highest id. */
export function compareNewestFirst(a: OrderKey, b: OrderKey): number {
  return b.endsAt.getTime() - a.endsAt.getTime() || b.uploadedAt.getTime() - a.uploadedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * A version's current windows in timeline order: the reference data first (the one in use, then the ones it
 * replaced, each marked with when it was replaced), then the production windows oldest first. `production` is newest
 * first.
 */
export function timelineOrder(summaries: readonly WindowSummary[]): { windows: WindowSummary[]; production: WindowSummary[]; references: WindowSummary[] } {
  const order = (a: WindowSummary, b: WindowSummary) => compareNewestFirst({ ...a, id: a.windowId }, { ...b, id: b.windowId });
  const production = summaries.filter((w) => !w.isReference).sort(order);
  // References have no dates of their own: the newest upload is the one in use.
  const byUpload = (a: WindowSummary, b: WindowSummary) => b.uploadedAt.getTime() - a.uploadedAt.getTime() || order(a, b);
  const references = summaries
    .filter((w) => w.isReference)
    .sort(byUpload)
    .map((w, i, all) => (i === 0 ? w : { ...w, replacedAt: (all[i - 1] as WindowSummary).uploadedAt }));
  return { windows: [...references, ...[...production].reverse()], production, references };
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

const summarySelect = {
  id: true,
  inputHash: true,
  createdAt: true,
  verdicts: true,
  schemaVersion: true,
  supersededBy: { select: { snapshotId: true } },
  window: { select: { id: true, label: true, startsAt: true, endsAt: true, createdAt: true, rowCount: true, dataset: { select: { kind: true, fileName: true } } } },
} as const;

/** A snapshot row with its window, as both the snapshot list and the model views read it. */
export interface SummaryRow {
  id: string;
  inputHash: string;
  createdAt: Date;
  verdicts: unknown;
  schemaVersion: number;
  supersededBy?: { snapshotId: string } | null;
  window: { id: string; label: string; startsAt: Date | null; endsAt: Date | null; createdAt: Date; rowCount: number; dataset: { kind: string; fileName: string } };
}

export function toSummary(s: SummaryRow): WindowSummary {
  return {
    snapshotId: s.id,
    windowId: s.window.id,
    windowLabel: s.window.label,
    fileName: s.window.dataset.fileName,
    isReference: s.window.dataset.kind === "reference",
    startsAt: s.window.startsAt,
    endsAt: s.window.endsAt ?? s.window.createdAt,
    uploadedAt: s.window.createdAt,
    rowCount: s.window.rowCount,
    inputHash: s.inputHash,
    createdAt: s.createdAt,
    schemaVersion: s.schemaVersion,
    verdicts: s.verdicts as Verdicts,
  };
}

/** The current (not superseded; newest when several are) snapshot of each window of one version. */
async function currentSummaries(versionId: string): Promise<WindowSummary[]> {
  const db = await getDb();
  const snapshots = await db.snapshot.findMany({ where: { modelVersionId: versionId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: summarySelect });
  const current = new Map<string, WindowSummary>();
  for (const s of snapshots) {
    if (s.supersededBy) continue;
    if (!current.has(s.window.id)) current.set(s.window.id, toSummary(s));
  }
  return [...current.values()];
}

async function healthOf(modelId: string, versionId?: string): Promise<ModelHealth> {
  const db = await getDb();
  const version = versionId
    ? await db.modelVersion.findFirst({ where: { id: versionId, modelId }, select: { id: true, version: true, status: true } })
    : await shownVersion(modelId);
  if (!version) return { version: null, windows: [], latest: null };
  const summaries = await currentSummaries(version.id);
  const { windows, production: newestFirst, references } = timelineOrder(summaries);
  const pick = newestFirst[0] ?? references[0];
  if (!pick) return { version, windows, latest: null };
  const full = await db.snapshot.findUniqueOrThrow({
    where: { id: pick.snapshotId },
    select: { scorecard: true, drift: true, fairness: true, verdicts: true, narrative: true, schemaVersion: true, details: true },
  });
  return { version, windows, latest: { ...pick, content: snapshotContentFromRow(full as StoredSnapshotRow) } };
}

async function ownModel(modelId: string): Promise<void> {
  const user = await requirePermission("model.read", "see models");
  const db = await getDb();
  const model = await db.model.findFirst({ where: { id: modelId, workspaceId: user.workspaceId }, select: { id: true } });
  if (!model) throw notFound("That model");
}

export async function getModelHealth(modelId: string, versionId?: string): Promise<ModelHealth> {
  await ownModel(modelId);
  return healthOf(modelId, versionId);
}

export interface LatestVerdict {
  modelId: string;
  windowLabel: string;
  version: number;
  content: SnapshotContent;
}

/** Portfolio: the latest production window's snapshot of each model's shown version. */
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

export interface SnapshotListItem {
  id: string;
  version: number;
  window: { id: string; label: string; file: string; isReference: boolean; startsAt: string | null; endsAt: string; uploadedAt: string; rows: number };
  created: string;
  lights: { overall: string; performance: string; drift: string; fairness: string; dataQuality: string | null };
  superseded: boolean;
  schemaVersion: number;
}

export class SnapshotListError extends Error {}

/**
 * Snapshot summaries of a model, newest first in the "latest" order (superseded ones included, flagged).
 * `before` is a snapshot id: the page starts after it.
 */
export async function listSnapshots(modelId: string, options: { version?: number; limit: number; before?: string }): Promise<SnapshotListItem[]> {
  await ownModel(modelId);
  const db = await getDb();
  const rows = await db.snapshot.findMany({
    where: { modelVersion: { modelId, ...(options.version !== undefined ? { version: options.version } : {}) } },
    select: { ...summarySelect, modelVersion: { select: { version: true } } },
  });
  const items = rows.map((r) => ({ row: r, summary: toSummary(r) }));
  items.sort(
    (a, b) =>
      compareNewestFirst({ ...a.summary, id: a.summary.windowId }, { ...b.summary, id: b.summary.windowId }) ||
      b.summary.createdAt.getTime() - a.summary.createdAt.getTime() ||
      (a.row.id < b.row.id ? 1 : a.row.id > b.row.id ? -1 : 0),
  );
  let start = 0;
  if (options.before) {
    const at = items.findIndex((i) => i.row.id === options.before);
    if (at < 0) throw new SnapshotListError(`No snapshot of this model has the id "${options.before}". Pass the id of an item from an earlier page as \`before\`.`);
    start = at + 1;
  }
  return items.slice(start, start + options.limit).map(({ row, summary }) => ({
    id: row.id,
    version: row.modelVersion.version,
    window: {
      id: summary.windowId,
      label: summary.windowLabel,
      file: summary.fileName,
      isReference: summary.isReference,
      startsAt: summary.startsAt?.toISOString() ?? null,
      endsAt: summary.endsAt.toISOString(),
      uploadedAt: summary.uploadedAt.toISOString(),
      rows: summary.rowCount,
    },
    created: summary.createdAt.toISOString(),
    lights: {
      overall: summary.verdicts.overall.light,
      performance: summary.verdicts.performance.light,
      drift: summary.verdicts.drift.light,
      fairness: summary.verdicts.fairness.light,
      dataQuality: summary.verdicts.dataQuality?.light ?? null,
    },
    superseded: row.supersededBy !== null,
    schemaVersion: summary.schemaVersion,
  }));
}

/** One snapshot in full (the API's link from a list item). */
export async function getSnapshot(modelId: string, snapshotId: string): Promise<{ id: string; version: number; window: WindowSummary; superseded: boolean; content: SnapshotContent }> {
  await ownModel(modelId);
  const db = await getDb();
  const row = await db.snapshot.findFirst({
    where: { id: snapshotId, modelVersion: { modelId } },
    select: { ...summarySelect, scorecard: true, drift: true, fairness: true, narrative: true, details: true, modelVersion: { select: { version: true } } },
  });
  if (!row) throw notFound("That snapshot");
  return { id: row.id, version: row.modelVersion.version, window: toSummary(row), superseded: row.supersededBy !== null, content: snapshotContentFromRow(row as StoredSnapshotRow) };
}
