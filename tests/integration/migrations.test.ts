// Our migration command (prisma/migrate) builds the same schema on PostgreSQL and on PGlite, records both
// migrations in _prisma_migrations, and applies nothing the second time.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrateDeploy } from "../../prisma/migrate/deploy";
import { defaultPaths, readMigrations } from "../../prisma/migrate/files";

const SCHEMA_TABLES = [
  "Workspace",
  "User",
  "Membership",
  "Invitation",
  "Model",
  "Policy",
  "ModelVersion",
  "Dataset",
  "Window",
  "Snapshot",
  "Review",
  "AuditEvent",
  "ApiToken",
  "Job",
];

const migrationNames = readMigrations(defaultPaths.migrationsDir).migrationDirectories.map((d) => d.path);

const TABLES_SQL = `
  SELECT table_name::text AS name
  FROM information_schema.tables
  WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;

const COLUMNS_SQL = `
  SELECT table_name::text AS "table", column_name::text AS "column", data_type::text AS "type",
         is_nullable::text AS "nullable", coalesce(column_default, '')::text AS "default"
  FROM information_schema.columns
  WHERE table_schema = 'public'`;

type Row = Record<string, unknown>;

/** Rows as sorted "a|b|c" strings, so PostgreSQL and PGlite answers compare regardless of order. */
function lines(rows: Row[]): string[] {
  return rows.map((row) => Object.values(row).map(String).join("|")).sort();
}

describe("migrations on PostgreSQL", () => {
  const url = inject("databaseUrl");
  let client: pg.Client;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  it("the migrations folder has the initial and the audit-log migrations", () => {
    expect(migrationNames.some((name) => name.endsWith("_init"))).toBe(true);
    expect(migrationNames.some((name) => name.endsWith("_audit_log_append_only"))).toBe(true);
  });

  it("created every table of the schema", async () => {
    const { rows } = await client.query<{ name: string }>(TABLES_SQL);
    const tables = rows.map((row) => row.name);
    expect(tables).toEqual(expect.arrayContaining([...SCHEMA_TABLES, "_prisma_migrations"]));
  });

  it("recorded every migration as finished in _prisma_migrations", async () => {
    const { rows } = await client.query<{ name: string; finished: boolean; rolledBack: boolean }>(
      `SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS "rolledBack"
       FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.name)).toEqual(migrationNames);
    expect(rows.every((row) => row.finished && !row.rolledBack)).toBe(true);
  });

  it("applies nothing when deployed again", async () => {
    await expect(migrateDeploy({ kind: "postgres", url })).resolves.toEqual([]);
    const { rows } = await client.query<{ count: number }>("SELECT count(*)::int AS count FROM _prisma_migrations");
    expect(rows[0]?.count).toBe(migrationNames.length);
  });
});

describe("migrations on PGlite", () => {
  const url = inject("databaseUrl");
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-migrations-"));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("deploys every migration to a fresh data directory, then nothing", async () => {
    const config = { kind: "pglite" as const, dir: path.join(dir, "pglite") };
    await expect(migrateDeploy(config)).resolves.toEqual(migrationNames);
    await expect(migrateDeploy(config)).resolves.toEqual([]);
  });

  it("builds the same tables and columns as on PostgreSQL", async () => {
    const db = await PGlite.create(path.join(dir, "pglite"));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const [liteTables, pgTables, liteColumns, pgColumns] = await Promise.all([
        db.query<Row>(TABLES_SQL),
        client.query<Row>(TABLES_SQL),
        db.query<Row>(COLUMNS_SQL),
        client.query<Row>(COLUMNS_SQL),
      ]);
      expect(lines(liteTables.rows)).toEqual(lines(pgTables.rows));
      expect(lines(liteTables.rows)).toEqual(expect.arrayContaining(SCHEMA_TABLES));
      expect(lines(liteColumns.rows)).toEqual(lines(pgColumns.rows));
      const migrations = await db.query<{ name: string }>(
        "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name",
      );
      expect(migrations.rows.map((row) => row.name)).toEqual(migrationNames);
    } finally {
      await client.end();
      await db.close();
    }
  });
});
