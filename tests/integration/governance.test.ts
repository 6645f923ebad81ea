// The lifecycle's data layer on PostgreSQL: who may take each step, the submitter never reviews, one review per person
// per evidence, approvals on the current evidence only, one live version per model, rollback, the live history, the
// audit events and the database refusing edits of reviews and steps. Snapshots are written by hand here (the
// pipeline's own tests cover how they are made); what matters is what the lifecycle reads from them.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrCreateModelAsOperator } from "@/lib/db/bootstrap";
import {
  getVersionForApi,
  getVersionGovernance,
  liveVersionAt,
  makeVersionLive,
  moveVersionBackToDraft,
  recordEvidenceChanges,
  rollbackToVersion,
  submitVersion,
  withdrawVersion,
} from "@/lib/db/lifecycle";
import { listAuditEvents } from "@/lib/db/audit";
import { reviewVersion, type ReviewInput } from "@/lib/db/reviews";
import { REVIEW_CHECKLIST } from "@/lib/governance/checklist";
import { Prisma } from "@/lib/prisma/generated/client";
import { closeDb, getDb, makeWorkspace, runAsUser, usePostgres, type TestWorkspace, refusal } from "./support";

let ws: TestWorkspace;
let modelId: string;
let policyId: string;
let datasetId: string;

const checklist = Object.fromEntries(REVIEW_CHECKLIST.map((i) => [i.id, "yes"]));
const approve: ReviewInput = { decision: "approve", comment: "Looks good on the evidence shown.", checklist };

async function addVersion(version: number): Promise<string> {
  const db = await getDb();
  const row = await db.modelVersion.create({
    data: { modelId, version, artifactSha256: randomUUID().replace(/-/g, "").padEnd(64, "0"), artifactName: `v${version}.onnx`, signature: {}, featureSchema: {}, createdById: ws.users.analyst },
  });
  return row.id;
}

/** A labelled window with a current snapshot for each version given. */
async function addWindow(label: string, endsAt: Date, versionIds: string[], accuracy = 0.85): Promise<void> {
  const db = await getDb();
  const window = await db.window.create({ data: { modelId, datasetId, label, startsAt: endsAt, endsAt, rowCount: 500, tablePath: null } });
  for (const modelVersionId of versionIds) {
    await db.snapshot.create({
      data: {
        modelVersionId,
        windowId: window.id,
        policyId,
        inputHash: randomUUID(),
        scorecard: { rows: 500, labelledRows: 500, metrics: [{ name: "accuracy", value: accuracy, higherIsBetter: true, ci: null, judgeable: true, peer: "accuracy_score" }] },
        drift: { columns: [] },
        fairness: Prisma.JsonNull,
        verdicts: { overall: { light: "green", reason: "ok" }, performance: { light: "green", reason: "ok" }, drift: { light: "green", reason: "ok" }, fairness: { light: "gray", reason: "ok" }, policyVersion: 1 },
        narrative: [],
        schemaVersion: 2,
      },
    });
  }
}

beforeAll(async () => {
  usePostgres();
  ws = await makeWorkspace("Governance");
  modelId = (await findOrCreateModelAsOperator({ workspaceId: ws.id, name: `Gov model ${randomUUID().slice(0, 6)}`, purpose: "Tests the lifecycle.", task: "binary", positiveLabel: "yes" })).id;
  const db = await getDb();
  policyId = (await db.policy.findFirstOrThrow({ where: { modelId }, select: { id: true } })).id;
  datasetId = (
    await db.dataset.create({ data: { modelId, kind: "production", name: "batch", fileName: "batch.csv", format: "csv", artifactSha256: "d".repeat(64), rowCount: 1500, columns: {} } })
  ).id;
});

afterAll(async () => {
  await closeDb();
});

