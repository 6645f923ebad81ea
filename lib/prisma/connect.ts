// Opens the database for any process: the Next server, the CLI commands, the seed and the tests.
// Embedded default: PGlite in a directory (one process at a time). Production: PostgreSQL via DATABASE_URL.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";

export type DatabaseConfig =
  | { kind: "pglite"; dir: string }
  | { kind: "postgres"; url: string };

/** Where the data lives: `DATABASE_URL` (postgres://...) wins, else PGlite in `$SIGHTLINE_DATA_DIR/pglite` (default `data/pglite`). */
export function databaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  if (url) {
    throw new Error(
      `DATABASE_URL must start with postgres:// or postgresql:// (got "${url.split(":")[0]}:..."). ` +
        "Unset it to use the embedded database in data/pglite.",
    );
  }
  return { kind: "pglite", dir: path.join(/*turbopackIgnore: true*/ dataDir(env), "pglite") };
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.SIGHTLINE_DATA_DIR?.trim() || "data");
}

export class DatabaseBusyError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is open in another process (pid ${pid}), probably the Sightline server. ` +
        "PGlite allows one process at a time: stop that process first (Ctrl+C in its terminal), then run this command again.",
    );
    this.name = "DatabaseBusyError";
  }
}

const LOCK_FILE = ".sightline-owner.pid";

/** Whether a process with this id runs on this host (used for stale locks and stale job holders). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Claims a PGlite directory for this process; throws DatabaseBusyError when a live process holds it. */
function claimPglite(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
      return () => {
        try {
          if (fs.readFileSync(lock, "utf8") === String(process.pid)) fs.unlinkSync(lock);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(fs.readFileSync(lock, "utf8"), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
        throw new DatabaseBusyError(dir, holder);
      }
      fs.rmSync(lock, { force: true }); // stale lock of a process that died
    }
  }
  throw new Error(`Could not claim the embedded database in ${dir}.`);
}

/** Plain SQL for the job queue (pg-boss's `db.executeSql` adapter): the same embedded database, or none on PostgreSQL. */
export interface SqlExecutor {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface OpenAdapter {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** PGlite only: the embedded database's own connection, for the job queue (PostgreSQL gives it a pool instead) */
  sql: SqlExecutor | null;
  close(): Promise<void>;
}

/** pg-boss sends several statements at once without parameters (its schema), one statement with them otherwise. */
function pgliteExecutor(pglite: PGlite): SqlExecutor {
  return {
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return pglite.query(text, values);
    },
  };
}

/** A driver adapter factory for the configured database (also used by the migration command). */
export async function openAdapter(config: DatabaseConfig = databaseConfig()): Promise<OpenAdapter> {
  if (config.kind === "postgres") {
    return { adapter: new PrismaPg({ connectionString: config.url }), sql: null, close: async () => {} };
  }
  const release = claimPglite(config.dir);
  try {
    const pglite = await PGlite.create(config.dir);
    return {
      adapter: new PrismaPGlite(pglite),
      sql: pgliteExecutor(pglite),
      close: async () => {
        try {
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export interface OpenDatabase {
  prisma: PrismaClient;
  config: DatabaseConfig;
  /** PGlite only (see OpenAdapter.sql) */
  sql: SqlExecutor | null;
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig = databaseConfig()): Promise<OpenDatabase> {
  const { adapter, sql, close } = await openAdapter(config);
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    config,
    sql,
    close: async () => {
      await prisma.$disconnect();
      await close();
    },
  };
}
