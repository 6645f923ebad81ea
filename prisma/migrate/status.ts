// `status` and `resolve`: what the database has applied compared with prisma/migrations, and marking a
// failed migration as rolled back (after fixing it) or as applied (after applying it by hand).
import { databaseConfig, type DatabaseConfig } from "../../lib/prisma/connect";
import { openMigrationConnection } from "./adapter";
import { withSchemaEngine } from "./engine";
import { defaultPaths, noFilters, readMigrations, readSchema } from "./files";
import type { MigrateOptions } from "./deploy";

export interface MigrateStatus {
  migrations: string[];
  hasMigrationsTable: boolean;
  /** In the folder, not applied to the database. */
  unapplied: string[];
  /** Applied to the database, missing from the folder. */
  unknownToFolder: string[];
  failed: string[];
  edited: string[];
}

export async function migrateStatus(
  config: DatabaseConfig = databaseConfig(),
  options: MigrateOptions = {},
): Promise<MigrateStatus> {
  const paths = options.paths ?? defaultPaths;
  const migrationsList = readMigrations(paths.migrationsDir);
  const connection = await openMigrationConnection(config);
  try {
    return await withSchemaEngine(connection.factory, readSchema(paths.schemaPath), async (engine) => {
      const out = await engine.diagnoseMigrationHistory({
        migrationsList,
        optInToShadowDatabase: false,
        filters: noFilters,
      });
      const history = out.history;
      const migrations = migrationsList.migrationDirectories.map((d) => d.path);
      return {
        migrations,
        hasMigrationsTable: out.hasMigrationsTable,
        unapplied: !out.hasMigrationsTable
          ? migrations
          : history && history.diagnostic !== "migrationsDirectoryIsBehind"
            ? history.unappliedMigrationNames
            : [],
        unknownToFolder: history && history.diagnostic !== "databaseIsBehind" ? history.unpersistedMigrationNames : [],
        failed: out.failedMigrationNames,
        edited: out.editedMigrationNames,
      };
    });
  } finally {
    await connection.close();
  }
}

export async function migrateResolve(
  action: { rolledBack: string } | { applied: string },
  config: DatabaseConfig = databaseConfig(),
  options: MigrateOptions = {},
): Promise<void> {
  const paths = options.paths ?? defaultPaths;
  const migrationsList = readMigrations(paths.migrationsDir);
  const connection = await openMigrationConnection(config);
  try {
    await withSchemaEngine(connection.factory, readSchema(paths.schemaPath), async (engine) => {
      if ("rolledBack" in action) await engine.markMigrationRolledBack({ migrationName: action.rolledBack });
      else await engine.markMigrationApplied({ migrationName: action.applied, migrationsList });
    });
  } finally {
    await connection.close();
  }
}
