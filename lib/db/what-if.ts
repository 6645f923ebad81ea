// The what-if page's data: the version's model file (for the browser to run) and the case editor's inputs. Every
// role reads the stored per-column quantiles; only owners, analysts and reviewers receive reference rows (at most
// WHATIF_SAMPLE_LIMIT), viewers never (design principle 4).
import "server-only";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { notFound } from "@/lib/auth/errors";
import type { Role } from "@/lib/auth/permissions";
import { snapshotContentFromRow } from "@/lib/contracts/snapshot-content";
import type { ColumnDistribution } from "@/lib/contracts/snapshot-types";
import {
  WHATIF_SAMPLE_LIMIT,
  type WhatIfFeature,
  type WhatIfPrepareOptions,
  type WhatIfSetup,
  type WhatIfValue,
} from "@/lib/contracts/what-if";
import { rulesFromStored } from "@/lib/governance/policy-rules";
import type { ResolvedRoles } from "@/lib/contracts/column-roles";
import { isNumericStorage, type Column } from "@/lib/ingest/table";
import { getDb } from "@/lib/prisma/client";
import { artifactSize, readArtifact } from "@/lib/storage/artifacts";
import { storedRunCost } from "@/lib/contracts/run-cost";
import { readTable } from "@/lib/storage/tables";
import { modelIdSchema } from "./models";
import { InputMappingSchema } from "@/lib/contracts/input-mapping";
import { versionProcessing } from "./processing-read";
import { columnsBeforeProcessing } from "@/lib/processing";

/** A version's stored input mapping as prepare options (a list of columns per input name); null when it has none. */
function mappingOptions(stored: unknown): { featureNames: Record<string, string[]> } | null {
  const mapping = InputMappingSchema.safeParse(stored);
  if (!mapping.success) return null;
  return { featureNames: Object.fromEntries(Object.entries(mapping.data).map(([input, v]) => [input, typeof v === "string" ? [v] : v])) };
}

/** Roles that may receive rows of the reference data on the what-if page. */
export const WHATIF_ROW_ROLES: readonly Role[] = ["owner", "analyst", "reviewer"];

const versionNumberSchema = z.coerce.number().int().min(1).max(1_000_000);

/** The version number in a URL ("3"); anything else is "not found". */
function parseVersionNumber(v: string | number): number {
  const parsed = versionNumberSchema.safeParse(v);
  if (!parsed.success) throw notFound("That version");
  return parsed.data;
}

/** The ONNX file of one version, for a signed-in member or an API token with read scope. */
export async function getVersionModelFile(modelId: string, v: string): Promise<{ bytes: Uint8Array; sha256: string; fileName: string }> {
  const user = await requirePermission("model.read", "see models");
  if (!modelIdSchema.safeParse(modelId).success) throw notFound("That model");
  const version = parseVersionNumber(v);
  const db = await getDb();
  const row = await db.modelVersion.findFirst({
    where: { version, model: { id: modelId, workspaceId: user.workspaceId } },
    select: { artifactSha256: true, artifactName: true },
  });
  if (!row) throw notFound("That version");
  return { bytes: readArtifact(row.artifactSha256, ".onnx"), sha256: row.artifactSha256, fileName: row.artifactName };
}

function featureFromDistribution(name: string, d: ColumnDistribution | undefined): WhatIfFeature {
  if (d?.kind === "numeric" && d.box.reference) {
    const b = d.box.reference;
    // p01 and p99 are interpolated (73.64 for ages): whole-number data shows in the other quantiles.
    const quantiles = [b.min, b.q1, b.median, b.q3, b.max];
    return {
      name,
      kind: "numeric",
      min: b.min,
      max: b.max,
      p01: b.p01,
      p99: b.p99,
      q1: b.q1,
      median: b.median,
      q3: b.q3,
      integer: quantiles.every((q) => Number.isInteger(q)),
    };
  }
  if (d?.kind === "categorical") {
    const total = d.reference.reduce((a, b) => a + b, 0) + d.other.reference;
    const categories = d.categories
      .map((value, i) => ({ value, share: total > 0 ? (d.reference[i] ?? 0) / total : 0 }))
      .sort((a, b) => b.share - a.share);
    return { name, kind: "categorical", categories, hasOther: d.other.reference > 0 };
  }
  return { name, kind: "free" };
}

