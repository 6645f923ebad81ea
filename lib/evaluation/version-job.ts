// A version uploaded after data exists is evaluated on the reference and on every stored window,
// so reviewers can compare it with the live one on the same evidence.
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/prisma/client";
import { registerJobHandler } from "@/lib/jobs/runner";
import type { JobHandler } from "@/lib/jobs/types";
import { VERSION_JOB } from "@/lib/jobs/names";
import { evaluateStored, writeSnapshots } from "./pipeline";

const input = z.object({ modelId: z.string(), versionId: z.string() });
type VersionJobInput = z.infer<typeof input>;

const handler: JobHandler<VersionJobInput, { windows: number; snapshots: number }> = {
  parseInput: (raw) => input.parse(raw),
  async run(ctx) {
    const db = await getDb();
    const version = await db.modelVersion.findUniqueOrThrow({ where: { id: ctx.input.versionId }, select: { id: true, artifactSha256: true } });
    // The version is scored itself: predictions stored with the data belong to the live version.
    const { targets, snapshots } = await evaluateStored(db, ctx, { modelId: ctx.input.modelId, versions: [version], ownScores: true });
    return {
      result: { windows: targets, snapshots: snapshots.length },
      commit: async (tx) => {
        await writeSnapshots(tx, snapshots, (key) => key, "new version");
      },
    };
  },
};

export function registerVersionJob(): void {
  registerJobHandler(VERSION_JOB, handler);
}
