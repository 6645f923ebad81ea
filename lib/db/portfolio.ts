// The portfolio (home page): one card per model of the signed-in user's workspace, worst light first.
// Authorizes like lib/db/models.ts (model.read, own workspace only).
//
// Speed: snapshots are immutable, so what a card takes from one (the light, the headline sentence, the next step
// and every metric's value) is read once per process and kept in a bounded map keyed by the snapshot id. The cards
// of a workspace are kept too, under a stamp that one SQL statement reads on every request: the count and latest
// change of the workspace's models, versions, policies, reference data sets, snapshots and supersessions. Any write
// that can change a card moves the stamp (an insert, an update of a row with `updatedAt`, a delete lowers a count),
// so a request either reuses the cards of the same stamp or builds them again; nothing is served stale.
import "server-only";
import { requirePermission } from "@/lib/auth/current-user";
import { rulesFromStored } from "@/lib/governance/policy-rules";
import type { Portfolio, PortfolioCard, SparkPoint } from "@/lib/contracts/portfolio";
import type { Light, NextStep, ScorecardSection, Verdicts } from "@/lib/contracts/snapshot-types";
import { getDb } from "@/lib/prisma/client";
import { compareNewestFirst } from "./snapshots";

/** What a card needs from one snapshot; derived once per snapshot id (snapshots never change). */
interface SnapshotDigest {
  light: Light;
  headline: string | null;
  next: NextStep | null;
  nextSentence: string | null;
  metrics: Record<string, { value: number | null; higherIsBetter: boolean }>;
}

const DIGEST_LIMIT = 5_000;
const globalForDigests = globalThis as unknown as { sightlinePortfolioDigests?: Map<string, SnapshotDigest> };
const digests = (globalForDigests.sightlinePortfolioDigests ??= new Map<string, SnapshotDigest>());

function remember(id: string, digest: SnapshotDigest): void {
  if (digests.size >= DIGEST_LIMIT) {
    // Oldest first out (a Map iterates in insertion order).
    const oldest = digests.keys().next().value;
    if (oldest !== undefined) digests.delete(oldest);
  }
  digests.set(id, digest);
}

function digestOf(row: { scorecard: unknown; verdicts: unknown; narrative: unknown }): SnapshotDigest {
  const verdicts = row.verdicts as Verdicts;
  const scorecard = (row.scorecard ?? null) as ScorecardSection | null;
  const narrative = Array.isArray(row.narrative) ? (row.narrative as unknown[]) : [];
  const metrics: SnapshotDigest["metrics"] = {};
  for (const m of scorecard?.metrics ?? []) {
    const usable = m.judgeable !== false && typeof m.value === "number" && Number.isFinite(m.value);
    metrics[m.name] = { value: usable ? m.value : null, higherIsBetter: m.higherIsBetter };
  }
  return {
    light: verdicts.overall.light,
    headline: typeof narrative[0] === "string" ? narrative[0] : verdicts.overall.reason,
    next: verdicts.overall.next ?? null,
    nextSentence: verdicts.overall.nextStep ?? null,
    metrics,
  };
}

async function digestsFor(ids: readonly string[]): Promise<Map<string, SnapshotDigest>> {
  const out = new Map<string, SnapshotDigest>();
  const missing: string[] = [];
  for (const id of ids) {
    const d = digests.get(id);
    if (d) out.set(id, d);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const db = await getDb();
    const rows = await db.snapshot.findMany({ where: { id: { in: missing } }, select: { id: true, scorecard: true, verdicts: true, narrative: true } });
    for (const row of rows) {
      const d = digestOf(row);
      remember(row.id, d);
      out.set(row.id, d);
    }
  }
  return out;
}

const LIGHT_ORDER: Record<Light, number> = { red: 0, amber: 1, gray: 2, green: 3 };

/** Worst light first, then by name (as people read names: case and accents folded). */
export function compareWorstFirst(a: Pick<PortfolioCard, "light" | "name">, b: Pick<PortfolioCard, "light" | "name">): number {
  return LIGHT_ORDER[a.light] - LIGHT_ORDER[b.light] || a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

interface WindowRow {
  snapshotId: string;
  windowId: string;
  label: string;
  isReference: boolean;
  endsAt: Date;
  uploadedAt: Date;
  createdAt: Date;
}

/** The current snapshot of each window: not superseded, newest when several are. */
function currentPerWindow(rows: WindowRow[]): WindowRow[] {
  const sorted = [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.snapshotId < b.snapshotId ? 1 : -1));
  const seen = new Map<string, WindowRow>();
  for (const r of sorted) if (!seen.has(r.windowId)) seen.set(r.windowId, r);
  return [...seen.values()];
}

