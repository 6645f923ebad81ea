// The audit log is append-only in the database itself (migration audit_log_append_only): UPDATE, DELETE
// and TRUNCATE on "AuditEvent" are refused on PostgreSQL and on PGlite alike, CHECK constraints guard the
// chain's shape, and `SET session_replication_role = replica` (superuser) bypasses the triggers, which is
// how tamper tests forge a broken chain.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrateDeploy } from "../../prisma/migrate/deploy";

type Row = Record<string, unknown>;

interface Database {
  query(sql: string, params?: unknown[]): Promise<{ rows: Row[]; affectedRows: number }>;
  close(): Promise<void>;
}

/** A database of its own on the test server (tamper tests must not break the shared one's chains). */
async function openPostgres(): Promise<Database> {
  const serverUrl = new URL(inject("databaseUrl"));
  const name = `sightline_triggers_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrateDeploy({ kind: "postgres", url: url.toString() });
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    async query(sql, params = []) {
      const result = await client.query<Row>(sql, params);
      return { rows: result.rows, affectedRows: result.rowCount ?? 0 };
    },
    async close() {
      await client.end();
      await admin.query(`DROP DATABASE ${admin.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function openPglite(): Promise<Database> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-triggers-"));
  const dataDir = path.join(dir, "pglite");
  await migrateDeploy({ kind: "pglite", dir: dataDir });
  const db = await PGlite.create(dataDir);
  return {
    async query(sql, params = []) {
      const result = await db.query<Row>(sql, params);
      return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
    },
    async close() {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const ZEROS = "0".repeat(64);

interface EventRow {
  id: string;
  workspaceId: string;
  seq: number;
  prevHash: string;
  hash: string;
}

async function insertEvent(db: Database, event: EventRow): Promise<void> {
  await db.query(
    `INSERT INTO "AuditEvent" ("id", "workspaceId", "seq", "actorId", "action", "subjectType", "subjectId",
                               "payload", "prevHash", "hash", "createdAt")
     VALUES ($1, $2, $3, NULL, $4, $5, $6, $7::jsonb, $8, $9, $10)`,
    [
      event.id,
      event.workspaceId,
      event.seq,
      "workspace.created",
      "Workspace",
      event.workspaceId,
      JSON.stringify({ note: "integration test" }),
      event.prevHash,
      event.hash,
      new Date("2026-01-01T00:00:00.000Z"),
    ],
  );
}

const backends: Array<[string, () => Promise<Database>]> = [
  ["PostgreSQL", openPostgres],
  ["PGlite", openPglite],
];

describe.each(backends)("AuditEvent on %s", (_name, open) => {
  let db: Database;
  const workspaceId = `ws_${randomUUID()}`;
  const eventId = `ev_${randomUUID()}`;

  beforeAll(async () => {
    db = await open();
    await db.query(`INSERT INTO "Workspace" ("id", "name") VALUES ($1, $2)`, [workspaceId, "Triggers test"]);
    await insertEvent(db, { id: eventId, workspaceId, seq: 1, prevHash: ZEROS, hash: sha256("first") });
  });
  afterAll(async () => {
    await db?.close();
  });

  const action = async () => (await db.query(`SELECT "action" FROM "AuditEvent" WHERE "id" = $1`, [eventId])).rows[0]?.action;

  it("accepts inserts", async () => {
    await insertEvent(db, { id: `ev_${randomUUID()}`, workspaceId, seq: 2, prevHash: sha256("first"), hash: sha256("second") });
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "workspaceId" = $1`, [workspaceId]);
    expect(rows[0]?.n).toBe(2);
  });

  it("refuses UPDATE", async () => {
    await expect(db.query(`UPDATE "AuditEvent" SET "action" = $1 WHERE "id" = $2`, ["forged", eventId])).rejects.toThrow(
      "AuditEvent is append-only: UPDATE is not allowed",
    );
    expect(await action()).toBe("workspace.created");
  });

  it("refuses DELETE", async () => {
    await expect(db.query(`DELETE FROM "AuditEvent" WHERE "id" = $1`, [eventId])).rejects.toThrow(
      "AuditEvent is append-only: DELETE is not allowed",
    );
    expect(await action()).toBe("workspace.created");
  });

  it("refuses TRUNCATE", async () => {
    await expect(db.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow("AuditEvent is append-only: TRUNCATE is not allowed");
    expect(await action()).toBe("workspace.created");
  });

  it("refuses rows that break the chain's shape", async () => {
    const base = { workspaceId, prevHash: ZEROS, hash: sha256("x") };
    await expect(insertEvent(db, { ...base, id: `ev_${randomUUID()}`, seq: 0 })).rejects.toThrow(/AuditEvent_seq_check/);
    await expect(
      insertEvent(db, { ...base, id: `ev_${randomUUID()}`, seq: 10, hash: sha256("x").toUpperCase() }),
    ).rejects.toThrow(/AuditEvent_hash_check/);
    await expect(insertEvent(db, { ...base, id: `ev_${randomUUID()}`, seq: 11, prevHash: "abc" })).rejects.toThrow(
      /AuditEvent_prevHash_check/,
    );
  });

  it("lets a superuser bypass the triggers with session_replication_role = replica", async () => {
    await db.query("SET session_replication_role = replica");
    try {
      const result = await db.query(`UPDATE "AuditEvent" SET "action" = $1 WHERE "id" = $2`, ["tampered", eventId]);
      expect(result.affectedRows).toBe(1);
    } finally {
      await db.query("RESET session_replication_role");
    }
    expect(await action()).toBe("tampered");
    await expect(db.query(`UPDATE "AuditEvent" SET "action" = $1 WHERE "id" = $2`, ["again", eventId])).rejects.toThrow(
      "AuditEvent is append-only: UPDATE is not allowed",
    );
  });
});
