// Sightline's migration command, on Prisma's schema engine compiled to WebAssembly (the native engine
// cannot be downloaded here). Same migration folders and _prisma_migrations table as `prisma migrate`.
//
//   tsx prisma/migrate.ts deploy                        apply pending migrations (npm run db:migrate)
//   tsx prisma/migrate.ts dev --name X [--create-only]  new migration from schema.prisma, then apply it
//                        [--accept-data-loss]
//   tsx prisma/migrate.ts status                        applied vs. pending (exit 1 when not up to date)
//   tsx prisma/migrate.ts resolve --rolled-back X       after fixing a migration that failed
//   tsx prisma/migrate.ts resolve --applied X           after applying a migration by hand
//
// Database: DATABASE_URL (postgres://...) or the embedded PGlite in $SIGHTLINE_DATA_DIR/pglite (data/pglite).
import path from "node:path";
import { parseArgs } from "node:util";
import { databaseConfig, DatabaseBusyError, type DatabaseConfig } from "../lib/prisma/connect";
import { migrateDeploy } from "./migrate/deploy";
import { migrateDev } from "./migrate/dev";
import { MigrateRefusal, MigrationEngineError } from "./migrate/engine";
import { migrateResolve, migrateStatus } from "./migrate/status";

const USAGE =
  "Usage: tsx prisma/migrate.ts deploy | dev --name <name> [--create-only] [--accept-data-loss] | status | " +
  "resolve (--rolled-back <name> | --applied <name>)";

class UsageError extends Error {}

function where(config: DatabaseConfig): string {
  if (config.kind === "pglite") return `the embedded database in ${path.relative(process.cwd(), config.dir) || "."}`;
  const url = new URL(config.url);
  return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
}

/** What to do next, by Prisma error code; the engine's message already says what went wrong. */
function advice(error: unknown): string {
  if (error instanceof MigrateRefusal || error instanceof DatabaseBusyError || error instanceof UsageError) return "";
  const code = error instanceof MigrationEngineError ? error.code : undefined;
  if (error instanceof MigrationEngineError && error.migration) {
    return (
      "The script ran in one transaction, so the database is as it was before it (unless the script has its own COMMIT). " +
      `Fix that migration.sql, run \`tsx prisma/migrate.ts resolve --rolled-back ${error.migration}\`, then deploy again.`
    );
  }
  if (typeof error === "object" && error !== null && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    return USAGE;
  }
  if (!code && /reach database server|Database `[^`]*` does not exist|authentication failed|ECONNREFUSED/i.test(String(error))) {
    return "Check that PostgreSQL is running and that DATABASE_URL (host, port, user, database name) is right; create the database first if it does not exist.";
  }
  switch (code) {
    case "P3009":
    case "P3018":
      return (
        "A migration script runs in one transaction, so the failed one left no partial changes. Fix its migration.sql " +
        "(or the data it tripped on), run `tsx prisma/migrate.ts resolve --rolled-back <migration name>`, then deploy again."
      );
    case "P3005":
      return "The database already has tables that no migration created: point DATABASE_URL at an empty database (or at the one these migrations built).";
    case "P3006":
      return "A migration does not apply cleanly to an empty database; fix the SQL of the migration named above.";
    case "P1001":
    case "P1000":
    case "P1003":
      return "Check that PostgreSQL is running and that DATABASE_URL (host, port, user, database name) is right.";
    default:
      return "Fix the cause above and run the command again (SIGHTLINE_MIGRATE_DEBUG=1 shows the schema engine's log).";
  }
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      "create-only": { type: "boolean" },
      "accept-data-loss": { type: "boolean" },
      "rolled-back": { type: "string" },
      applied: { type: "string" },
    },
  });
  const [command, ...extra] = positionals;
  if (!command || extra.length > 0) throw new UsageError(USAGE);
  const config = databaseConfig();

  switch (command) {
    case "deploy": {
      const applied = await migrateDeploy(config);
      if (applied.length === 0) console.log(`Database is up to date (${where(config)}).`);
      else console.log(`Applied ${applied.length} migration(s) to ${where(config)}:\n${applied.map((n) => `  ${n}`).join("\n")}`);
      return;
    }
    case "dev": {
      if (!values.name) throw new UsageError(`dev needs a name for the new migration, e.g. --name add_job_priority. ${USAGE}`);
      const result = await migrateDev(
        { name: values.name, createOnly: values["create-only"], acceptDataLoss: values["accept-data-loss"] },
        config,
      );
      const pending = result.applied.filter((name) => name !== result.created);
      if (pending.length > 0) console.log(`Applied pending migration(s): ${pending.join(", ")}`);
      if (!result.created) {
        console.log("Already in sync: prisma/schema.prisma matches the migrations; no migration created.");
      } else if (values["create-only"]) {
        console.log(`Created ${path.relative(process.cwd(), result.createdFile ?? result.created)} (not applied; edit it, then run deploy).`);
      } else {
        console.log(`Created and applied ${path.relative(process.cwd(), result.createdFile ?? result.created)} on ${where(config)}.`);
      }
      return;
    }
    case "status": {
      const status = await migrateStatus(config);
      console.log(`${status.migrations.length} migration(s) in prisma/migrations; database: ${where(config)}.`);
      const problems: string[] = [];
      if (status.unapplied.length > 0) problems.push(`not yet applied: ${status.unapplied.join(", ")} (run deploy)`);
      if (status.failed.length > 0) problems.push(`failed: ${status.failed.join(", ")} (fix, then resolve --rolled-back)`);
      if (status.edited.length > 0) problems.push(`edited after being applied: ${status.edited.join(", ")}`);
      if (status.unknownToFolder.length > 0) problems.push(`applied but missing from the folder: ${status.unknownToFolder.join(", ")}`);
      if (problems.length === 0) {
        console.log("Database is up to date.");
        return;
      }
      console.log(problems.map((p) => `  ${p}`).join("\n"));
      process.exitCode = 1;
      return;
    }
    case "resolve": {
      const rolledBack = values["rolled-back"];
      const applied = values.applied;
      if (rolledBack && !applied) {
        await migrateResolve({ rolledBack }, config);
        console.log(`Marked ${rolledBack} as rolled back; deploy will apply it again.`);
      } else if (applied && !rolledBack) {
        await migrateResolve({ applied }, config);
        console.log(`Marked ${applied} as applied.`);
      } else {
        throw new UsageError(`resolve needs exactly one of --rolled-back <name> or --applied <name>. ${USAGE}`);
      }
      return;
    }
    default:
      throw new UsageError(`Unknown command "${command}". ${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const command = process.argv[2] ?? "migrate";
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, " ").trim();
  const hint = advice(error);
  console.error(`Migration ${command} failed: ${message}${hint ? ` ${hint}` : ""}`);
  process.exitCode = 1;
});