const newestFirst = (a: WindowRow, b: WindowRow) => compareNewestFirst({ ...a, id: a.windowId }, { ...b, id: b.windowId });

interface CachedCards {
  stamp: string;
  cards: PortfolioCard[];
}

const CARDS_LIMIT = 1_000;
const globalForCards = globalThis as unknown as { sightlinePortfolioCards?: Map<string, CachedCards> };
const cardCache = (globalForCards.sightlinePortfolioCards ??= new Map<string, CachedCards>());

/** Everything a card depends on, in one statement: counts and latest changes, scoped to the workspace. */
async function workspaceStamp(workspaceId: string): Promise<string> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ stamp: string }[]>`
    SELECT concat_ws('|',
      (SELECT count(*) || ':' || coalesce(max(m."updatedAt")::text, '') FROM "Model" m WHERE m."workspaceId" = ${workspaceId}),
      (SELECT count(*) || ':' || coalesce(max(v."updatedAt")::text, '') FROM "ModelVersion" v JOIN "Model" m ON m.id = v."modelId" WHERE m."workspaceId" = ${workspaceId}),
      (SELECT count(*) || ':' || coalesce(max(p."createdAt")::text, '') FROM "Policy" p JOIN "Model" m ON m.id = p."modelId" WHERE m."workspaceId" = ${workspaceId}),
      (SELECT count(*) || ':' || coalesce(max(d."createdAt")::text, '') FROM "Dataset" d JOIN "Model" m ON m.id = d."modelId" WHERE m."workspaceId" = ${workspaceId}),
      (SELECT count(*) || ':' || coalesce(max(s."createdAt")::text, '') FROM "Snapshot" s JOIN "ModelVersion" v ON v.id = s."modelVersionId" JOIN "Model" m ON m.id = v."modelId" WHERE m."workspaceId" = ${workspaceId}),
      (SELECT count(*) || ':' || coalesce(max(x."createdAt")::text, '') FROM "SnapshotSupersession" x JOIN "Snapshot" s ON s.id = x."snapshotId" JOIN "ModelVersion" v ON v.id = s."modelVersionId" JOIN "Model" m ON m.id = v."modelId" WHERE m."workspaceId" = ${workspaceId})
    ) AS stamp`;
  return rows[0]?.stamp ?? "";
}

export async function getPortfolio(): Promise<Portfolio> {
  const user = await requirePermission("model.read", "see models");
  const stamp = await workspaceStamp(user.workspaceId);
  const cached = cardCache.get(user.workspaceId);
  if (cached && cached.stamp === stamp) return { workspaceName: user.workspaceName, role: user.role, cards: cached.cards };
  const cards = await buildCards(user.workspaceId);
  if (cardCache.size >= CARDS_LIMIT && !cardCache.has(user.workspaceId)) {
    const oldest = cardCache.keys().next().value;
    if (oldest !== undefined) cardCache.delete(oldest);
  }
  cardCache.set(user.workspaceId, { stamp, cards });
  return { workspaceName: user.workspaceName, role: user.role, cards };
}

