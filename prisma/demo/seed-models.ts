// Loads the demo models and data through the same path a user's upload takes (version check, data check,
// job: score, evaluate, snapshot). Nothing here writes a snapshot by hand.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { runAsUser } from "@/lib/auth/current-user";
import { makeVersionLive, submitVersion } from "@/lib/db/lifecycle";
import { changePolicy, getPolicy } from "@/lib/db/policies";
import { reviewVersion } from "@/lib/db/reviews";
import { REVIEW_CHECKLIST } from "@/lib/governance/checklist";
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

/** Who takes the demo versions through review: a workspace with a reviewer, or one owner alone. */
export type DemoPeople = { analyst: string; reviewer: string; owner: string } | { owner: string };

const demoChecklist = (): Record<string, "yes" | "no" | "not_applicable"> => Object.fromEntries(REVIEW_CHECKLIST.map((item) => [item.id, "yes"]));

/**
 * A one-person workspace can only sign off its own versions: its owner sets the policy's approvals to 0 through a
 * policy change with a reason (audited, re-judged), so every page says "no independent review".
 */
async function noIndependentReview(modelId: string, ownerId: string): Promise<void> {
  await runAsUser(ownerId, async () => {
    const { rules, sensitiveAttributes } = await getPolicy(modelId);
    await changePolicy(modelId, {
      reason: "One-person workspace: nobody else can review, so versions go live without an independent review.",
      primaryMetric: rules.primaryMetric,
      decisionThreshold: rules.decisionThreshold,
      amberDrop: rules.relativeTolerance.amber * 100,
      redDrop: rules.relativeTolerance.red * 100,
      floors: rules.metricFloors,
      pValue: rules.driftThresholds.pValue,
      distance: rules.driftThresholds.distance,
      datasetShare: rules.driftThresholds.datasetShare * 100,
      minPerformanceRows: rules.minimumRows.performance,
      minPerClass: rules.minimumRows.perClass,
      minDriftRows: rules.minimumRows.drift,
      minGroupRows: rules.minimumRows.perGroup,
      minDenominator: rules.minimumRows.denominator,
      fairnessQuestion: rules.fairnessQuestion ?? "",
      fairnessTolerance: rules.fairnessTolerance,
      approvalsRequired: 0,
      rowNoun: rules.rowNoun,
      sensitiveAttributes,
    });
  });
}

/**
 * Uploads versions and data for a demo model that has none yet (acting as the analyst, or the owner alone), then takes
 * the live version through the real steps: submitted, reviewed with the checklist, made live by the owner. Every
 * other version is submitted and waits for review. Nothing is marked live by hand.
 */
export async function seedDemoModel(modelId: string, slug: string, people: DemoPeople, log: (line: string) => void): Promise<void> {
  const db = await getDb();
  if ((await db.modelVersion.count({ where: { modelId } })) > 0) return;
  const entry = readDemoManifest().models.find((m) => m.slug === slug);
  if (!entry) throw new Error(`Demo seed: prisma/demo/manifest.json has no model "${slug}".`);
  const uploaderId = "analyst" in people ? people.analyst : people.owner;
  await runAsUser(uploaderId, async () => {
    for (const v of entry.versions) {
      await createModelVersion({ modelId, fileName: path.basename(v.file), note: v.summary }, await stageFile(v.file));
    }
  });
  const roles = { label: entry.labelColumn, id: entry.idColumn };
  const reference = await runAsUser(uploaderId, async () =>
    acceptDataUpload({ modelId, kind: "reference", fileName: path.basename(entry.reference), roles }, await stageFile(entry.reference)),
  );
  await expectJobsSucceeded(modelId);
  if (!("analyst" in people)) {
    await noIndependentReview(modelId, people.owner);
    await expectJobsSucceeded(modelId);
  }
  const production = await runAsUser(uploaderId, async () =>
    acceptDataUpload(
      { modelId, kind: "production", fileName: path.basename(entry.production), splitBy: entry.window, roles: { ...roles, timestamp: entry.timestampColumn } },
      await stageFile(entry.production),
    ),
  );
  await expectJobsSucceeded(modelId);

  // The lifecycle, on the evidence the pipeline just wrote.
  await runAsUser(uploaderId, () => submitVersion(modelId, entry.liveVersion, { comment: "Checked on the reference data and six months of outcomes." }));
  if ("analyst" in people) {
    await runAsUser(people.reviewer, () =>
      reviewVersion(modelId, entry.liveVersion, {
        decision: "approve",
        comment: "The checklist holds: performance and group gaps are within the policy, and the rollback plan is to keep the previous process.",
        checklist: demoChecklist(),
      }),
    );
  }
  await runAsUser(people.owner, () => makeVersionLive(modelId, entry.liveVersion));
  for (const v of entry.versions) {
    if (v.version === entry.liveVersion) continue;
    await runAsUser(uploaderId, () => submitVersion(modelId, v.version, { comment: "A candidate to replace the live version. Please compare it with the live one." }));
  }
  log(
    `  ${entry.name}: ${entry.versions.length} version(s), version ${entry.liveVersion} live after review; reference ${reference.rows} rows; ` +
      `${production.windows.length} production windows (${production.rows} rows)`,
  );
}
