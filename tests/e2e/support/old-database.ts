// A database from before reviews existed. The demo seed of that time (commit fb65003, prisma/seed.ts) uploaded a
// version through the upload path, then set it `live` and wrote the audit event "version.marked_live", with no
// review. Today's seed takes every demo model live through real steps, so the e2e data adds a workspace of its own
// (so no other spec's workspace changes) with one model made the way the old seed made it: its pages then show
// "live without a review" on real data. Test support only: the app has no path that does this.
import fs from "node:fs";
import path from "node:path";
import { runAsUser } from "@/lib/auth/current-user";
import { DEMO_PASSWORD } from "@/lib/auth/demo";
import { appendAuditEvent } from "@/lib/db/audit";
import { addMemberAsOperator, findOrCreateModelAsOperator, findOrCreateWorkspace } from "@/lib/db/bootstrap";
import { createModelVersion } from "@/lib/db/versions";
import { stopJobRunner } from "@/lib/jobs/runner";
import { getDb } from "@/lib/prisma/client";
import { stageUpload } from "@/lib/storage/artifacts";
import { BEFORE_REVIEWS_OWNER, BEFORE_REVIEWS_WORKSPACE, MODEL_FROM_BEFORE_REVIEWS } from "./before-reviews";

export async function addModelLiveFromBeforeReviews(): Promise<void> {
  const db = await getDb();
  const workspace = await findOrCreateWorkspace(BEFORE_REVIEWS_WORKSPACE);
  const owner = { id: (await addMemberAsOperator({ workspaceId: workspace.id, ...BEFORE_REVIEWS_OWNER, password: DEMO_PASSWORD })).userId };
  const model = await findOrCreateModelAsOperator({
    workspaceId: workspace.id,
    name: MODEL_FROM_BEFORE_REVIEWS,
    purpose: "The first bike demand model, in use since before Sightline had reviews.",
    task: "regression",
    rowNoun: "hours",
  });
  if ((await db.modelVersion.count({ where: { modelId: model.id } })) > 0) return;
  const file = path.join(process.cwd(), "prisma", "demo", "models", "bike-demand-v1.onnx");
  const created = await runAsUser(owner.id, async () =>
    createModelVersion({ modelId: model.id, fileName: "bike-demand-v1.onnx", note: "In use since before reviews existed." }, await stageUpload(fs.readFileSync(file), Number.MAX_SAFE_INTEGER)),
  );
  // The upload started this process's job runner; stop it before the database is closed and handed to the server.
  await stopJobRunner();
  await db.$transaction(async (tx) => {
    await tx.modelVersion.update({ where: { id: created.id }, data: { status: "live" } });
    await appendAuditEvent(tx, {
      workspaceId: workspace.id,
      actorId: null,
      action: "version.marked_live",
      subjectType: "model_version",
      subjectId: created.id,
      payload: { modelId: model.id, version: 1, reason: "Demo seed: marked live without a review, until sign-offs are built." },
    });
  });
}
