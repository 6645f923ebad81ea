// Rows of a stored period with the model's answers, scored on request in a child process (lib/jobs/untrusted-
// scoring.ts). Principle 4 (private by default): owners, analysts and reviewers see a sample of twenty rows on the
// performance page; only owners and analysts download every row (CSV); viewers get aggregates only, and the API
// answers them 403. Another workspace's model or period answers "not found".
import "server-only";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { AccessError, RuleError, notFound } from "@/lib/auth/errors";
import type { Role } from "@/lib/auth/permissions";
import { LruCache } from "@/lib/charts/lru";
import { SCORED_SAMPLE_ROWS, type ScoredRowsPanel, type ScoredSample } from "@/lib/contracts/scored-rows";
import { rulesFromStored } from "@/lib/governance/policy-rules";
import { RowScoringError, scoreSampleIsolated, scoredCsvStream } from "@/lib/jobs/untrusted-scoring";
import type { ScoredRowsInput } from "@/lib/jobs/scored-rows-work";
import { SCORED_ROWS_WORDS } from "@/lib/narrative/scored-rows-words";
import { getDb } from "@/lib/prisma/client";
import { artifactPath } from "@/lib/storage/artifacts";
import { modelIdSchema } from "./models";
import { versionPrepareOptions } from "./versions";
import { versionProcessing } from "./processing-read";

/** Roles that see single rows (the sample); viewers see aggregates only. */
const SAMPLE_ROLES: readonly Role[] = ["owner", "analyst", "reviewer"];
/** Roles that download every row. */
const DOWNLOAD_ROLES: readonly Role[] = ["owner", "analyst"];

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** `?version=N` of the download: a version number. */
export const scoredRowsQuerySchema = z.object({ version: z.coerce.number().int().positive().max(1_000_000).optional() });

interface Located {
  input: ScoredRowsInput;
  modelName: string;
  version: number;
  windowLabel: string;
}

/** The period, the version that answers (the one asked for, else the live one, else the newest under way) and how. */
async function locate(workspaceId: string, modelId: string, windowId: string, versionNumber: number | undefined): Promise<Located> {
  if (!modelIdSchema.safeParse(modelId).success) throw notFound("That model");
  if (!idSchema.safeParse(windowId).success) throw notFound("That period");
  const db = await getDb();
  const model = await db.model.findFirst({
    where: { id: modelId, workspaceId },
    select: {
      name: true,
      task: true,
      positiveLabel: true,
      versions: { orderBy: { version: "desc" }, select: { id: true, version: true, status: true, artifactSha256: true } },
      policies: { orderBy: { version: "desc" }, take: 1, select: { version: true, primaryMetric: true, metricFloors: true, driftThresholds: true, fairnessTolerance: true, approvalsRequired: true, rules: true } },
    },
  });
  if (!model) throw notFound("That model");
  const candidates = model.versions.filter((v) => v.status !== "rejected" && v.status !== "retired");
  const version = versionNumber === undefined ? (candidates.find((v) => v.status === "live") ?? candidates[0]) : model.versions.find((v) => v.version === versionNumber);
  if (!version) throw notFound(versionNumber === undefined ? "A model version" : "That version");
  const window = await db.window.findFirst({ where: { id: windowId, modelId }, select: { label: true, tablePath: true, dataset: { select: { columns: true } } } });
  if (!window) throw notFound("That period");
  if (!window.tablePath) throw new RuleError(SCORED_ROWS_WORDS.notStored, 409);
  const roles = (window.dataset.columns as { roles?: { id?: string | null; label?: string | null } } | null)?.roles ?? {};
  const policy = model.policies[0];
  const processing = await versionProcessing(db, version.id);
  // A yes/no version declared "a raw score with a cut-off" says yes at that cut-off, as the evaluation does.
  const cutOff = model.task === "binary" && processing?.meaning?.kind === "raw_score" ? processing.meaning.threshold : null;
  const threshold = model.task === "binary" ? (cutOff ?? (policy ? rulesFromStored(model.task, policy).decisionThreshold : 0.5)) : null;
  return {
    modelName: model.name,
    version: version.version,
    windowLabel: window.label,
    input: {
      modelPath: artifactPath(version.artifactSha256, ".onnx"),
      prepareOptions: await versionPrepareOptions(db, version.id),
      processing,
      table: { sha256: window.tablePath, name: window.label },
      task: model.task,
      positiveLabel: model.positiveLabel,
      threshold,
      ...(cutOff === null ? {} : { rawScore: true }),
      idColumn: roles.id ?? null,
      labelColumn: roles.label ?? null,
    },
  };
}

