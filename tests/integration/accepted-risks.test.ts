// Accepted risks on PostgreSQL: only owners propose (red or amber checks of the latest result, with a reason and an
// expiry), a reviewer who is not the proposer confirms, owners withdraw; the acceptance ends by itself when the
// policy or the check's evidence changes; every step is an audit event; the table refuses rewrites.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/db/audit";
import { findOrCreateModelAsOperator } from "@/lib/db/bootstrap";
import {
  acceptedMarksForSnapshot,
  confirmAcceptedRisk,
  getAcceptedRisksPanel,
  holdingAcceptedRisks,
  proposeAcceptedRisk,
  settleAcceptedRisks,
  withdrawAcceptedRisk,
} from "@/lib/db/accepted-risks";
import { Prisma } from "@/lib/prisma/generated/client";
import { closeDb, getDb, makeWorkspace, runAsUser, usePostgres, type TestWorkspace, refusal } from "./support";

let ws: TestWorkspace;
let modelId: string;
let versionId: string;
let datasetId: string;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A window whose snapshot has a red performance light and the column "age" drifted at `ageScore`. */
async function addWindow(label: string, endsAt: Date, ageScore: number): Promise<string> {
  const db = await getDb();
  const policy = await db.policy.findFirstOrThrow({ where: { modelId }, orderBy: { version: "desc" }, select: { id: true } });
  const window = await db.window.create({ data: { modelId, datasetId, label, startsAt: endsAt, endsAt, rowCount: 500, tablePath: null } });
  const snapshot = await db.snapshot.create({
    data: {
      modelVersionId: versionId,
      windowId: window.id,
      policyId: policy.id,
      inputHash: randomUUID(),
      scorecard: { rows: 500, labelledRows: 500, metrics: [{ name: "rocAuc", value: 0.61, higherIsBetter: true, ci: null, judgeable: true, peer: "roc_auc_score" }] },
      drift: {
        columns: [
          { column: "age", columnType: "numeric", method: "psi", stattestName: "PSI", score: ageScore, threshold: 0.2, drifted: true, isOutput: false },
          { column: "hours", columnType: "numeric", method: "psi", stattestName: "PSI", score: 0.01, threshold: 0.2, drifted: false, isOutput: false },
        ],
        numberOfColumns: 2,
        numberOfDriftedColumns: 1,
        shareOfDriftedColumns: 0.5,
        datasetDrift: false,
        driftShare: 0.5,
      },
      fairness: Prisma.JsonNull,
      verdicts: { overall: { light: "red", reason: "r" }, performance: { light: "red", reason: "r" }, drift: { light: "amber", reason: "r" }, fairness: { light: "gray", reason: "r" }, policyVersion: 1 },
      narrative: [],
      schemaVersion: 2,
    },
    select: { id: true },
  });
  return snapshot.id;
}

beforeAll(async () => {
  usePostgres();
  ws = await makeWorkspace("Accepted risks");
  modelId = (await findOrCreateModelAsOperator({ workspaceId: ws.id, name: `Risk model ${randomUUID().slice(0, 6)}`, purpose: "Tests accepted risks.", task: "binary", positiveLabel: "yes" })).id;
  const db = await getDb();
  versionId = (
    await db.modelVersion.create({ data: { modelId, version: 1, artifactSha256: "a".repeat(64), artifactName: "v1.onnx", signature: {}, featureSchema: {}, createdById: ws.users.analyst } })
  ).id;
  datasetId = (
    await db.dataset.create({ data: { modelId, kind: "production", name: "batch", fileName: "batch.csv", format: "csv", artifactSha256: "d".repeat(64), rowCount: 1500, columns: {} } })
  ).id;
});

afterAll(async () => {
  await closeDb();
});

const ageInput = { checkKind: "drift_column" as const, checkKey: "age", reason: "New stores opened in a college town, so ages moved.", expiresAt: inDays(30) };

