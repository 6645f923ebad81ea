// The job behind every data upload (UI or API): store, score, evaluate, then write everything at once.
import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/prisma/client";
import { appendAuditEvent } from "@/lib/db/audit";
import { toJson } from "@/lib/db/json";
import { dataJobInput, type DataJobInput } from "@/lib/db/uploads";
import { DATA_JOB } from "@/lib/jobs/names";
import { encodeTable, sliceTable, splitWindows, type Table } from "@/lib/ingest";
import { registerJobHandler } from "@/lib/jobs/runner";
import { JobFailure, type JobHandler } from "@/lib/jobs/types";
import { promoteStaged, storeBytes } from "@/lib/storage/artifacts";
import { TABLE_EXTENSION, readStagedTable } from "@/lib/storage/tables";
import { activeVersions, evaluateTargets, featureColumnsOf, loadModelForEvaluation, loadReference, writeSnapshots, type EvaluationTarget } from "./pipeline";

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
    const readStart = performance.now();
    const model = await loadModelForEvaluation(db, input.modelId);
    const table = readStagedTable(input.columnar.tempPath, input.fileName);
    const versions = await activeVersions(input.modelId);
    if (versions.length === 0) throw new JobFailure("The model has no version to score the data with. Upload a model version, then retry.");

    // The windows' own columnar copies (a single window is the whole file). The split is recomputed from the
    // checked table (deterministic), so the job's stored input holds no row lists.
    const split =
      input.splitBy !== "none" && input.roles.timestamp
        ? new Map(splitWindows(table, input.roles.timestamp, input.splitBy).map((w) => [w.label, w.rows]))
        : null;
    const windows = input.windows.map((w, i) => {
      const rows = split?.get(w.label);
      if (split && !rows) throw new JobFailure(`The period ${w.label} is missing from the stored data. Upload the file again.`);
      const windowTable: Table = rows ? sliceTable(table, rows) : table;
      const bytes = rows ? encodeTable(windowTable) : null;
      return { ...w, key: String(i), table: windowTable, bytes };
    });
    // The sha256 each window will be stored under (written at commit).
    const shaOf = (bytes: Uint8Array | null) => (bytes ? createHash("sha256").update(bytes).digest("hex") : input.columnar.sha256);
    const uploadedAt = new Date();
    const uploader = input.actorId ? await db.user.findUnique({ where: { id: input.actorId }, select: { name: true, email: true } }) : null;
    const uploadedBy = [uploader ? uploader.name || uploader.email : null, input.via ?? null].filter(Boolean).join(", ") || null;
    const provenance = { fileName: input.fileName, sha256: input.original.sha256, uploadedBy, uploadedAt: uploadedAt.toISOString(), rows: table.rowCount };
    const targets: EvaluationTarget[] = windows.map((w) => ({
      key: w.key,
      table: w.table,
      sha256: shaOf(w.bytes),
      label: w.label,
      endsAtMs: w.endMs ?? uploadedAt.getTime(),
      provenance: { ...provenance, rows: w.table.rowCount },
    }));

    let reference: { table: Table; sha256: string };
    if (input.kind === "reference") {
      reference = { table, sha256: input.columnar.sha256 };
    } else {
      reference = await loadReference(db, input.modelId);
    }
    const readMs = performance.now() - readStart;
    const timings = { scoringMs: 0, evaluationMs: 0 };
    await ctx.progress(0.1, "Scoring and evaluating");
    const snapshots = await evaluateTargets(db, {
      model,
      versions,
      roles: input.roles,
      featureColumns: featureColumnsOf,
      reference,
      targets,
      progress: ctx.progress,
      checkCancelled: ctx.checkCancelled,
      from: 0.1,
      to: 0.95,
      timings,
    });
    await ctx.progress(0.97, "Saving the results");
    return {
      result: { timings: { readMs: Math.round(readMs), scoringMs: Math.round(timings.scoringMs), evaluationMs: Math.round(timings.evaluationMs) }, windows: windows.map((w) => w.label), snapshots: snapshots.length, rows: table.rowCount },
      commit: async (tx) => {
        // Files first (content-addressed, so a retry finds them in place), then every row in this transaction.
        promoteStaged(input.original, "");
        promoteStaged(input.columnar, TABLE_EXTENSION);
        const windowSha = new Map<string, string>();
        for (const w of windows) windowSha.set(w.key, w.bytes ? storeBytes(w.bytes, TABLE_EXTENSION).sha256 : input.columnar.sha256);
        const dataset = await tx.dataset.create({
          data: {
            modelId: input.modelId,
            kind: input.kind,
            name: input.fileName,
            fileName: input.fileName,
            format: input.format,
            artifactSha256: input.original.sha256,
            rowCount: table.rowCount,
            uploadedBy,
            columns: toJson({ roles: input.roles, columns: table.columns.map((c) => ({ name: c.name, kind: c.kind })), columnarSha256: input.columnar.sha256 }),
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
              rowCount: w.table.rowCount,
              tablePath: windowSha.get(w.key)!,
            },
            select: { id: true },
          });
          ids.set(w.key, row.id);
        }
        await writeSnapshots(tx, snapshots, (key) => ids.get(key)!, "new data");
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
            rows: table.rowCount,
            windows: windows.map((w) => w.label),
            snapshots: snapshots.length,
            ...(input.via ? { via: input.via } : {}),
          },
        });
      },
    };
  },
};

// Staged files stay in place while a job is failed or cancelled, so that a retry can run it again.
export function registerDataJob(): void {
  registerJobHandler(DATA_JOB, handler);
}