describe("the lifecycle in the data layer", () => {
  let v1: string;
  let v2: string;

  it("submits, refuses the wrong people and the submitter, and approves with the checklist", async () => {
    v1 = await addVersion(1);
    await addWindow("2026-05", new Date("2026-05-31T00:00:00Z"), [v1]);
    expect(await refusal(() => runAsUser(ws.users.viewer, () => submitVersion(modelId, 1)))).toMatch(/^forbidden/);
    expect(await refusal(() => runAsUser(ws.users.reviewer, () => submitVersion(modelId, 1)))).toMatch(/^forbidden/);
    const submitted = await runAsUser(ws.users.analyst, () => submitVersion(modelId, 1));
    expect(submitted).toMatchObject({ version: 1, status: "in_review", evidenceHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    expect(await refusal(() => runAsUser(ws.users.viewer, () => reviewVersion(modelId, 1, approve)))).toMatch(/^forbidden/);
    expect(await refusal(() => runAsUser(ws.users.analyst, () => reviewVersion(modelId, 1, approve)))).toMatch(/^forbidden/);
    // The owner may review, but not make live before an approval.
    expect(await refusal(() => runAsUser(ws.users.owner, () => makeVersionLive(modelId, 1)))).toContain("Only an approved version can be made live");
    // A checklist with a question unanswered is refused, naming it.
    const { rollback_plan: _skip, ...partial } = checklist;
    await expect(runAsUser(ws.users.reviewer, () => reviewVersion(modelId, 1, { ...approve, checklist: partial }))).rejects.toThrow(/roll back/);
    await expect(runAsUser(ws.users.reviewer, () => reviewVersion(modelId, 1, { ...approve, comment: "ok" }))).rejects.toThrow(/at least 10 characters/);

    expect(await runAsUser(ws.users.reviewer, () => reviewVersion(modelId, 1, approve))).toMatchObject({ status: "approved", evidenceHash: submitted.evidenceHash });
    expect(await refusal(() => runAsUser(ws.users.reviewer, () => reviewVersion(modelId, 1, approve)))).toContain("Only a version in review can be reviewed");
  });

  it("an owner who submitted cannot review their own submission", async () => {
    const id = await addVersion(9);
    await runAsUser(ws.users.owner, () => submitVersion(modelId, 9));
    expect(await refusal(() => runAsUser(ws.users.owner, () => reviewVersion(modelId, 9, approve)))).toBe(
      "rule: You submitted this version, so you cannot review it. Someone else must review it.",
    );
    // Withdrawn by its submitter: back to draft, nothing left to review.
    expect(await runAsUser(ws.users.owner, () => withdrawVersion(modelId, 9))).toMatchObject({ status: "draft" });
    expect((await (await getDb()).modelVersion.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
  });

  it("makes a version live only for owners; the live history answers for dates before and after", async () => {
    const before = new Date();
    expect(await refusal(() => runAsUser(ws.users.reviewer, () => makeVersionLive(modelId, 1)))).toMatch(/^forbidden/);
    expect(await runAsUser(ws.users.owner, () => makeVersionLive(modelId, 1))).toMatchObject({ status: "live" });
    expect(await runAsUser(ws.users.viewer, () => liveVersionAt(modelId, before))).toBeNull();
    const now = await runAsUser(ws.users.viewer, () => liveVersionAt(modelId, new Date()));
    expect(now).toMatchObject({ version: 1, until: null, approvedBy: [`reviewer ${ws.name.split(" ").pop()}`], withoutReview: false, how: "make_live" });
  });

  it("voids approvals when the evidence changes: the version returns to review and earlier decisions stop counting", async () => {
    v2 = await addVersion(2);
    await addWindow("2026-06", new Date("2026-06-30T00:00:00Z"), [v1, v2]);
    await runAsUser(ws.users.analyst, () => submitVersion(modelId, 2));
    await runAsUser(ws.users.reviewer, () => reviewVersion(modelId, 2, approve));
    expect((await runAsUser(ws.users.viewer, () => getVersionForApi(modelId, 2))).effectiveStatus).toBe("approved");

    // A new labelled window: the evidence hash moves.
    await addWindow("2026-07", new Date("2026-07-31T00:00:00Z"), [v1, v2], 0.8);
    const read = await runAsUser(ws.users.viewer, () => getVersionForApi(modelId, 2));
    expect(read).toMatchObject({ status: "approved", effectiveStatus: "in_review", evidenceChanged: true, approvalsOnCurrentEvidence: 0 });
    expect(read.reviews[0]).toMatchObject({ decision: "approve", counts: false });
    expect(await refusal(() => runAsUser(ws.users.owner, () => makeVersionLive(modelId, 2)))).toContain("Only an approved version can be made live");

    // The pipeline's hook writes it down.
    const db = await getDb();
    expect(await db.$transaction((tx) => recordEvidenceChanges(tx, modelId))).toBe(1);
    expect((await db.modelVersion.findUniqueOrThrow({ where: { id: v2 } })).status).toBe("in_review");
    // The same reviewer may decide again on the new evidence, once.
    await runAsUser(ws.users.reviewer, () => reviewVersion(modelId, 2, approve));
    const page = await runAsUser(ws.users.owner, () => getVersionGovernance(modelId, 2));
    expect(page.effectiveStatus).toBe("approved");
    expect(page.actions).toEqual(["make_live"]);
    expect(page.reviews.map((r) => [r.counts, r.onEarlierEvidence])).toEqual([[true, false], [false, true]]);
    expect(page.comparison).toMatchObject({ liveVersion: 1, windowLabel: "2026-07" });
    expect(page.steps.map((s) => s.action)).toEqual(["uploaded", "submit", "approve", "evidence_changed", "approve"]);
  });

  it("keeps one live version per model and rolls back only to an approved one, with audit events", async () => {
    const midway = new Date();
    await runAsUser(ws.users.owner, () => makeVersionLive(modelId, 2));
    const db = await getDb();
    expect((await db.modelVersion.findMany({ where: { modelId, status: "live" }, select: { version: true } })).map((v) => v.version)).toEqual([2]);
    expect((await db.modelVersion.findUniqueOrThrow({ where: { id: v1 } })).status).toBe("retired");
    expect(await runAsUser(ws.users.viewer, () => liveVersionAt(modelId, midway))).toMatchObject({ version: 1, until: expect.any(Date) });

    expect(await refusal(() => runAsUser(ws.users.analyst, () => rollbackToVersion(modelId, 1)))).toMatch(/^forbidden/);
    expect(await runAsUser(ws.users.owner, () => rollbackToVersion(modelId, 1, { comment: "Version 2 misbehaves." }))).toMatchObject({ status: "live" });
    expect((await db.modelVersion.findUniqueOrThrow({ where: { id: v2 } })).status).toBe("retired");
    expect(await runAsUser(ws.users.viewer, () => liveVersionAt(modelId, new Date()))).toMatchObject({ version: 1, how: "rollback", approvedBy: [expect.any(String)] });

    const events = await runAsUser(ws.users.reviewer, () => listAuditEvents({ take: 200 }));
    const mine = events.filter((e) => e.subjectId === v1 || e.subjectId === v2).map((e) => e.action).reverse();
    expect(mine).toEqual([
      "version.submitted",
      "version.approved",
      "version.made_live",
      "version.submitted",
      "version.approved",
      "version.evidence_changed",
      "version.approved",
      "version.retired",
      "version.made_live",
      "version.retired",
      "version.rolled_back",
    ]);
  });

  it("a draft that was never approved cannot be rolled back to; changes asked for go back to draft", async () => {
    await addVersion(3);
    await runAsUser(ws.users.analyst, () => submitVersion(modelId, 3));
    await runAsUser(ws.users.reviewer, () => reviewVersion(modelId, 3, { ...approve, decision: "request_changes", comment: "Write down the rollback plan first." }));
    expect(await refusal(() => runAsUser(ws.users.analyst, () => submitVersion(modelId, 3)))).toContain("Move it back to draft first");
    expect(await runAsUser(ws.users.analyst, () => moveVersionBackToDraft(modelId, 3))).toMatchObject({ status: "draft" });
    expect(await refusal(() => runAsUser(ws.users.owner, () => rollbackToVersion(modelId, 3)))).toContain("Only a retired version");
  });

  it("the database refuses to edit a review or a step", async () => {
    const db = await getDb();
    const review = await db.review.findFirstOrThrow({ where: { modelVersionId: v1 } });
    await expect(db.review.update({ where: { id: review.id }, data: { comment: "edited" } })).rejects.toThrow(/immutable/);
    const step = await db.versionTransition.findFirstOrThrow({ where: { modelVersionId: v1 } });
    await expect(db.versionTransition.update({ where: { id: step.id }, data: { comment: "edited" } })).rejects.toThrow(/immutable/);
  });

  it("another workspace's version is not found", async () => {
    const other = await makeWorkspace("Other governance");
    expect(await refusal(() => runAsUser(other.users.owner, () => getVersionForApi(modelId, 1)))).toMatch(/^not-found/);
    expect(await refusal(() => runAsUser(other.users.analyst, () => submitVersion(modelId, 1)))).toMatch(/^not-found/);
  });
});
