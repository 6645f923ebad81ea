// The daily accepted-risk check on PostgreSQL, with an injected `now`: a confirmed acceptance a week or less from
// its end raises `accepted_risk_expiring` once for each owner and the reviewer who confirmed it (never for a
// proposal nobody confirmed, never twice); one that reached its expiry is recorded as ended at its expiry, with one
// audit event, however often the check runs. An expiry may be given as an ISO timestamp as well as a date.
import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmAcceptedRisk, getAcceptedRisksPanel, proposeAcceptedRisk, runAcceptedRiskDailyCheck } from "@/lib/db/accepted-risks";
import { findOrCreateModelAsOperator } from "@/lib/db/bootstrap";
import { ACCEPTED_RISK_QUEUE, getQueue, stopQueue } from "@/lib/jobs/queue";
import { ACCEPTED_RISK_CRON, resetNotificationWorkers, startNotificationWorkers } from "@/lib/notifications/worker";
import { Prisma } from "@/lib/prisma/generated/client";
import { closeDb, getDb, makeWorkspace, runAsUser, usePostgres, type TestWorkspace } from "./support";

const DAY = 86_400_000;
let ws: TestWorkspace;
let modelId: string;
let modelName: string;

beforeAll(async () => {
  usePostgres();
  ws = await makeWorkspace("Risk expiry");
  modelName = `Expiry model ${randomUUID().slice(0, 6)}`;
  modelId = (await findOrCreateModelAsOperator({ workspaceId: ws.id, name: modelName, purpose: "Tests the end of accepted risks.", task: "binary", positiveLabel: "yes" })).id;
  const db = await getDb();
  const versionId = (
    await db.modelVersion.create({ data: { modelId, version: 1, artifactSha256: "e".repeat(64), artifactName: "v1.onnx", signature: {}, featureSchema: {}, createdById: ws.users.analyst } })
  ).id;
  const datasetId = (
    await db.dataset.create({ data: { modelId, kind: "production", name: "batch", fileName: "batch.csv", format: "csv", artifactSha256: "f".repeat(64), rowCount: 500, columns: {} } })
  ).id;
  const policy = await db.policy.findFirstOrThrow({ where: { modelId }, orderBy: { version: "desc" }, select: { id: true } });
  const endsAt = new Date("2026-10-31T00:00:00Z");
  const window = await db.window.create({ data: { modelId, datasetId, label: "2026-10", startsAt: endsAt, endsAt, rowCount: 500, tablePath: null } });
  await db.snapshot.create({
    data: {
      modelVersionId: versionId,
      windowId: window.id,
      policyId: policy.id,
      inputHash: randomUUID(),
      scorecard: { rows: 500, labelledRows: 500, metrics: [{ name: "rocAuc", value: 0.61, higherIsBetter: true, ci: null, judgeable: true, peer: "roc_auc_score" }] },
      drift: {
        columns: [{ column: "age", columnType: "numeric", method: "psi", stattestName: "PSI", score: 0.3, threshold: 0.2, drifted: true, isOutput: false }],
        numberOfColumns: 1,
        numberOfDriftedColumns: 1,
        shareOfDriftedColumns: 1,
        datasetDrift: true,
        driftShare: 0.5,
      },
      fairness: Prisma.JsonNull,
      verdicts: { overall: { light: "red", reason: "r" }, performance: { light: "red", reason: "r" }, drift: { light: "amber", reason: "r" }, fairness: { light: "gray", reason: "r" }, policyVersion: 1 },
      narrative: [],
      schemaVersion: 2,
    },
  });
});

afterAll(async () => {
  await stopQueue();
  resetNotificationWorkers();
  await closeDb();
});

