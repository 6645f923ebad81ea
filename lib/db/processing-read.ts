// A model version's declared processing, read (issue 11): for the version page, for scoring on the server and for the
// what-if page. Changes go through lib/db/processing.ts (which queues the re-scoring job; this module queues nothing).
import "server-only";
import { requirePermission } from "@/lib/auth/current-user";
import { notFound } from "@/lib/auth/errors";
import { can } from "@/lib/auth/permissions";
import type { Processing, ProcessingView } from "@/lib/contracts/processing";
import { PROCESSING_WORDS, describeProcessing } from "@/lib/narrative/processing-words";
import { storedProcessing } from "@/lib/processing";
import { getDb, type Tx } from "@/lib/prisma/client";
import { isEditable, versionWhere } from "./version-params";

/** Processing may change while the version is a draft (or sent back for changes), never once it is in review. */


export type Db = Tx | Awaited<ReturnType<typeof getDb>>;

export async function findVersion(db: Db, workspaceId: string, modelId: unknown, version: unknown) {
  const row = await db.modelVersion.findFirst({
    where: versionWhere(workspaceId, modelId, version),
    select: {
      id: true,
      version: true,
      status: true,
      processing: true,
      featureSchema: true,
      model: {
        select: {
          id: true,
          task: true,
          positiveLabel: true,
          datasets: { where: { kind: "reference" }, orderBy: { createdAt: "desc" }, take: 1, select: { columns: true } },
        },
      },
    },
  });
  if (!row) throw notFound("That model version");
  return row;
}

type VersionRow = Awaited<ReturnType<typeof findVersion>>;

/** The model's input columns (from the stored plan) and the reference data's columns (null without reference data). */
export function columnsOf(row: VersionRow): { modelInputs: string[]; dataColumns: string[] | null } {
  const plan = (row.featureSchema as { plan?: { requiredColumns?: unknown } } | null)?.plan;
  const modelInputs = Array.isArray(plan?.requiredColumns) ? plan.requiredColumns.filter((c): c is string => typeof c === "string") : [];
  const stored = (row.model.datasets[0]?.columns as { columns?: { name?: unknown }[] } | undefined)?.columns;
  const dataColumns = Array.isArray(stored) ? stored.map((c) => c.name).filter((n): n is string => typeof n === "string") : null;
  return { modelInputs, dataColumns };
}

/** A stored version's processing, for scoring (no permission check: callers are jobs that already hold the version). */
export async function versionProcessing(db: Db, versionId: string): Promise<Processing | null> {
  const row = await db.modelVersion.findUnique({ where: { id: versionId }, select: { processing: true } });
  return storedProcessing(row?.processing ?? null);
}

/** The version page's "Processing" section: the steps in words, and whether the signed-in person may change them. */
export async function getVersionProcessing(modelId: string, version: unknown): Promise<ProcessingView> {
  const user = await requirePermission("model.read", "see models");
  const db = await getDb();
  const row = await findVersion(db, user.workspaceId, modelId, version);
  const processing = storedProcessing(row.processing);
  const writer = can(user.role, "model.write");
  const open = isEditable(row.status);
  const { modelInputs, dataColumns } = columnsOf(row);
  return {
    processing: processing ?? { derived: [], standardise: [], transform: { kind: "none" }, meaning: null },
    sentences: describeProcessing(processing, row.model.positiveLabel),
    editable: writer && open,
    lockedReason: !writer ? PROCESSING_WORDS.lockedRole : !open ? PROCESSING_WORDS.lockedSubmitted : null,
    task: row.model.task,
    columns: [...new Set([...(dataColumns ?? []), ...modelInputs])],
  };
}

