// The job behind a labels upload: the windows that got labels get a new columnar copy and new snapshots.
import "server-only";
import { appendAuditEvent } from "@/lib/db/audit";
import { getDb } from "@/lib/prisma/client";
import { labelsJobInput, type LabelsJobInput } from "@/lib/db/labels";
import { LABELS_JOB } from "@/lib/jobs/names";
import { registerJobHandler } from "@/lib/jobs/runner";
import { JobFailure, type JobHandler } from "@/lib/jobs/types";
import { promoteStaged } from "@/lib/storage/artifacts";
import { TABLE_EXTENSION } from "@/lib/storage/tables";
import { activeVersions, evaluateTargets, storedWindows, featureColumnsOf, loadModelForEvaluation, loadReference, writeSnapshots } from "./pipeline";

export interface LabelsJobResult {
  windows: string[];
  matchedRows: number;
  snapshots: number;
}

const handler: JobHandler<LabelsJobInput, LabelsJobResult> = {
  parseInput: (raw) => labelsJobInput.parse(raw),
  async run(ctx) {
    const input = ctx.input;
    const db = await getDb();
    await ctx.progress(0.05, "Reading the labelled data");
    const model = await loadModelForEvaluation(db, input.modelId);
    const versions = await activeVersions(input.modelId);
    if (versions.length === 0) throw new JobFailure("The model has no version to evaluate the labelled data with. Upload a model version, then retry.");
    const reference = await loadReference(db, input.modelId);
    // Each window's roles, order and provenance (not its old table: the staged one with the labels replaces it).
    const stored = new Map((await storedWindows(db, input.modelId, input.windows.map((w) => w.windowId))).map(({ tablePath: _old, ...t }) => [t.key, t]));
    const targets = input.windows.map((w) => {
      const before = stored.get(w.windowId);
      return {
        ...(before ?? {}),
        key: w.windowId,
        windowId: w.windowId,
        label: w.label,
        source: { kind: "staged" as const, path: w.staged.tempPath, sha256: w.staged.sha256, name: w.label },
        ...(before?.roles ? { roles: { ...before.roles, label: input.roles.label } } : {}),
      };
    });
    const { snapshots } = await evaluateTargets(db, {
      model,
      versions,
      roles: { label: input.roles.label, scores: [] },
      featureColumns: featureColumnsOf,
      reference,
      targets,
      progress: ctx.progress,
      checkCancelled: ctx.checkCancelled,
      from: 0.1,
      to: 0.95,
    });
    const matchedRows = input.windows.reduce((sum, w) => sum + w.matched, 0);
    return {
      result: { windows: input.windows.map((w) => w.label), matchedRows, snapshots: snapshots.length },
      commit: async (tx) => {
        promoteStaged(input.original, "");
        for (const w of input.windows) {
          promoteStaged(w.staged, TABLE_EXTENSION);
          await tx.window.update({ where: { id: w.windowId }, data: { tablePath: w.staged.sha256 } });
        }
        await writeSnapshots(tx, snapshots, (key) => key, "outcomes arrived");
        const workspace = await tx.model.findUniqueOrThrow({ where: { id: input.modelId }, select: { workspaceId: true } });
        await appendAuditEvent(tx, {
          workspaceId: workspace.workspaceId,
          actorId: input.actorId,
          action: "data.labels_uploaded",
          subjectType: "model",
          subjectId: input.modelId,
          payload: {
            file: input.fileName,
            sha256: input.original.sha256,
            matchedRows,
            windows: input.windows.map((w) => w.label),
            snapshots: snapshots.length,
            ...(input.via ? { via: input.via } : {}),
          },
        });
      },
    };
  },
};

export function registerLabelsJob(): void {
  registerJobHandler(LABELS_JOB, handler);
}
