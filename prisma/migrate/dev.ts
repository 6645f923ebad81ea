// `dev --name X`: writes a new migration from the difference between the migrations folder and
// prisma/schema.prisma, then applies it. Never resets a database: on drift it stops and explains.
import { databaseConfig, type DatabaseConfig } from "../../lib/prisma/connect";
import { openMigrationConnection } from "./adapter";
import { MigrateRefusal, withSchemaEngine } from "./engine";
import { defaultPaths, noFilters, readMigrations, readSchema, writeMigration } from "./files";
import type { MigrateOptions } from "./deploy";

export interface DevOptions extends MigrateOptions {
  /** Migration name, e.g. "add_job_priority" (letters, digits and underscores). */
  name: string;
  /** Only write the migration (always, even when empty, for hand-written SQL); do not apply it. */
  createOnly?: boolean;
  /** Go ahead when the new migration would lose data (dropped columns or tables). */
  acceptDataLoss?: boolean;
}

export interface DevResult {
  /** Pending migrations applied before diffing, then the new one unless createOnly. */
  applied: string[];
  /** Folder name of the new migration; null when the schema and the migrations were already in sync. */
  created: string | null;
  /** Full path of the new migration.sql. */
  createdFile: string | null;
}

/** Stops `dev` without touching the database; `message` says what happened and what to do. */
export class MigrateDevRefusal extends MigrateRefusal {
  constructor(message: string) {
    super(message);
    this.name = "MigrateDevRefusal";
  }
}

export async function migrateDev(options: DevOptions, config: DatabaseConfig = databaseConfig()): Promise<DevResult> {
  if (!/^[A-Za-z0-9_]{1,80}$/.test(options.name)) {
    throw new MigrateDevRefusal(
      `The migration name "${options.name}" is not valid: use letters, digits and underscores, e.g. --name add_job_priority.`,
    );
  }
  const paths = options.paths ?? defaultPaths;
  const schema = readSchema(paths.schemaPath);
  const connection = await openMigrationConnection(config);
  try {
    return await withSchemaEngine(connection.factory, schema, async (engine) => {
      let migrationsList = readMigrations(paths.migrationsDir);
      const applied: string[] = [];
      const history = await engine.diagnoseMigrationHistory({
        migrationsList,
        optInToShadowDatabase: false,
        filters: noFilters,
      });
      if (!history.hasMigrationsTable) {
        // devDiagnostic needs _prisma_migrations; applying creates it (and the pending migrations).
        applied.push(...(await engine.applyMigrations({ migrationsList, filters: noFilters })).appliedMigrationNames);
      }
      const diagnostic = await engine.devDiagnostic({ migrationsList, filters: noFilters });
      if (diagnostic.action.tag === "reset") {
        throw new MigrateDevRefusal(
          `The database does not match the migration history, and the fix would be to reset it (which deletes every row), so nothing was changed. ` +
            `Reason: ${diagnostic.action.reason.trim()} ` +
            `If this is a throwaway development database, delete it (for the embedded one: stop the server and remove the data/pglite folder) and run the command again; never do this to a database whose data you need.`,
        );
      }
      applied.push(...(await engine.applyMigrations({ migrationsList, filters: noFilters })).appliedMigrationNames);

      if (!options.createOnly) {
        const loss = await engine.evaluateDataLoss({ migrationsList, schema: { files: [schema] }, filters: noFilters });
        if (loss.unexecutableSteps.length > 0) {
          throw new MigrateDevRefusal(
            `The new migration cannot run on this database as it is: ${loss.unexecutableSteps.map((s) => s.message).join(" ")} ` +
              "Run with --create-only, edit the generated migration.sql (for example to fill existing rows), then run deploy.",
          );
        }
        if (loss.warnings.length > 0 && !options.acceptDataLoss) {
          throw new MigrateDevRefusal(
            `The new migration would lose data: ${loss.warnings.map((w) => w.message).join(" ")} ` +
              "Nothing was changed. Run again with --accept-data-loss if that is intended, or with --create-only to edit the SQL first.",
          );
        }
      }

      const result = await engine.createMigration({
        draft: options.createOnly ?? false,
        migrationName: options.name,
        migrationsList,
        schema: { files: [schema] },
        filters: noFilters,
      });
      if (result.migrationScript === null) return { applied, created: null, createdFile: null };

      const folder = writeMigration(
        paths.migrationsDir,
        result.generatedMigrationName,
        result.migrationScript,
        result.connectorType,
      );
      if (!options.createOnly) {
        migrationsList = readMigrations(paths.migrationsDir);
        applied.push(...(await engine.applyMigrations({ migrationsList, filters: noFilters })).appliedMigrationNames);
      }
      return {
        applied,
        created: result.generatedMigrationName,
        createdFile: `${folder}/migration.${result.extension}`,
      };
    });
  } finally {
    await connection.close();
  }
}