/**
 * Whether row `i`'s label is the positive one (null: missing), by the rule of lib/evaluation's binaryLabels: numbers
 * compare numerically ("1" matches 1.0), booleans read "true", "yes" or "1" as true, text compares exactly.
 */
function positiveOutcome(column: Column, i: number, positiveLabel: string): boolean | null {
  if (isNumericStorage(column)) {
    const v = column.values[i] as number;
    if (Number.isNaN(v)) return null;
    const positive = column.kind === "boolean" ? (["true", "yes", "1"].includes(positiveLabel.toLowerCase()) ? 1 : 0) : Number(positiveLabel);
    return v === positive;
  }
  const code = column.codes[i] as number;
  return code < 0 ? null : column.dictionary[code] === positiveLabel;
}

/** A row's group in a sensitive column, as text (null: missing). */
function groupText(column: Column, i: number): string | null {
  if (isNumericStorage(column)) {
    const v = column.values[i] as number;
    return Number.isNaN(v) ? null : String(v);
  }
  const code = column.codes[i] as number;
  return code < 0 ? null : (column.dictionary[code] ?? null);
}

/** Up to `limit` row indexes spread evenly over the table (the same rows on every visit). */
function sampleIndexes(rows: number, limit: number): number[] {
  if (rows <= limit) return Array.from({ length: rows }, (_, i) => i);
  return Array.from({ length: limit }, (_, i) => Math.floor((i * rows) / limit));
}

/**
 * Everything the what-if page needs for one model: the live version (or `versionParam`), its features with
 * the reference distributions, the decision threshold, and a reference sample when the role allows rows.
 */
