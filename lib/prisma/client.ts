// The one Prisma client of the server process (and of a CLI command or test process).
import "server-only";
import { openDatabase, type OpenDatabase, type SqlExecutor } from "./connect";
import type { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { sightlineDb?: Promise<OpenDatabase> };

/** Opens the configured database on first use and returns the shared client. */
export async function getDb(): Promise<Db> {
  globalForDb.sightlineDb ??= openDatabase().catch((error: unknown) => {
    globalForDb.sightlineDb = undefined;
    throw error;
  });
  return (await globalForDb.sightlineDb).prisma;
}

/** How the job queue reaches the same database: PGlite's own connection, or PostgreSQL's URL. */
export async function getQueueConnection(): Promise<{ kind: "pglite"; sql: SqlExecutor } | { kind: "postgres"; url: string }> {
  await getDb();
  const open = await globalForDb.sightlineDb!;
  if (open.config.kind === "postgres") return { kind: "postgres", url: open.config.url };
  if (!open.sql) throw new Error("The embedded database has no SQL connection for the job queue.");
  return { kind: "pglite", sql: open.sql };
}

/** Closes the shared client (CLI commands and tests call this before exiting). */
export async function closeDb(): Promise<void> {
  const open = globalForDb.sightlineDb;
  globalForDb.sightlineDb = undefined;
  if (open) await (await open).close();
}