async function buildCards(workspaceId: string): Promise<PortfolioCard[]> {
  const db = await getDb();
  const models = await db.model.findMany({
    where: { workspaceId },
    select: {
      id: true,
      name: true,
      purpose: true,
      task: true,
      versions: { select: { id: true, version: true, status: true, steps: { where: { action: { in: ["make_live", "rollback"] } }, select: { id: true }, take: 1 } } },
      policies: {
        orderBy: { version: "desc" },
        take: 1,
        select: { version: true, primaryMetric: true, metricFloors: true, driftThresholds: true, fairnessTolerance: true, approvalsRequired: true, rules: true },
      },
      datasets: { where: { kind: "reference" }, select: { id: true }, take: 1 },
    },
  });

  // The version each card shows: the live one, else the newest that is not rejected or retired (as lib/db/snapshots).
  const shown = new Map<string, { id: string; version: number }>();
  for (const m of models) {
    const candidates = m.versions.filter((v) => v.status !== "rejected" && v.status !== "retired").sort((a, b) => b.version - a.version);
    const pick = candidates.find((v) => v.status === "live") ?? candidates[0];
    if (pick) shown.set(m.id, pick);
  }

  const snapshotRows = shown.size
    ? await db.snapshot.findMany({
        where: { modelVersionId: { in: [...shown.values()].map((v) => v.id) }, supersededBy: { is: null } },
        select: {
          id: true,
          modelVersionId: true,
          createdAt: true,
          window: { select: { id: true, label: true, endsAt: true, createdAt: true, dataset: { select: { kind: true } } } },
        },
      })
    : [];
  const byVersion = new Map<string, WindowRow[]>();
  for (const s of snapshotRows) {
    const list = byVersion.get(s.modelVersionId) ?? [];
    list.push({
      snapshotId: s.id,
      windowId: s.window.id,
      label: s.window.label,
      isReference: s.window.dataset.kind === "reference",
      endsAt: s.window.endsAt ?? s.window.createdAt,
      uploadedAt: s.window.createdAt,
      createdAt: s.createdAt,
    });
    byVersion.set(s.modelVersionId, list);
  }

  const perModel = new Map<string, { production: WindowRow[]; reference: WindowRow | null }>();
  for (const [modelId, version] of shown) {
    const current = currentPerWindow(byVersion.get(version.id) ?? []);
    const production = current.filter((w) => !w.isReference).sort(newestFirst).reverse();
    const reference = current.filter((w) => w.isReference).sort(newestFirst)[0] ?? null;
    perModel.set(modelId, { production, reference });
  }
  const needed = [...perModel.values()].flatMap((p) => [...p.production, ...(p.reference ? [p.reference] : [])].map((w) => w.snapshotId));
  const digested = await digestsFor(needed);

  const cards: PortfolioCard[] = models.map((m) => {
    const policy = m.policies[0];
    const rules = rulesFromStored(m.task, policy ?? { version: 0, metricFloors: {}, driftThresholds: {}, fairnessTolerance: 0.8 });
    const version = shown.get(m.id) ?? null;
    const windows = perModel.get(m.id) ?? { production: [], reference: null };
    const latestRow = windows.production[windows.production.length - 1] ?? windows.reference;
    const latest = latestRow ? digested.get(latestRow.snapshotId) : undefined;
    const refDigest = windows.reference ? digested.get(windows.reference.snapshotId) : undefined;
    const metricName = rules.primaryMetric;
    const points: SparkPoint[] = windows.production.map((w) => ({ windowLabel: w.label, value: digested.get(w.snapshotId)?.metrics[metricName]?.value ?? null }));
    const higherIsBetter = latest?.metrics[metricName]?.higherIsBetter ?? refDigest?.metrics[metricName]?.higherIsBetter ?? !["mae", "rmse", "mape", "logLoss", "brier", "calibrationError"].includes(metricName);
    const live = m.versions.find((v) => v.status === "live");
    return {
      id: m.id,
      name: m.name,
      purpose: m.purpose,
      task: m.task,
      rowNoun: rules.rowNoun,
      liveVersion: live?.version ?? null,
      liveWithoutReview: Boolean(live && live.steps.length === 0),
      shownVersion: version?.version ?? null,
      light: latest?.light ?? "gray",
      sentence: latest?.headline ?? null,
      latestWindow: latestRow?.label ?? null,
      next: latest?.next ?? null,
      nextSentence: latest?.nextSentence ?? null,
      metric: { name: metricName, higherIsBetter, reference: refDigest?.metrics[metricName]?.value ?? null, points },
      facts: {
        versionCount: m.versions.length,
        inReview: m.versions.filter((v) => v.status === "in_review").map((v) => v.version).sort((a, b) => a - b),
        drafts: m.versions.filter((v) => v.status === "draft" || v.status === "changes_requested").map((v) => v.version).sort((a, b) => a - b),
        hasReference: m.datasets.length > 0,
        productionWindows: windows.production.length,
      },
    };
  });
  cards.sort(compareWorstFirst);
  return cards;
}