export async function getWhatIfSetup(modelId: string, versionParam?: string): Promise<WhatIfSetup> {
  const user = await requirePermission("model.read", "see models");
  if (!modelIdSchema.safeParse(modelId).success) throw notFound("That model");
  const db = await getDb();
  const model = await db.model.findFirst({
    where: { id: modelId, workspaceId: user.workspaceId },
    select: {
      id: true,
      name: true,
      task: true,
      positiveLabel: true,
      sensitiveAttributes: true,
      versions: { orderBy: { version: "desc" }, select: { id: true, version: true, status: true, artifactSha256: true, featureSchema: true, inputMapping: true, runCost: true } },
      policies: {
        orderBy: { version: "desc" },
        take: 1,
        select: { version: true, primaryMetric: true, metricFloors: true, driftThresholds: true, fairnessTolerance: true, approvalsRequired: true, rules: true },
      },
    },
  });
  if (!model) throw notFound("That model");
  const wanted = versionParam === undefined ? null : parseVersionNumber(versionParam);
  const version =
    wanted === null
      ? (model.versions.find((v) => v.status === "live") ?? model.versions.find((v) => v.status !== "rejected" && v.status !== "retired") ?? model.versions[0])
      : model.versions.find((v) => v.version === wanted);
  if (!version) throw notFound(wanted === null ? "A model version" : "That version");

  const schema = version.featureSchema as { plan?: { requiredColumns?: string[] }; featureNames?: string[] | null };
  // Declared processing runs in the worker as on the server; the case is edited in the data's own columns.
  const processing = await versionProcessing(db, version.id);
  const columns = columnsBeforeProcessing(schema.plan?.requiredColumns ?? [], processing);
  const prepareOptions: WhatIfPrepareOptions = {
    task: model.task,
    ...(model.positiveLabel ? { positiveLabel: model.positiveLabel } : {}),
    // The version's stored input mapping, as the server scores with it (versions stored before it: their feature names).
    ...(mappingOptions(version.inputMapping) ?? (schema.featureNames ? { featureNames: schema.featureNames } : {})),
    ...(processing ? { processing } : {}),
  };

  // The reference snapshot's stored distributions: this version's, else any version's (inputs do not depend on it).
  const referenceSnapshots = await db.snapshot.findMany({
    where: { window: { modelId: model.id, dataset: { kind: "reference" } }, schemaVersion: { gte: 2 }, supersededBy: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { modelVersionId: true, scorecard: true, drift: true, fairness: true, verdicts: true, narrative: true, schemaVersion: true, details: true, window: { select: { tablePath: true, dataset: { select: { columns: true } } } } },
  });
  const snapshot = referenceSnapshots.find((s) => s.modelVersionId === version.id) ?? referenceSnapshots[0];
  const distributions = snapshot ? (snapshotContentFromRow(snapshot).distributions ?? []) : [];
  const byColumn = new Map(distributions.filter((d) => d.role === "input").map((d) => [d.column, d]));
  const features = columns.map((c) => featureFromDistribution(c, byColumn.get(c)));

  const rules = model.policies[0] ? rulesFromStored(model.task, model.policies[0]) : null;
  // A yes/no version declared "a raw score with a cut-off" decides at that cut-off, as the evaluation does.
  const cutOff = model.task === "binary" && processing?.meaning?.kind === "raw_score" ? processing.meaning.threshold : null;
  const mayReadRows = WHATIF_ROW_ROLES.includes(user.role);
  const roles = (snapshot?.window.dataset.columns as { roles?: Partial<ResolvedRoles> } | null)?.roles ?? {};
  let sample: WhatIfSetup["sample"] = null;
  const tablePath = snapshot?.window.tablePath;
  if (mayReadRows && tablePath) {
    const table = readTable(tablePath, "reference data");
    const indexes = sampleIndexes(table.rowCount, WHATIF_SAMPLE_LIMIT);
    const readers = features.map((f): ((i: number) => WhatIfValue) => {
      const column = table.columns.find((c) => c.name === f.name);
      if (!column) return () => null;
      if (isNumericStorage(column)) {
        return (i) => {
          const v = column.values[i] as number;
          return Number.isNaN(v) ? null : v;
        };
      }
      return (i) => {
        const code = column.codes[i] as number;
        return code < 0 ? null : (column.dictionary[code] ?? null);
      };
    });
    const rows = indexes.map((i) => readers.map((read) => read(i)));
    const labelColumn = roles.label ? table.columns.find((c) => c.name === roles.label) : undefined;
    const outcomes = model.task === "binary" && labelColumn ? indexes.map((i) => positiveOutcome(labelColumn, i, model.positiveLabel ?? "1")) : null;
    const groups = model.sensitiveAttributes.flatMap((name) => {
      const column = table.columns.find((c) => c.name === name);
      return column ? [{ column: name, values: indexes.map((i) => groupText(column, i)) }] : [];
    });
    sample = { rows, outcomes, groups };
  }

  return {
    modelId: model.id,
    modelName: model.name,
    task: model.task,
    version: version.version,
    versionStatus: version.status,
    versions: model.versions.map((v) => ({ version: v.version, status: v.status })),
    modelUrl: `/api/v1/models/${encodeURIComponent(model.id)}/versions/${version.version}/model`,
    sha256: version.artifactSha256,
    fileBytes: artifactSize(version.artifactSha256, ".onnx"),
    serverCost: storedRunCost(version.runCost),
    prepareOptions,
    positiveLabel: model.positiveLabel,
    sensitiveAttributes: model.sensitiveAttributes,
    decisionThreshold: model.task === "binary" ? (cutOff ?? rules?.decisionThreshold ?? 0.5) : null,
    ...(cutOff === null ? {} : { rawScore: true }),
    unit: model.task === "regression" && processing?.meaning?.kind === "number" ? processing.meaning.unit : null,
    outcomeColumn: roles.label ?? null,
    features,
    sample,
    rowsWithheld: !mayReadRows,
    hasReference: distributions.length > 0,
  };
}
