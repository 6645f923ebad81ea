// Driver adapters for the schema engine, with two fixes over the stock adapters:
//  1. executeScript runs a migration script as one simple-protocol query and awaits it. The stock
//     @prisma/adapter-pg splits scripts on ";" (breaking plpgsql bodies), and pglite-prisma-adapter 0.7.2
//     does not await PGlite's exec (a failing migration is recorded as applied and the error escapes as an
//     unhandled rejection).
//  2. connectToShadowDb gives a real, separate shadow database: a fresh in-memory PGlite, or a temporary
//     database on the same PostgreSQL server (adapter-pg given a connection string would use the real one).
//  3. On PostgreSQL, columns of type "char" (OID 18) in the engine's catalog queries are reported as text
//     (adapter-pg cannot deserialize them).
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openAdapter, type DatabaseConfig } from "../../lib/prisma/connect";

/** Database errors (pg and PGlite share the shape) become DriverAdapterErrors, so the engine reports them. */
function toAdapterError(error: unknown): unknown {
  if (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    typeof error.code === "string" &&
    "severity" in error &&
    typeof error.severity === "string" &&
    "message" in error &&
    typeof error.message === "string"
  ) {
    const field = (key: "detail" | "column" | "hint"): string | undefined => {
      const value: unknown = Reflect.get(error, key);
      return typeof value === "string" ? value : undefined;
    };
    return new DriverAdapterError({
      kind: "postgres",
      code: error.code,
      severity: error.severity,
      message: error.message,
      detail: field("detail"),
      column: field("column"),
      hint: field("hint"),
    });
  }
  return error;
}

interface Overrides {
  runScript: (script: string) => Promise<void>;
  /** Adjusts every result set (of the adapter and of its transactions). */
  fixResult?: (result: SqlResultSet) => SqlResultSet;
  /** Runs after the inner adapter is disposed. */
  cleanup?: () => Promise<void>;
}

function wrapTransaction(inner: Transaction, fix: (result: SqlResultSet) => SqlResultSet): Transaction {
  const tx: Transaction = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    options: inner.options,
    queryRaw: async (query) => fix(await inner.queryRaw(query)),
    executeRaw: (query) => inner.executeRaw(query),
    commit: () => inner.commit(),
    rollback: () => inner.rollback(),
  };
  const { createSavepoint, rollbackToSavepoint, releaseSavepoint } = inner;
  if (createSavepoint) tx.createSavepoint = createSavepoint.bind(inner);
  if (rollbackToSavepoint) tx.rollbackToSavepoint = rollbackToSavepoint.bind(inner);
  if (releaseSavepoint) tx.releaseSavepoint = releaseSavepoint.bind(inner);
  return tx;
}

/** Delegates to `inner`, replacing executeScript, fixing result sets and adding cleanup to dispose (once). */
function wrapAdapter(inner: SqlDriverAdapter, { runScript, fixResult, cleanup }: Overrides): SqlDriverAdapter {
  let disposed: Promise<void> | null = null;
  const fix = fixResult ?? ((result: SqlResultSet) => result);
  const adapter: SqlDriverAdapter = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: async (query) => fix(await inner.queryRaw(query)),
    executeRaw: (query) => inner.executeRaw(query),
    startTransaction: async (isolationLevel) =>
      fixResult ? wrapTransaction(await inner.startTransaction(isolationLevel), fixResult) : inner.startTransaction(isolationLevel),
    executeScript: async (script) => {
      try {
        await runScript(script);
      } catch (error) {
        throw toAdapterError(error);
      }
    },
    dispose: () => {
      disposed ??= (async () => {
        try {
          await inner.dispose();
        } finally {
          await cleanup?.();
        }
      })();
      return disposed;
    },
  };
  const info = inner.getConnectionInfo?.bind(inner);
  if (info) adapter.getConnectionInfo = info;
  return adapter;
}

/** Runs one statement on a fresh connection (CREATE/DROP DATABASE cannot run inside a transaction or a pool). */
async function adminQuery(url: string, statement: (client: pg.Client) => string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement(client));
  } finally {
    await client.end();
  }
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
/** Result rows (the array adapter-pg hands back unchanged) -> indexes of their "char" columns. */
const charColumns = new WeakMap<object, number[]>();

function relabelCharColumns(result: unknown): void {
  if (typeof result !== "object" || result === null) return;
  const fields: unknown = Reflect.get(result, "fields");
  const rows: unknown = Reflect.get(result, "rows");
  if (!Array.isArray(fields) || !Array.isArray(rows)) return;
  const indexes: number[] = [];
  fields.forEach((field: unknown, index) => {
    if (typeof field === "object" && field !== null && Reflect.get(field, "dataTypeID") === PG_CHAR_OID) {
      Reflect.set(field, "dataTypeID", PG_TEXT_OID);
      indexes.push(index);
    }
  });
  if (indexes.length > 0) charColumns.set(rows, indexes);
}