it("runs daily on the queue's scheduler, and a tick runs the check it was given", async () => {
  const ticks: Date[] = [];
  const before = Date.now();
  // A tick already waiting: the worker takes it on its first look.
  await (await getQueue()).send(ACCEPTED_RISK_QUEUE, {});
  await startNotificationWorkers({ acceptedRisks: async (now) => void ticks.push(now) });
  const schedules = await (await getQueue()).getSchedules();
  const mine = schedules.find((s) => s.name === ACCEPTED_RISK_QUEUE) as (PgBoss.Schedule & { timezone?: string }) | undefined;
  expect(mine).toMatchObject({ cron: ACCEPTED_RISK_CRON, timezone: "UTC" });
  const deadline = Date.now() + 20_000;
  while (ticks.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(ticks).toHaveLength(1);
  expect(ticks[0]!.getTime()).toBeGreaterThanOrEqual(before);
});

describe("the daily accepted-risk check", () => {
  const start = Date.now();
  // An ISO timestamp, not a date: it ends at that moment, not at the end of the day.
  const expiresAt = new Date(start + 10 * DAY + 12_345);
  let riskId: string;
  let pendingId: string;

  const notes = async () => {
    const db = await getDb();
    return db.notification.findMany({ where: { workspaceId: ws.id, kind: "accepted_risk_expiring" }, select: { userId: true, title: true, body: true, link: true, dedupeKey: true } });
  };
  const endedEvents = async () => {
    const db = await getDb();
    return db.auditEvent.findMany({ where: { workspaceId: ws.id, action: "accepted_risk.ended" }, select: { subjectId: true, payload: true } });
  };

  it("takes an ISO timestamp as the expiry, to the millisecond", async () => {
    riskId = (
      await runAsUser(ws.users.owner, () =>
        proposeAcceptedRisk(modelId, 1, { checkKind: "drift_column", checkKey: "age", reason: "New stores opened in a college town, so ages moved.", expiresAt: expiresAt.toISOString() }),
      )
    ).id;
    await runAsUser(ws.users.reviewer, () => confirmAcceptedRisk(riskId));
    // A proposal nobody confirmed, ending in three days: it is not announced.
    pendingId = (
      await runAsUser(ws.users.owner, () =>
        proposeAcceptedRisk(modelId, 1, { checkKind: "metric", checkKey: "rocAuc", reason: "Every case is checked by hand this month.", expiresAt: new Date(start + 30 * DAY).toISOString().slice(0, 10) }),
      )
    ).id;
    const db = await getDb();
    expect((await db.acceptedRisk.findUniqueOrThrow({ where: { id: riskId } })).expiresAt.toISOString()).toBe(expiresAt.toISOString());
    // A date means the end of that day, UTC.
    expect((await db.acceptedRisk.findUniqueOrThrow({ where: { id: pendingId } })).expiresAt.toISOString()).toMatch(/T23:59:59\.999Z$/);
  });

  it("says nothing while the end is more than a week away", async () => {
    expect(await runAcceptedRiskDailyCheck(new Date(start + 2 * DAY), { workspaceId: ws.id })).toEqual({ ended: 0, notified: 0 });
    expect(await notes()).toEqual([]);
  });

  it("a week from the end: owners and the confirming reviewer get one note each, once", async () => {
    const at = new Date(expiresAt.getTime() - 6 * DAY);
    expect(await runAcceptedRiskDailyCheck(at, { workspaceId: ws.id })).toEqual({ ended: 0, notified: 2 });
    expect(await runAcceptedRiskDailyCheck(new Date(at.getTime() + DAY), { workspaceId: ws.id })).toEqual({ ended: 0, notified: 0 });
    const got = await notes();
    expect(got.map((n) => n.userId).sort()).toEqual([ws.users.owner, ws.users.reviewer].sort());
    expect(got[0]).toMatchObject({
      title: `An accepted risk of ${modelName} ends on ${expiresAt.toISOString().slice(0, 10)}.`,
      link: `/models/${modelId}/versions/1#accepted-risks`,
      dedupeKey: `accepted_risk_expiring:${riskId}`,
    });
    expect(got[0]!.body).toContain("Change in the column age of version 1 was accepted until then.");
    // Still holding before the end (read at the real time).
    const panel = await runAsUser(ws.users.viewer, () => getAcceptedRisksPanel(modelId, 1));
    expect(panel.risks.find((r) => r.id === riskId)).toMatchObject({ state: "holds" });
  });

  it("at its expiry it is recorded as ended at that moment, with one audit event however often the check runs", async () => {
    const after = new Date(expiresAt.getTime() + 60_000);
    expect(await runAcceptedRiskDailyCheck(new Date(expiresAt.getTime() - 1), { workspaceId: ws.id })).toEqual({ ended: 0, notified: 0 });
    expect(await runAcceptedRiskDailyCheck(after, { workspaceId: ws.id })).toEqual({ ended: 1, notified: 0 });
    expect(await runAcceptedRiskDailyCheck(new Date(after.getTime() + DAY), { workspaceId: ws.id })).toEqual({ ended: 0, notified: 0 });
    const db = await getDb();
    const row = await db.acceptedRisk.findUniqueOrThrow({ where: { id: riskId } });
    expect(row.endedReason).toBe("expired");
    expect(row.endedAt?.toISOString()).toBe(expiresAt.toISOString());
    const events = await endedEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ subjectId: riskId, payload: { reason: "expired", checkKey: "age", expiresAt: expiresAt.toISOString() } });
    // The proposal nobody confirmed is still open (its end is later), and was never announced.
    expect((await db.acceptedRisk.findUniqueOrThrow({ where: { id: pendingId } })).endedAt).toBeNull();
    expect((await notes()).some((n) => n.dedupeKey === `accepted_risk_expiring:${pendingId}`)).toBe(false);
    const panel = await runAsUser(ws.users.viewer, () => getAcceptedRisksPanel(modelId, 1));
    expect(panel.risks.find((r) => r.id === riskId)).toMatchObject({ state: "ended", endedReason: "expired" });
    expect(panel.checks.find((c) => c.checkKey === "age")).toMatchObject({ accepted: null, acceptanceId: null });
  });
});
