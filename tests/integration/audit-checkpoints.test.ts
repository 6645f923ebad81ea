// Signed checkpoints of the audit chain's head on PostgreSQL: tampering that the hash chain alone cannot see (a
// rewritten and rehashed chain, a cut tail with the counter decremented) is caught against the latest checkpoint.
// Tampering is forged as a database superuser would, with the append-only triggers bypassed.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { appendAuditEvent, verifyWorkspaceChain, verifyWorkspaceLog } from "@/lib/db/audit";
import { checkAgainstLatestCheckpoint, describeCheckpointStatus, writeCheckpoint } from "@/lib/db/audit-checkpoints";
import { auditHash, type JsonValue } from "@/lib/governance/audit-chain";
import { generateSigningKey, parseSigningKey, signCheckpoint, SIGNING_KEY_ENV } from "@/lib/governance/audit-checkpoint";
import type { Db, Tx } from "@/lib/prisma/client";
import { openDatabase, type OpenDatabase } from "@/lib/prisma/connect";

const privateKey = generateSigningKey().privateKey;
const key = parseSigningKey(privateKey);

describe("audit checkpoints on PostgreSQL", () => {
  let open: OpenDatabase;
  let db: Db;
  const savedKey = process.env[SIGNING_KEY_ENV];

  beforeAll(async () => {
    open = await openDatabase({ kind: "postgres", url: inject("databaseUrl") });
    db = open.prisma;
    process.env[SIGNING_KEY_ENV] = privateKey;
  });

  afterAll(async () => {
    if (savedKey === undefined) delete process.env[SIGNING_KEY_ENV];
    else process.env[SIGNING_KEY_ENV] = savedKey;
    await open?.close();
  });

  async function chain(events: number): Promise<string> {
    const ws = await db.workspace.create({ data: { name: `Checkpoints ${Math.random().toString(36).slice(2)}` } });
    await append(ws.id, events);
    return ws.id;
  }

  async function append(workspaceId: string, events: number): Promise<void> {
    for (let i = 0; i < events; i++) {
      await db.$transaction((tx) =>
        appendAuditEvent(tx, { workspaceId, actorId: null, action: "member.role_changed", subjectType: "user", subjectId: `user-${i}`, payload: { from: "viewer", to: "analyst", n: i } }),
      );
    }
  }

  async function asSuperuser(work: (tx: Tx) => Promise<unknown>): Promise<void> {
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
      await work(tx);
    });
  }

  /** Changes event `seq`'s payload and recomputes every hash from there on, as someone with database access could. */
  async function rewriteAndRehash(workspaceId: string, seq: number, payload: JsonValue): Promise<void> {
    await asSuperuser(async (tx) => {
      const rows = await tx.auditEvent.findMany({ where: { workspaceId }, orderBy: { seq: "asc" } });
      let prevHash = rows[0]!.prevHash;
      for (const row of rows) {
        const fields = {
          seq: row.seq,
          workspaceId,
          actorId: row.actorId,
          action: row.action,
          subjectType: row.subjectType,
          subjectId: row.subjectId,
          payload: row.seq === seq ? payload : (row.payload as JsonValue),
          createdAt: row.createdAt.toISOString(),
        };
        const hash = auditHash(prevHash, fields);
        if (row.seq >= seq) {
          await tx.$executeRaw`UPDATE "AuditEvent" SET "payload" = ${JSON.stringify(fields.payload)}::jsonb, "prevHash" = ${prevHash}, "hash" = ${hash} WHERE "id" = ${row.id}`;
        }
        prevHash = hash;
      }
    });
  }

  it("writes a checkpoint of the head, skips an unchanged head, and an intact chain passes", async () => {
    const ws = await chain(5);
    expect(await writeCheckpoint(db, ws)).toMatchObject({ written: true, seq: 5, keyId: key.keyId });
    expect(await writeCheckpoint(db, ws)).toMatchObject({ written: false, reason: "unchanged", seq: 5 });
    await append(ws, 2);
    const verdict = await verifyWorkspaceLog(db, ws);
    expect(verdict.chain).toMatchObject({ ok: true, events: 7 });
    expect(verdict.checkpoint).toMatchObject({ state: "verified", checkpoint: { seq: 5, keyId: key.keyId }, trustedStoredKey: false });
    expect(await writeCheckpoint(db, ws)).toMatchObject({ written: true, seq: 7 });
    expect(await checkAgainstLatestCheckpoint(db, ws)).toMatchObject({ state: "verified", checkpoint: { seq: 7 } });
  });

  it("writes inside the caller's transaction", async () => {
    const ws = await chain(1);
    await db.$transaction(async (tx) => {
      await appendAuditEvent(tx, { workspaceId: ws, actorId: null, action: "test.sign_off", subjectType: "test", subjectId: "x", payload: {} });
      expect(await writeCheckpoint(tx, ws)).toMatchObject({ written: true, seq: 2 });
    });
    expect(await checkAgainstLatestCheckpoint(db, ws)).toMatchObject({ state: "verified", checkpoint: { seq: 2 } });
  });

  it("detects a rewritten and rehashed chain that the plain chain check accepts", async () => {
    const ws = await chain(6);
    await writeCheckpoint(db, ws);
    await rewriteAndRehash(ws, 3, { from: "viewer", to: "owner", n: 2 });
    expect(await verifyWorkspaceChain(db, ws)).toMatchObject({ ok: true, events: 6 });
    const verdict = await verifyWorkspaceLog(db, ws);
    expect(verdict.checkpoint).toMatchObject({ state: "tampered", problem: "head-rewritten", checkpoint: { seq: 6 } });
    // A rewritten chain is not signed again, even after new events.
    await append(ws, 1);
    expect(await writeCheckpoint(db, ws)).toMatchObject({ written: false, reason: "chain-broken" });
  });

  it("detects a cut tail with the counter decremented", async () => {
    const ws = await chain(6);
    await writeCheckpoint(db, ws);
    await asSuperuser(async (tx) => {
      await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "workspaceId" = ${ws} AND "seq" >= 5`;
      await tx.$executeRaw`UPDATE "Workspace" SET "auditSeq" = 4 WHERE "id" = ${ws}`;
    });
    expect(await verifyWorkspaceChain(db, ws)).toMatchObject({ ok: true, events: 4 });
    expect((await verifyWorkspaceLog(db, ws)).checkpoint).toMatchObject({ state: "tampered", problem: "head-missing", checkpoint: { seq: 6 } });
    expect(await writeCheckpoint(db, ws)).toMatchObject({ written: false, reason: "chain-broken" });
  });

  it("reports a checkpoint whose signature does not verify as tampering", async () => {
    const ws = await chain(3);
    await writeCheckpoint(db, ws);
    const forger = parseSigningKey(generateSigningKey().privateKey);
    const forged = signCheckpoint({ workspaceId: ws, seq: 3, headHash: "f".repeat(64), createdAt: new Date().toISOString() }, forger);
    // Claims the configured key, but the signature is the forger's.
    await db.auditCheckpoint.create({ data: { ...forged, publicKey: key.publicKey, keyId: key.keyId, createdAt: new Date(Date.now() + 1000) } });
    const status = await checkAgainstLatestCheckpoint(db, ws);
    expect(status).toMatchObject({ state: "tampered", problem: "bad-signature" });
  });

  it("refuses UPDATE and DELETE of checkpoints", async () => {
    const ws = await chain(1);
    await writeCheckpoint(db, ws);
    await expect(db.$executeRaw`UPDATE "AuditCheckpoint" SET "seq" = 2 WHERE "workspaceId" = ${ws}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AuditCheckpoint" WHERE "workspaceId" = ${ws}`).rejects.toThrow(/append-only/);
  });

  it("without a key writes nothing and says so; with only the stored public key it still verifies", async () => {
    const ws = await chain(2);
    await writeCheckpoint(db, ws);
    delete process.env[SIGNING_KEY_ENV];
    try {
      expect(await writeCheckpoint(db, ws)).toMatchObject({ written: false, reason: "no-key" });
      const status = await checkAgainstLatestCheckpoint(db, ws);
      expect(status).toMatchObject({ state: "verified", trustedStoredKey: true });
      expect(describeCheckpointStatus(status)).toContain("no signing key is set, so the log's head is not signed");
      const empty = await chain(1);
      const none = await checkAgainstLatestCheckpoint(db, empty);
      expect(none).toMatchObject({ state: "none", key: { state: "missing" } });
      expect(describeCheckpointStatus(none)).toBe(
        "no signing key is set, so the log's head is not signed; set SIGHTLINE_AUDIT_SIGNING_KEY (see README)",
      );
    } finally {
      process.env[SIGNING_KEY_ENV] = privateKey;
    }
  });
});
