// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm) and runs one engine
// session against a driver adapter. The native engine cannot be downloaded here; this is the same engine.
// See SETUP-NOTES "Prisma without its native engine".
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

export type { SchemaEngine };

declare global {
  // The wasm glue reports Rust panics through this global (the Prisma CLI installs the same hook).
  var PRISMA_WASM_PANIC_REGISTRY: { set_message(message: string): void } | undefined;
}

let lastPanic: string | null = null;
const panicRegistry = {
  set_message(message: string) {
    lastPanic = message;
    process.stderr.write(`The Prisma schema engine crashed: ${message}\n`);
  },
};
let savedPanicRegistry: typeof globalThis.PRISMA_WASM_PANIC_REGISTRY;
let loading: Promise<void> | null = null;

// The engine arms timers (timeouts it races against I/O) that outlive its calls and would keep Node alive for
// up to a minute after the work is done. We track them and clear them once no engine session is open.
const timers = new Set<NodeJS.Timeout>();
let openSessions = 0;

function trackedSetTimeout(callback: () => void, ms: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    timers.delete(timer);
    callback();
  }, ms >>> 0);
  timers.add(timer);
  return timer;
}

function wasmImports(): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...glue };
  const names = Object.keys(imports).filter((name) => name.startsWith("__wbg_setTimeout_"));
  if (names.length === 0) throw new Error("@prisma/schema-engine-wasm glue has no setTimeout import; prisma/migrate/engine.ts needs an update.");
  for (const name of names) imports[name] = trackedSetTimeout;
  return imports;
}

/** Instantiates the wasm module once per process. */
function loadWasm(): Promise<void> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bytes = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": wasmImports() });
    glue.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start !== "function") {
      throw new Error("@prisma/schema-engine-wasm has no __wbindgen_start export: is the installed version the one for prisma 7.10.0?");
    }
    (start as () => void)();
  })();
  return loading;
}

/** An error from the schema engine, with adapter errors ("External error id#N") replaced by their real message. */
export class MigrationEngineError extends Error {
  /** Prisma error code (P3009...), when the engine gave one. */
  readonly code: string | undefined;
  /** The migration that failed to apply, when the error came from applying one. */
  readonly migration: string | undefined;
  constructor(message: string, code: string | undefined, migration: string | undefined, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationEngineError";
    this.code = code;
    this.migration = migration;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string") {
    return error.message;
  }
  return String(error);
}

/** Turns whatever the engine threw into a MigrationEngineError carrying the real database error. */
export function engineError(error: unknown, registry: ErrorRegistry): MigrationEngineError {
  const raw = describe(error).replace(/External error id#(\d+)/g, (match, id: string) => {
    const record = registry.consumeError(Number(id));
    return record ? describe(record.error) : match;
  });
  // The engine appends a span trace ("   0: sql_schema_connector::... at file.rs:113"); keep what it names.
  const traceStart = raw.search(/\n\s*0: \S+::/);
  const trace = traceStart >= 0 ? raw.slice(traceStart) : "";
  const migration = /migration_name="([^"]+)"/.exec(trace)?.[1];
  let message = (traceStart >= 0 ? raw.slice(0, traceStart) : raw).replace(/^external connector error\s*/i, "").trim();
  if (migration) message = `Migration \`${migration}\` failed to apply: ${message}`;
  const code =
    typeof error === "object" && error !== null && "code" in error && typeof error.code === "string"
      ? error.code
      : undefined;
  const panic = lastPanic;
  lastPanic = null;
  if (panic && !message.includes(panic)) message = `${message} (engine panic: ${panic})`;
  return new MigrationEngineError(message, code, migration, { cause: error });
}

/** A command decided to stop (drift, data loss...); its message is final and passes through unchanged. */
export class MigrateRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrateRefusal";
  }
}

export interface SchemaFile {
  path: string;
  content: string;
}

/**
 * Opens one engine on the given adapter factory, runs `fn`, and frees the engine. Errors thrown by engine
 * calls inside `fn` come out as MigrationEngineError with the real adapter error in the message.
 */
export async function withSchemaEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schema: SchemaFile,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const log = (line: string) => {
    if (process.env.SIGHTLINE_MIGRATE_DEBUG) process.stderr.write(`[schema-engine] ${line}\n`);
  };
  let engine: SchemaEngine;
  // @prisma/client installs a registry that throws from inside wasm; ours records and reports the message.
  if (openSessions === 0) {
    savedPanicRegistry = globalThis.PRISMA_WASM_PANIC_REGISTRY;
    globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
  }
  openSessions++;
  try {
    engine = await glue.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, log, bound);
  } catch (error) {
    endSession();
    throw engineError(error, bound.errorRegistry);
  }
  try {
    return await fn(engine);
  } catch (error) {
    if (error instanceof MigrationEngineError || error instanceof MigrateRefusal) throw error;
    throw engineError(error, bound.errorRegistry);
  } finally {
    engine.free();
    endSession();
  }
}

function endSession(): void {
  openSessions--;
  if (openSessions > 0) return;
  globalThis.PRISMA_WASM_PANIC_REGISTRY = savedPanicRegistry;
  for (const timer of timers) clearTimeout(timer);
  timers.clear();
}