describe("accepted risks", () => {
  let snapshotId: string;
  let riskId: string;

  it("lists the red and amber checks of the latest result", async () => {
    snapshotId = await addWindow("2026-10", new Date("2026-10-31T00:00:00Z"), 0.3);
    const panel = await runAsUser(ws.users.viewer, () => getAcceptedRisksPanel(modelId, 1));
    expect(panel.checks.map((c) => `${c.checkKind}:${c.checkKey}:${c.light}`)).toEqual(["metric:rocAuc:red", "drift_column:age:amber"]);
    expect(panel).toMatchObject({ canPropose: false, canConfirm: false, windowLabel: "2026-10" });
  });

  it("only owners propose, only for a red or amber check, with a reason and an expiry of at most 180 days", async () => {
    for (const role of ["viewer", "analyst", "reviewer"] as const) {
      expect(await refusal(() => runAsUser(ws.users[role], () => proposeAcceptedRisk(modelId, 1, ageInput)))).toMatch(/^forbidden/);
    }
    expect(await refusal(() => runAsUser(ws.users.owner, () => proposeAcceptedRisk(modelId, 1, { ...ageInput, checkKey: "hours" })))).toBe(
      "rule: Only a red or amber check of the latest result can be accepted.",
    );
    expect(await refusal(() => runAsUser(ws.users.owner, () => proposeAcceptedRisk(modelId, 1, { ...ageInput, expiresAt: inDays(200) })))).toContain("at most 180 days");
    expect(await refusal(() => runAsUser(ws.users.owner, () => proposeAcceptedRisk(modelId, 1, { ...ageInput, expiresAt: inDays(-1) })))).toContain("in the future");
    await expect(runAsUser(ws.users.owner, () => proposeAcceptedRisk(modelId, 1, { ...ageInput, reason: "ok" }))).rejects.toThrow(/at least 10 characters/);

    riskId = (await runAsUser(ws.users.owner, () => proposeAcceptedRisk(modelId, 1, ageInput))).id;
    expect(await refusal(() => runAsUser(ws.users.owner, () => proposeAcceptedRisk(modelId, 1, ageInput)))).toContain("already has an acceptance");
    // Proposed is not accepted: nothing holds yet.
    expect(await runAsUser(ws.users.viewer, () => holdingAcceptedRisks(modelId, 1))).toEqual([]);
  });

  it("a reviewer confirms; the proposer, a viewer and an analyst cannot; then the check carries the mark", async () => {
    expect(await refusal(() => runAsUser(ws.users.owner, () => confirmAcceptedRisk(riskId)))).toBe("rule: You proposed this acceptance, so someone else must confirm it.");
    expect(await refusal(() => runAsUser(ws.users.viewer, () => confirmAcceptedRisk(riskId)))).toMatch(/^forbidden/);
    expect(await refusal(() => runAsUser(ws.users.analyst, () => confirmAcceptedRisk(riskId)))).toMatch(/^forbidden/);
    await runAsUser(ws.users.reviewer, () => confirmAcceptedRisk(riskId));
    expect(await refusal(() => runAsUser(ws.users.reviewer, () => confirmAcceptedRisk(riskId)))).toBe("rule: This acceptance is already confirmed.");

    const holding = await runAsUser(ws.users.viewer, () => holdingAcceptedRisks(modelId, 1));
    expect(holding.map((r) => [r.checkKind, r.checkKey, r.state])).toEqual([["drift_column", "age", "holds"]]);
    const marks = await runAsUser(ws.users.viewer, () => acceptedMarksForSnapshot(modelId, snapshotId));
    expect(Object.keys(marks.drift_column)).toEqual(["age"]);
    expect(marks.metric).toEqual({});
    const db = await getDb();
    const [owner, reviewer] = await Promise.all([ws.users.owner, ws.users.reviewer].map((id) => db.user.findUniqueOrThrow({ where: { id }, select: { name: true } })));
    expect(marks.drift_column.age).toMatchObject({ acceptedBy: owner!.name, confirmedBy: reviewer!.name, reason: ageInput.reason });
  });

  it("another window in which the check's evidence is the same keeps it; changed evidence ends it", async () => {
    const db = await getDb();
    // A newer window with the same numbers for "age": the fingerprint is the same, so it still holds.
    await addWindow("2026-11", new Date("2026-11-30T00:00:00Z"), 0.3);
    expect(await runAsUser(ws.users.viewer, () => holdingAcceptedRisks(modelId, 1))).toHaveLength(1);
    // "age" moves: the acceptance stops holding at once on every read, and settling records why.
    const newest = await addWindow("2026-12", new Date("2026-12-31T00:00:00Z"), 0.45);
    expect(await runAsUser(ws.users.viewer, () => holdingAcceptedRisks(modelId, 1))).toEqual([]);
    expect((await runAsUser(ws.users.viewer, () => acceptedMarksForSnapshot(modelId, newest))).drift_column).toEqual({});
    const ended = await db.$transaction((tx) => settleAcceptedRisks(tx, modelId));
    expect(ended).toBe(1);
    const row = await db.acceptedRisk.findUniqueOrThrow({ where: { id: riskId } });
    expect(row.endedReason).toBe("evidence_changed");
    const panel = await runAsUser(ws.users.owner, () => getAcceptedRisksPanel(modelId, 1));
    expect(panel.risks.find((r) => r.id === riskId)).toMatchObject({ state: "ended", endedReason: "evidence_changed" });
  });

  it("a policy change ends it, and an owner may withdraw one", async () => {
    const db = await getDb();
    const first = (await runAsUser(ws.users.owner, () => proposeAcceptedRisk(modelId, 1, { ...ageInput, reason: "The change is known and checked by hand each week." }))).id;
    await runAsUser(ws.users.reviewer, () => confirmAcceptedRisk(first));
    const metric = (await runAsUser(ws.users.owner, () => proposeAcceptedRisk(modelId, 1, { checkKind: "metric", checkKey: "rocAuc", reason: "The pilot ends soon and every case is checked.", expiresAt: inDays(10) }))).id;
    expect(await refusal(() => runAsUser(ws.users.reviewer, () => withdrawAcceptedRisk(metric)))).toMatch(/^forbidden/);
    await runAsUser(ws.users.owner, () => withdrawAcceptedRisk(metric));
    expect(await refusal(() => runAsUser(ws.users.reviewer, () => confirmAcceptedRisk(metric)))).toBe("rule: This acceptance has ended, so it cannot be confirmed.");
    expect(await runAsUser(ws.users.viewer, () => holdingAcceptedRisks(modelId, 1))).toHaveLength(1);

    const last = await db.policy.findFirstOrThrow({ where: { modelId }, orderBy: { version: "desc" } });
    await db.policy.create({
      data: {
        modelId,
        version: last.version + 1,
        metricFloors: last.metricFloors ?? {},
        driftThresholds: last.driftThresholds ?? {},
        fairnessTolerance: last.fairnessTolerance,
        approvalsRequired: last.approvalsRequired,
        primaryMetric: last.primaryMetric,
        rules: last.rules ?? Prisma.JsonNull,
        reason: "tighter",
      },
    });
    expect(await runAsUser(ws.users.viewer, () => holdingAcceptedRisks(modelId, 1))).toEqual([]);
    expect(await db.$transaction((tx) => settleAcceptedRisks(tx, modelId))).toBe(1);
    expect((await db.acceptedRisk.findUniqueOrThrow({ where: { id: first } })).endedReason).toBe("policy_changed");
    expect((await db.acceptedRisk.findUniqueOrThrow({ where: { id: metric } })).endedReason).toBe("withdrawn");
  });

  it("writes an audit event for every step", async () => {
    const events = await runAsUser(ws.users.owner, () => listAuditEvents({ take: 100, filter: {} }));
    const mine = events.filter((e) => e.action.startsWith("accepted_risk.")).map((e) => e.action);
    expect(mine.filter((a) => a === "accepted_risk.proposed")).toHaveLength(3);
    expect(mine.filter((a) => a === "accepted_risk.confirmed")).toHaveLength(2);
    expect(mine.filter((a) => a === "accepted_risk.withdrawn")).toHaveLength(1);
    expect(mine.filter((a) => a === "accepted_risk.ended")).toHaveLength(2);
  });

  it("the database refuses to rewrite an acceptance", async () => {
    const db = await getDb();
    await expect(db.acceptedRisk.update({ where: { id: riskId }, data: { reason: "rewritten afterwards" } })).rejects.toThrow(/append-mostly/);
    await expect(db.acceptedRisk.update({ where: { id: riskId }, data: { endedReason: "withdrawn" } })).rejects.toThrow(/append-mostly/);
  });
});
