// `deploy`: applies the pending migrations of prisma/migrations, in order. Idempotent. Used by
// `npm run db:migrate`, the seed, the demo command and the integration tests (in-process).
import { databaseConfig, type DatabaseConfig } from "../../lib/prisma/connect";
import { openMigrationConnection } from "./adapter";
import { withSchemaEngine } from "./engine";
import { defaultPaths, noFilters, readMigrations, readSchema, type MigratePaths } from "./files";

export interface MigrateOptions {
  /** Where the migrations and the schema live; defaults to this repository's prisma/ folder. */
  paths?: MigratePaths;
}

/**
 * Applies every migration of prisma/migrations that the database has not applied yet.
 * Returns the names of the migrations it applied (empty when the database was up to date).
 */
export async function migrateDeploy(
  config: DatabaseConfig = databaseConfig(),
  options: MigrateOptions = {},
): Promise<string[]> {
  const paths = options.paths ?? defaultPaths;
  const migrationsList = readMigrations(paths.migrationsDir);
  if (migrationsList.migrationDirectories.length === 0) {
    throw new Error(`No migrations found in ${paths.migrationsDir}; nothing to deploy.`);
  }
  const schema = readSchema(paths.schemaPath);
  const connection = await openMigrationConnection(config);
  try {
    return await withSchemaEngine(connection.factory, schema, async (engine) => {
      const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
      return appliedMigrationNames;
    });
  } finally {
    await connection.close();
  }
}