function charColumnsAsCharacter(result: SqlResultSet): SqlResultSet {
  const indexes = charColumns.get(result.rows);
  if (!indexes) return result;
  const columnTypes = [...result.columnTypes];
  for (const index of indexes) columnTypes[index] = ColumnTypeEnum.Character;
  return { ...result, columnTypes };
}

/**
 * @prisma/adapter-pg rejects columns of PostgreSQL's one-byte `"char"` type (OID 18), which the engine's
 * catalog queries select (relkind, contype, ...): "Column type 'char' could not be deserialized". Every
 * client of this pool relabels them as text so the adapter accepts them (values are one-character strings
 * either way) and remembers which they were; charColumnsAsCharacter then reports them as Character, as
 * pglite-prisma-adapter does (the engine reads contype as a char).
 */
function reportCharAsText(client: pg.PoolClient): void {
  const original: unknown = Reflect.get(client, "query");
  if (typeof original !== "function") return;
  Reflect.set(client, "query", (...args: unknown[]): unknown => {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        if (!error) relabelCharColumns(result);
        return Reflect.apply(last, undefined, [error, result]);
      };
      return Reflect.apply(original, client, args);
    }
    const out: unknown = Reflect.apply(original, client, args);
    return out instanceof Promise
      ? out.then((result: unknown) => {
          relabelCharColumns(result);
          return result;
        })
      : out;
  });
}

async function connectPostgres(url: string, cleanup?: () => Promise<void>): Promise<SqlDriverAdapter> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on("connect", reportCharAsText);
  const inner = await new PrismaPg(pool).connect();
  return wrapAdapter(inner, {
    runScript: async (script) => void (await pool.query(script)),
    fixResult: charColumnsAsCharacter,
    cleanup: async () => {
      try {
        await pool.end();
      } finally {
        await cleanup?.();
      }
    },
  });
}

export interface MigrationConnection {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Disposes every adapter handed out (main and shadow), then closes the database. */
  close(): Promise<void>;
}

/** Opens the configured database for the schema engine (PGlite's one-process lock included, via openAdapter). */
export async function openMigrationConnection(config: DatabaseConfig): Promise<MigrationConnection> {
  const handedOut: SqlDriverAdapter[] = [];
  const track = (adapter: SqlDriverAdapter) => {
    handedOut.push(adapter);
    return adapter;
  };

  let connect: () => Promise<SqlDriverAdapter>;
  let connectToShadowDb: () => Promise<SqlDriverAdapter>;

  let provider: SqlMigrationAwareDriverAdapterFactory["provider"] = "postgres";
  let adapterName = "@prisma/adapter-pg";
  let closeDatabase = async () => {};

  if (config.kind === "pglite") {
    const opened = await openAdapter(config); // claims the data directory (one process at a time)
    provider = opened.adapter.provider;
    adapterName = opened.adapter.adapterName;
    closeDatabase = opened.close;
    const client: unknown = Reflect.get(opened.adapter, "client");
    if (!(client instanceof PGlite)) {
      await opened.close();
      throw new Error("pglite-prisma-adapter no longer exposes its PGlite client; prisma/migrate/adapter.ts needs an update.");
    }
    connect = async () => {
      const inner = await opened.adapter.connect();
      return track(wrapAdapter(inner, { runScript: async (script) => void (await client.exec(script)) }));
    };
    connectToShadowDb = async () => {
      const shadow = await PGlite.create();
      const inner = await new PrismaPGlite(shadow).connect();
      return track(
        wrapAdapter(inner, { runScript: async (script) => void (await shadow.exec(script)), cleanup: () => shadow.close() }),
      );
    };
  } else {
    const url = config.url;
    connect = async () => track(await connectPostgres(url));
    connectToShadowDb = async () => {
      const name = `sightline_shadow_${randomBytes(6).toString("hex")}`;
      await adminQuery(url, (client) => `CREATE DATABASE ${client.escapeIdentifier(name)}`);
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      return track(
        await connectPostgres(shadowUrl.toString(), () =>
          adminQuery(url, (client) => `DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
        ),
      );
    };
  }

  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider,
    adapterName,
    connect,
    connectToShadowDb,
  };

  return {
    factory,
    close: async () => {
      const errors: unknown[] = [];
      for (const adapter of handedOut.splice(0)) {
        await adapter.dispose().catch((error: unknown) => errors.push(error));
      }
      await closeDatabase().catch((error: unknown) => errors.push(error));
      if (errors.length > 0) throw errors[0];
    },
  };
}
