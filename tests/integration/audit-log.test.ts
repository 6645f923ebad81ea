// The audit log on both databases: written in order under concurrency, and every kind of tampering
// (done as a superuser would, with the append-only triggers bypassed) is found by the verifier.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { appendAuditEvent, verifyWorkspaceChain } from "@/lib/db/audit";
import type { Db } from "@/lib/prisma/client";
import { openDatabase, type DatabaseConfig, type OpenDatabase } from "@/lib/prisma/connect";
import { migrateDeploy } from "@/prisma/migrate/deploy";

const backends: { name: string; config: () => DatabaseConfig; cleanup?: () => void }[] = [];
const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-audit-"));
backends.push({ name: "PostgreSQL", config: () => ({ kind: "postgres", url: inject("databaseUrl") }) });
backends.push({
  name: "PGlite",
  config: () => ({ kind: "pglite", dir: path.join(pgliteDir, "pglite") }),
  cleanup: () => fs.rmSync(pgliteDir, { recursive: true, force: true }),
});

describe.each(backends)("audit log on $name", ({ config, cleanup }) => {
  let open: OpenDatabase;
  let db: Db;

  beforeAll(async () => {
    const cfg = config();
    if (cfg.kind === "pglite") await migrateDeploy(cfg);
    open = await openDatabase(cfg);
    db = open.prisma;
  });

  afterAll(async () => {
    await open?.close();
    cleanup?.();
  });

  async function chain(events: number): Promise<string> {
    const ws = await db.workspace.create({ data: { name: `Audit ${Math.random().toString(36).slice(2)}` } });
    for (let i = 0; i < events; i++) {
      await db.$transaction((tx) =>
        appendAuditEvent(tx, {
          workspaceId: ws.id,
          actorId: null,
          action: "member.role_changed",
          subjectType: "user",
          subjectId: `user-${i}`,
          payload: { from: "viewer", to: "analyst", n: i, note: "ünïcode ✓" },
        }),
      );
    }
    return ws.id;
  }

  /** What a database superuser can do: switch the triggers off for one transaction. */
  async function asSuperuser(work: (tx: Parameters<Parameters<Db["$transaction"]>[0]>[0]) => Promise<unknown>): Promise<void> {
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
      await work(tx);
    });
  }

  it("verifies an untouched chain", async () => {
    const ws = await chain(6);
    expect(await verifyWorkspaceChain(db, ws)).toMatchObject({ ok: true, events: 6 });
  });

  it("refuses an ordinary UPDATE and DELETE", async () => {
    const ws = await chain(2);
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET "action" = 'x' WHERE "workspaceId" = ${ws}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE "workspaceId" = ${ws}`).rejects.toThrow(/append-only/);
    expect(await verifyWorkspaceChain(db, ws)).toMatchObject({ ok: true, events: 2 });
  });

  it("finds a changed field", async () => {
    const ws = await chain(6);
    await asSuperuser((tx) => tx.$executeRaw`UPDATE "AuditEvent" SET "payload" = '{"from":"viewer","to":"owner"}'::jsonb WHERE "workspaceId" = ${ws} AND "seq" = 4`);
    expect(await verifyWorkspaceChain(db, ws)).toMatchObject({ ok: false, brokenSeq: 4, problem: "hash-mismatch" });
  });

  it("finds a changed subject", async () => {
    const ws = await chain(3);
    await asSuperuser((tx) => tx.$executeRaw`UPDATE "AuditEvent" SET "subjectId" = 'someone-else' WHERE "workspaceId" = ${ws} AND "seq" = 1`);
    expect(await verifyWorkspaceChain(db, ws)).toMatchObject({ ok: false, brokenSeq: 1 });
  });

  it("finds a deleted row", async () => {
    const ws = await chain(6);
    await asSuperuser((tx) => tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "workspaceId" = ${ws} AND "seq" = 3`);
    expect(await verifyWorkspaceChain(db, ws)).toMatchObject({ ok: false, brokenSeq: 3, problem: "gap" });
  });

  it("finds the last row deleted", async () => {
    const ws = await chain(4);
    await asSuperuser((tx) => tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "workspaceId" = ${ws} AND "seq" = 4`);
    expect(await verifyWorkspaceChain(db, ws)).toMatchObject({ ok: false, brokenSeq: 4, problem: "missing-tail" });
  });

  it("finds two swapped rows", async () => {
    const ws = await chain(6);
    await asSuperuser(async (tx) => {
      await tx.$executeRaw`UPDATE "AuditEvent" SET "seq" = 1000000 WHERE "workspaceId" = ${ws} AND "seq" = 2`;
      await tx.$executeRaw`UPDATE "AuditEvent" SET "seq" = 2 WHERE "workspaceId" = ${ws} AND "seq" = 5`;
      await tx.$executeRaw`UPDATE "AuditEvent" SET "seq" = 5 WHERE "workspaceId" = ${ws} AND "seq" = 1000000`;
    });
    expect(await verifyWorkspaceChain(db, ws)).toMatchObject({ ok: false, brokenSeq: 2 });
  });

  it("hands out gapless seq numbers to concurrent writers", async () => {
    const ws = await chain(0);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db.$transaction((tx) =>
          appendAuditEvent(tx, { workspaceId: ws, actorId: null, action: "test.concurrent", subjectType: "test", subjectId: String(i), payload: {} }),
        ),
      ),
    );
    const seqs = (await db.auditEvent.findMany({ where: { workspaceId: ws }, select: { seq: true }, orderBy: { seq: "asc" } })).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await verifyWorkspaceChain(db, ws)).toMatchObject({ ok: true, events: 12 });
  });

  it("writes nothing when the change it records fails", async () => {
    const ws = await chain(1);
    await expect(
      db.$transaction(async (tx) => {
        await appendAuditEvent(tx, { workspaceId: ws, actorId: null, action: "test.rollback", subjectType: "test", subjectId: "x", payload: {} });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEvent.count({ where: { workspaceId: ws } })).toBe(1);
    expect(await verifyWorkspaceChain(db, ws)).toMatchObject({ ok: true, events: 1 });
  });
});
