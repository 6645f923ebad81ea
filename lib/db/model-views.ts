// Reads for the model pages (/models/[id] and its sub-pages). Every call checks that the signed-in user may read
// the model (another workspace's model answers "not found"). The model, its versions and the summaries of its
// periods are read once per request (React's cache: the layout and the page share them); a snapshot's full content
// is immutable, so it is kept in memory by snapshot id, and handed out only after the permission check of the
// request that asks for it.
import "server-only";
import { cache } from "react";
import { requirePermission } from "@/lib/auth/current-user";
import { notFound } from "@/lib/auth/errors";
import { can } from "@/lib/auth/permissions";
import { LruCache } from "@/lib/charts/lru";
import type { ModelView, VersionRow } from "@/lib/contracts/model-view";
import type { WindowSnapshot, WindowSummary } from "@/lib/contracts/model-health";
import { snapshotContentFromRow, type StoredSnapshotRow } from "@/lib/contracts/snapshot-content";
import type { SnapshotContent } from "@/lib/contracts/snapshot-types";
import { defaultRules, rulesFromStored } from "@/lib/governance/policy-rules";
import { getDb } from "@/lib/prisma/client";
import { timelineOrder, toSummary } from "./snapshots";
import { modelIdSchema } from "./models";

const contents = new LruCache<string, SnapshotContent>(512);

const loadModelView = cache(async (modelId: string): Promise<ModelView> => {
  const user = await requirePermission("model.read", "see models");
  if (!modelIdSchema.safeParse(modelId).success) throw notFound("That model");
  const db = await getDb();
  const model = await db.model.findFirst({
    where: { id: modelId, workspaceId: user.workspaceId },
    select: {
      id: true,
      name: true,
      purpose: true,
      task: true,
      positiveLabel: true,
      sensitiveAttributes: true,
      versions: {
        orderBy: { version: "desc" },
        select: {
          id: true,
          version: true,
          status: true,
          note: true,
          artifactName: true,
          artifactSha256: true,
          createdAt: true,
          createdBy: { select: { name: true, email: true } },
          // A live version that never went live through a review (no make-live or rollback step) is live without one.
          steps: { where: { action: { in: ["make_live", "rollback"] } }, select: { id: true }, take: 1 },
        },
      },
      policies: {
        orderBy: { version: "desc" },
        take: 1,
        select: { version: true, primaryMetric: true, metricFloors: true, driftThresholds: true, fairnessTolerance: true, approvalsRequired: true, rules: true },
      },
    },
  });
  if (!model) throw notFound("That model");
  const policy = model.policies[0];
  const rules = policy ? rulesFromStored(model.task, policy) : { ...defaultRules(model.task), version: 0 };
  const candidates = model.versions.filter((v) => v.status !== "rejected" && v.status !== "retired");
  const shownId = (candidates.find((v) => v.status === "live") ?? candidates[0])?.id ?? null;

  // The current (not superseded; newest when several are) snapshot of each window, for every version: the
  // versions page counts them, the other pages read the shown version's.
  const snapshots = await db.snapshot.findMany({
    where: { modelVersion: { modelId }, supersededBy: { is: null } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      modelVersionId: true,
      inputHash: true,
      createdAt: true,
      verdicts: true,
      schemaVersion: true,
      window: { select: { id: true, label: true, startsAt: true, endsAt: true, createdAt: true, rowCount: true, dataset: { select: { kind: true, fileName: true } } } },
    },
  });
  const perVersion = new Map<string, Map<string, WindowSummary>>();
  for (const s of snapshots) {
    const windows = perVersion.get(s.modelVersionId) ?? new Map<string, WindowSummary>();
    perVersion.set(s.modelVersionId, windows);
    if (windows.has(s.window.id)) continue;
    windows.set(s.window.id, toSummary(s));
  }
  const summaries = shownId ? [...(perVersion.get(shownId)?.values() ?? [])] : [];
  const { windows, production, references } = timelineOrder(summaries);
  const latest = production[0] ?? references[0] ?? null;

  const versions: VersionRow[] = model.versions.map((v) => ({
    id: v.id,
    version: v.version,
    status: v.status,
    note: v.note,
    artifactName: v.artifactName,
    artifactSha256: v.artifactSha256,
    uploadedBy: v.createdBy?.name || v.createdBy?.email || null,
    uploadedAt: v.createdAt,
    isLive: v.status === "live",
    liveWithoutReview: v.status === "live" && v.steps.length === 0,
    isShown: v.id === shownId,
    results: perVersion.get(v.id)?.size ?? 0,
  }));
  return {
    id: model.id,
    name: model.name,
    purpose: model.purpose,
    task: model.task,
    positiveLabel: model.positiveLabel,
    sensitiveAttributes: model.sensitiveAttributes,
    rules,
    versions,
    shown: versions.find((v) => v.isShown) ?? null,
    live: versions.find((v) => v.isLive) ?? null,
    windows,
    light: latest?.verdicts.overall.light ?? null,
    lightWindow: latest?.windowLabel ?? null,
    canUpload: can(user.role, "data.upload"),
    canWrite: can(user.role, "model.write"),
    canSubmit: can(user.role, "version.submit"),
  };
});

/** The model, its versions, its policy and the summaries of the shown version's periods. */
export async function getModelView(modelId: string): Promise<ModelView> {
  return loadModelView(modelId);
}

/**
 * The full content of some of the model's current snapshots (those `getModelView` lists), by snapshot id.
 * An id that is not one of them is refused as "not found".
 */
export async function getSnapshotContents(modelId: string, snapshotIds: readonly string[]): Promise<Map<string, SnapshotContent>> {
  const view = await loadModelView(modelId);
  const allowed = new Set(view.windows.map((w) => w.snapshotId));
  const wanted = [...new Set(snapshotIds)];
  if (wanted.some((id) => !allowed.has(id))) throw notFound("That result");
  const out = new Map<string, SnapshotContent>();
  const missing: string[] = [];
  for (const id of wanted) {
    const hit = contents.get(id);
    if (hit) out.set(id, hit);
    else missing.push(id);
  }
  if (missing.length) {
    const db = await getDb();
    const rows = await db.snapshot.findMany({
      where: { id: { in: missing }, modelVersion: { modelId } },
      select: { id: true, scorecard: true, drift: true, fairness: true, verdicts: true, narrative: true, schemaVersion: true, details: true },
    });
    for (const row of rows) {
      const content = snapshotContentFromRow(row as StoredSnapshotRow);
      contents.set(row.id, content);
      out.set(row.id, content);
    }
  }
  return out;
}

/** One period's summary with its full content. */
export async function getWindowSnapshot(modelId: string, window: WindowSummary): Promise<WindowSnapshot> {
  const content = (await getSnapshotContents(modelId, [window.snapshotId])).get(window.snapshotId);
  if (!content) throw notFound("That result");
  return { ...window, content };
}

/** A value derived from immutable snapshots, kept by `key` (which must name every snapshot id it was derived from). */
const derived = new LruCache<string, unknown>(512);

export function derivedFromSnapshots<T>(key: string, make: () => T): T {
  return derived.getOrSet(key, make) as T;
}
