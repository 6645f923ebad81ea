// Re-judges a model's stored windows: after a policy change, or when an owner asks to evaluate again (for
// snapshots stored before the current evaluation existed). Every active version is evaluated on the reference
// and every stored window; the new snapshots mark the old ones superseded (which stay, unchanged).
import "server-only";
import { z } from "zod";
import { appendAuditEvent } from "@/lib/db/audit";
import { getDb } from "@/lib/prisma/client";
import { REJUDGE_JOB } from "@/lib/jobs/names";
import { registerJobHandler } from "@/lib/jobs/runner";
import { JobFailure, type JobHandler } from "@/lib/jobs/types";
import { activeVersions, evaluateStored, writeSnapshots } from "./pipeline";

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
    const versions = await activeVersions(ctx.input.modelId);
    if (versions.length === 0) throw new JobFailure("The model has no version to evaluate. Upload a model version, then retry.");
    const { model, targets, snapshots } = await evaluateStored(db, ctx, { modelId: ctx.input.modelId, versions, ownScores: false });
    return {
      result: { windows: targets, snapshots: snapshots.length, policyVersion: model.policy.version },
      commit: async (tx) => {
        await writeSnapshots(tx, snapshots, (key) => key, ctx.input.reason);
        const workspace = await tx.model.findUniqueOrThrow({ where: { id: ctx.input.modelId }, select: { workspaceId: true } });
        await appendAuditEvent(tx, {
          workspaceId: workspace.workspaceId,
          actorId: null,
          action: "model.rejudged",
          subjectType: "model",
          subjectId: ctx.input.modelId,
          payload: { reason: ctx.input.reason, policyVersion: model.policy.version, windows: targets, snapshots: snapshots.length },
        });
      },
    };
  },
};

export function registerRejudgeJob(): void {
  registerJobHandler(REJUDGE_JOB, handler);
}