/** Samples by what they were scored from (the model file, how it is read, the period's rows, the threshold): immutable. */
const samples = new LruCache<string, ScoredSample>(64);

/**
 * The performance page's sample: twenty rows of the period spread evenly, with the model's answers, for owners,
 * analysts and reviewers (with the CSV link for owners and analysts); viewers get `aggregates-only`. A model that
 * cannot score the period gives `failed` with the reason (the page still shows).
 */
export async function getScoredRowsPanel(modelId: string, windowId: string): Promise<ScoredRowsPanel> {
  const user = await requirePermission("model.read", "see models");
  if (!SAMPLE_ROLES.includes(user.role)) return { kind: "aggregates-only" };
  let where: Located;
  try {
    where = await locate(user.workspaceId, modelId, windowId, undefined);
  } catch (error) {
    if (error instanceof RuleError) return { kind: "failed", message: error.message };
    throw error;
  }
  const key = JSON.stringify(where.input);
  let sample = samples.get(key);
  if (!sample) {
    try {
      sample = await scoreSampleIsolated(where.input, SCORED_SAMPLE_ROWS);
    } catch (error) {
      if (error instanceof RowScoringError) return { kind: "failed", message: SCORED_ROWS_WORDS.failed(error.message) };
      throw error;
    }
    samples.set(key, sample);
  }
  const canDownload = DOWNLOAD_ROLES.includes(user.role);
  return {
    kind: "rows",
    view: {
      ...sample,
      task: where.input.task,
      version: where.version,
      windowLabel: where.windowLabel,
      positiveLabel: where.input.positiveLabel,
      threshold: where.input.threshold,
      ...(where.input.rawScore ? { rawScore: true } : {}),
      downloadHref: canDownload ? `/api/v1/models/${encodeURIComponent(modelId)}/windows/${encodeURIComponent(windowId)}/scored.csv?version=${where.version}` : null,
    },
  };
}

/** A file name without quotes, slashes or control characters, for Content-Disposition. */
function fileNamePart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "rows";
}

/**
 * Every row of the period with the model's answers, as a CSV stream (owners and analysts, or their API tokens with
 * `results:read`). Reviewers and viewers get 403 with a message saying who may. A model that cannot score the period
 * is a 422 before any byte is sent.
 */
export async function openScoredRowsCsv(modelId: string, windowId: string, versionNumber?: number): Promise<{ stream: ReadableStream<Uint8Array>; fileName: string; version: number }> {
  const user = await requirePermission("model.read", "see models");
  if (!DOWNLOAD_ROLES.includes(user.role)) throw new AccessError("forbidden", SCORED_ROWS_WORDS.forbiddenDownload);
  const where = await locate(user.workspaceId, modelId, windowId, versionNumber);
  try {
    const { stream } = await scoredCsvStream(where.input);
    return { stream, fileName: `${fileNamePart(where.modelName)}-${fileNamePart(where.windowLabel)}-v${where.version}-scored.csv`, version: where.version };
  } catch (error) {
    if (error instanceof RowScoringError) throw new RuleError(SCORED_ROWS_WORDS.failed(error.message), 422);
    throw error;
  }
}
