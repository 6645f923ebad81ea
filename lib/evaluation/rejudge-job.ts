// Re-judges a model's stored windows: after a policy change, or when an owner asks to evaluate again (for
// snapshots stored before the current evaluation existed). Every active version is evaluated on the reference
// and every stored window; the new snapshots mark the old ones superseded (which stay, unchanged).
import "server-only";
import { z } from "zod";
import { appendAuditEvent } from "@/lib/db/audit";
import { getDb } from "@/lib/prisma/client";
import type { ResolvedRoles } from "@/lib/contracts/column-roles";
import { REJUDGE_JOB } from "@/lib/jobs/names";
import { registerJobHandler } from "@/lib/jobs/runner";
import { JobFailure, type JobHandler } from "@/lib/jobs/types";
import { activeVersions, evaluateTargets, featureColumnsOf, loadModelForEvaluation, loadReference, storedTargets, writeSnapshots } from "./pipeline";

const input = z.object({ modelId: z.string(), reason: z.string() });
type RejudgeInput = z.infer<typeof input>;

export interface RejudgeResult {
  windows: number;
  snapshots: number;
  policyVersion: number;
}

const handler: JobHandler<RejudgeInput, RejudgeResult> = {
  parseInput: (raw) => input.parse(raw),
  async run(ctx) {
    const db = await getDb();
    await ctx.progress(0.05, "Reading the stored data");
    const model = await loadModelForEvaluation(db, ctx.input.modelId);
    const versions = await activeVersions(ctx.input.modelId);
    if (versions.length === 0) throw new JobFailure("The model has no version to evaluate. Upload a model version, then retry.");
    const reference = await loadReference(db, ctx.input.modelId);
    const refDataset = await db.dataset.findFirst({ where: { modelId: ctx.input.modelId, kind: "reference" }, orderBy: { createdAt: "desc" }, select: { columns: true } });
    const roles = (refDataset?.columns as { roles?: ResolvedRoles } | undefined)?.roles;
    const targets = await storedTargets(db, ctx.input.modelId);
    const snapshots = await evaluateTargets(db, {
      model,
      versions,
      roles: { label: roles?.label, prediction: roles?.prediction, scores: roles?.scores ?? [], id: roles?.id, timestamp: roles?.timestamp },
      featureColumns: featureColumnsOf,
      reference,
      targets,
      progress: ctx.progress,
      checkCancelled: ctx.checkCancelled,
      from: 0.1,
      to: 0.95,
    });
    return {
      result: { windows: targets.length, snapshots: snapshots.length, policyVersion: model.policy.version },
      commit: async (tx) => {
        await writeSnapshots(tx, snapshots, (key) => key, ctx.input.reason);
        const workspace = await tx.model.findUniqueOrThrow({ where: { id: ctx.input.modelId }, select: { workspaceId: true } });
        await appendAuditEvent(tx, {
          workspaceId: workspace.workspaceId,
          actorId: null,
          action: "model.rejudged",
          subjectType: "model",
          subjectId: ctx.input.modelId,
          payload: { reason: ctx.input.reason, policyVersion: model.policy.version, windows: targets.length, snapshots: snapshots.length },
        });
      },
    };
  },
};

export function registerRejudgeJob(): void {
  registerJobHandler(REJUDGE_JOB, handler);
}
