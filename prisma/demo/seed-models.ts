// Loads the demo models and data through the same path a user's upload takes (version check, data check,
// job: score, evaluate, snapshot). Nothing here writes a snapshot by hand.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { runAsUser } from "@/lib/auth/current-user";
import { appendAuditEvent } from "@/lib/db/audit";
import { getDb } from "@/lib/prisma/client";
import { acceptDataUpload } from "@/lib/db/uploads";
import { createModelVersion } from "@/lib/db/versions";
import "@/lib/evaluation/register-jobs";
import { waitForIdle } from "@/lib/jobs/runner";
import { stageUpload } from "@/lib/storage/artifacts";

const DEMO_DIR = path.join(process.cwd(), "prisma", "demo");

const manifestSchema = z.object({
  models: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      labelColumn: z.string(),
      idColumn: z.string(),
      timestampColumn: z.string(),
      window: z.enum(["day", "week", "month"]),
      reference: z.string(),
      production: z.string(),
      liveVersion: z.number().int(),
      versions: z.array(z.object({ version: z.number().int(), file: z.string(), summary: z.string() })),
    }),
  ),
});

export type DemoManifest = z.infer<typeof manifestSchema>;

export function readDemoManifest(): DemoManifest {
  return manifestSchema.parse(JSON.parse(fs.readFileSync(path.join(DEMO_DIR, "manifest.json"), "utf8")));
}

async function stageFile(relative: string) {
  return stageUpload(fs.readFileSync(path.join(DEMO_DIR, relative)), Number.MAX_SAFE_INTEGER);
}

async function expectJobsSucceeded(modelId: string): Promise<void> {
  await waitForIdle();
  const db = await getDb();
  const failed = await db.job.findFirst({ where: { modelId, status: { in: ["failed", "cancelled"] } }, select: { error: true, kind: true } });
  if (failed) throw new Error(`Demo seed: a ${failed.kind} job failed: ${failed.error}`);
}

/** Uploads versions and data for a demo model that has none yet, acting as `uploaderId`. */
export async function seedDemoModel(modelId: string, slug: string, uploaderId: string, log: (line: string) => void): Promise<void> {
  const db = await getDb();
  if ((await db.modelVersion.count({ where: { modelId } })) > 0) return;
  const entry = readDemoManifest().models.find((m) => m.slug === slug);
  if (!entry) throw new Error(`Demo seed: prisma/demo/manifest.json has no model "${slug}".`);
  await runAsUser(uploaderId, async () => {
    for (const v of entry.versions) {
      await createModelVersion({ modelId, fileName: path.basename(v.file), note: v.summary }, await stageFile(v.file));
    }
  });
  const live = await db.modelVersion.findFirstOrThrow({ where: { modelId, version: entry.liveVersion }, select: { id: true, model: { select: { workspaceId: true } } } });
  await db.$transaction(async (tx) => {
    await tx.modelVersion.update({ where: { id: live.id }, data: { status: "live" } });
    await appendAuditEvent(tx, {
      workspaceId: live.model.workspaceId,
      actorId: null,
      action: "version.marked_live",
      subjectType: "model_version",
      subjectId: live.id,
      payload: { modelId, version: entry.liveVersion, reason: "Demo seed: marked live without a review, until sign-offs are built." },
    });
  });
  const roles = { label: entry.labelColumn, id: entry.idColumn };
  const reference = await runAsUser(uploaderId, async () =>
    acceptDataUpload({ modelId, kind: "reference", fileName: path.basename(entry.reference), roles }, await stageFile(entry.reference)),
  );
  await expectJobsSucceeded(modelId);
  const production = await runAsUser(uploaderId, async () =>
    acceptDataUpload(
      { modelId, kind: "production", fileName: path.basename(entry.production), splitBy: entry.window, roles: { ...roles, timestamp: entry.timestampColumn } },
      await stageFile(entry.production),
    ),
  );
  await expectJobsSucceeded(modelId);
  log(
    `  ${entry.name}: ${entry.versions.length} version(s), version ${entry.liveVersion} live; reference ${reference.rows} rows; ` +
      `${production.windows.length} production windows (${production.rows} rows)`,
  );
}
