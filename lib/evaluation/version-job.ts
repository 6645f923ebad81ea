// A version uploaded after data exists is evaluated on the reference and on every stored window,
// so reviewers can compare it with the live one on the same evidence.
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/prisma/client";
import type { ResolvedRoles } from "@/lib/contracts/column-roles";
import { registerJobHandler } from "@/lib/jobs/runner";
import type { JobHandler } from "@/lib/jobs/types";
import { VERSION_JOB } from "@/lib/jobs/names";
import { evaluateTargets, storedTargets, featureColumnsOf, loadModelForEvaluation, loadReference, writeSnapshots } from "./pipeline";


const input = z.object({ modelId: z.string(), versionId: z.string() });
type VersionJobInput = z.infer<typeof input>;

const handler: JobHandler<VersionJobInput, { windows: number; snapshots: number }> = {
  parseInput: (raw) => input.parse(raw),
  async run(ctx) {
    const db = await getDb();
    await ctx.progress(0.05, "Reading the stored data");
    const model = await loadModelForEvaluation(db, ctx.input.modelId);
    const version = await db.modelVersion.findUniqueOrThrow({ where: { id: ctx.input.versionId }, select: { id: true, artifactSha256: true } });
    const reference = await loadReference(db, ctx.input.modelId);
    const refDataset = await db.dataset.findFirst({ where: { modelId: ctx.input.modelId, kind: "reference" }, orderBy: { createdAt: "desc" }, select: { columns: true } });
    const roles = (refDataset?.columns as { roles?: ResolvedRoles } | undefined)?.roles;
    // The version is scored itself: predictions stored with the data belong to the live version.
    const targets = (await storedTargets(db, ctx.input.modelId)).map((t) => ({ ...t, roles: { ...t.roles!, prediction: undefined, scores: [] } }));
    const snapshots = await evaluateTargets(db, {
      model,
      versions: [version],
      roles: { label: roles?.label, id: roles?.id, timestamp: roles?.timestamp, scores: [] },
      featureColumns: featureColumnsOf,
      reference,
      targets,
      progress: ctx.progress,
      checkCancelled: ctx.checkCancelled,
      from: 0.1,
      to: 0.95,
    });
    return {
      result: { windows: targets.length, snapshots: snapshots.length },
      commit: async (tx) => {
        await writeSnapshots(tx, snapshots, (key) => key, "new version");
      },
    };
  },
};

export function registerVersionJob(): void {
  registerJobHandler(VERSION_JOB, handler);
}
