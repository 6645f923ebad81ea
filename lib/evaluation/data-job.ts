// The job behind every data upload (UI or API): store, score, evaluate, then write everything at once.
import "server-only";
import { getDb } from "@/lib/prisma/client";
import { appendAuditEvent } from "@/lib/db/audit";
import { toJson } from "@/lib/db/json";
import { dataJobInput, type DataJobInput } from "@/lib/db/uploads";
import { DATA_JOB } from "@/lib/jobs/names";
import { registerJobHandler } from "@/lib/jobs/runner";
import { JobFailure, type JobHandler } from "@/lib/jobs/types";
import { promoteStaged } from "@/lib/storage/artifacts";
import { TABLE_EXTENSION } from "@/lib/storage/tables";
import { activeVersions, evaluateTargets, featureColumnsOf, loadModelForEvaluation, loadReference, storedTargets, writeSnapshots, type EvaluationTarget } from "./pipeline";
import type { TableSource } from "./table-sources";

export interface DataJobResult {
  /** milliseconds: reading the checked data, scoring, evaluating */
  timings: { readMs: number; scoringMs: number; evaluationMs: number };
  windows: string[];
  snapshots: number;
  rows: number;
}

const handler: JobHandler<DataJobInput, DataJobResult> = {
  parseInput: (raw) => dataJobInput.parse(raw),
  async run(ctx) {
    const input = ctx.input;
    const db = await getDb();
    await ctx.progress(0.02, "Reading the checked data");
    const model = await loadModelForEvaluation(db, input.modelId);
    const versions = await activeVersions(input.modelId);
    if (versions.length === 0) throw new JobFailure("The model has no version to score the data with. Upload a model version, then retry.");

    // The windows' own columnar copies (a single window is the whole file). The compute child reads the checked
    // table and splits it again (deterministic), so neither the job's stored input nor the server holds rows.
    const whole: TableSource = { kind: "staged", path: input.columnar.tempPath, sha256: input.columnar.sha256, name: input.fileName };
    const timestamp = input.splitBy !== "none" ? input.roles.timestamp : undefined;
    const splitBy = input.splitBy === "none" ? null : input.splitBy;
    const uploadedAt = new Date();
    const uploader = input.actorId ? await db.user.findUnique({ where: { id: input.actorId }, select: { name: true, email: true } }) : null;
    const uploadedBy = [uploader ? uploader.name || uploader.email : null, input.via ?? null].filter(Boolean).join(", ") || null;
    const provenance = { fileName: input.fileName, sha256: input.original.sha256, uploadedBy, uploadedAt: uploadedAt.toISOString() };
    const windows = input.windows.map((w, i) => ({ ...w, key: String(i) }));
    const targets: EvaluationTarget[] = windows.map((w) => ({
      key: w.key,
      source: timestamp && splitBy ? { kind: "period", path: whole.path, name: input.fileName, column: timestamp, splitBy, label: w.label } : whole,
      label: w.label,
      endsAtMs: w.endMs ?? uploadedAt.getTime(),
      provenance,
    }));
    const reference: TableSource = input.kind === "reference" ? whole : await loadReference(db, input.modelId);
    // New reference data replaces the old for judging: every stored production window is evaluated again against
    // it in this same job, and the new results supersede the old ones (which stay, as evidence).
    const rejudged = input.kind === "reference" ? await storedTargets(db, input.modelId, await productionWindowIds(input.modelId)) : [];
    const timings = { readMs: 0, scoringMs: 0, evaluationMs: 0 };
    await ctx.progress(0.1, rejudged.length ? `Scoring and evaluating, and judging ${rejudged.length} stored periods again` : "Scoring and evaluating");
    const { snapshots, tables } = await evaluateTargets(db, {
      model,
      versions,
      roles: input.roles,
      featureColumns: featureColumnsOf,
      reference,
      targets: [...targets, ...rejudged],
      progress: ctx.progress,
      checkCancelled: ctx.checkCancelled,
      from: 0.1,
      to: 0.95,
      timings,
    });
    const tableOf = (key: string) => {
      const table = tables[key];
      if (!table) throw new Error(`The evaluation returned no table for window ${key}.`);
      return table;
    };
    const rows = windows.reduce((sum, w) => sum + tableOf(w.key).rows, 0);
    const columns = tableOf(windows[0]!.key).columns;
    await ctx.progress(0.97, "Saving the results");
    return {
      result: { timings: { readMs: Math.round(timings.readMs), scoringMs: Math.round(timings.scoringMs), evaluationMs: Math.round(timings.evaluationMs) }, windows: windows.map((w) => w.label), snapshots: snapshots.length, rows },
      commit: async (tx) => {
        // Files first (content-addressed, so a retry finds them in place), then every row in this transaction.
        promoteStaged(input.original, "");
        promoteStaged(input.columnar, TABLE_EXTENSION);
        for (const w of windows) {
          const staged = tableOf(w.key).staged;
          if (staged) promoteStaged(staged, TABLE_EXTENSION);
        }
        const dataset = await tx.dataset.create({
          data: {
            modelId: input.modelId,
            kind: input.kind,
            name: input.fileName,
            fileName: input.fileName,
            format: input.format,
            artifactSha256: input.original.sha256,
            rowCount: rows,
            uploadedBy,
            columns: toJson({ roles: input.roles, columns, columnarSha256: input.columnar.sha256 }),
          },
          select: { id: true },
        });
        const ids = new Map<string, string>();
        for (const w of windows) {
          const row = await tx.window.create({
            data: {
              modelId: input.modelId,
              datasetId: dataset.id,
              label: w.label,
              startsAt: w.startMs === null ? null : new Date(w.startMs),
              endsAt: w.endMs === null ? null : new Date(w.endMs),
              rowCount: tableOf(w.key).rows,
              tablePath: tableOf(w.key).sha256,
            },
            select: { id: true },
          });
          ids.set(w.key, row.id);
        }
        // New windows by their key; windows judged again against new reference data are keyed by their own id.
        await writeSnapshots(tx, snapshots, (key) => ids.get(key) ?? key, input.kind === "reference" ? "new reference data" : "new data");
        const workspace = await tx.model.findUniqueOrThrow({ where: { id: input.modelId }, select: { workspaceId: true } });
        await appendAuditEvent(tx, {
          workspaceId: workspace.workspaceId,
          actorId: input.actorId,
          action: input.kind === "reference" ? "data.reference_uploaded" : "data.window_uploaded",
          subjectType: "dataset",
          subjectId: dataset.id,
          payload: {
            modelId: input.modelId,
            file: input.fileName,
            sha256: input.original.sha256,
            rows,
            windows: windows.map((w) => w.label),
            snapshots: snapshots.length,
            ...(rejudged.length ? { rejudgedWindows: rejudged.map((w) => w.label ?? "a period") } : {}),
            ...(input.via ? { via: input.via } : {}),
          },
        });
      },
    };
  },
};

/** The model's stored production windows (judged again when new reference data arrives). */
async function productionWindowIds(modelId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db.window.findMany({ where: { modelId, tablePath: { not: null }, dataset: { kind: "production" } }, select: { id: true } });
  return rows.map((r) => r.id);
}

// Staged files stay in place while a job is failed or cancelled, so that a retry can run it again.
export function registerDataJob(): void {
  registerJobHandler(DATA_JOB, handler);
}
