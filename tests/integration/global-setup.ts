// Vitest globalSetup of the `integration` project: one throwaway PostgreSQL for the whole run, with the
// database `sightline_test` migrated by our migration command. Tests get its URL with inject("databaseUrl").
import type { TestProject } from "vitest/node";
import { migrateDeploy } from "../../prisma/migrate/deploy";
import { startPostgres } from "../support/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** a second database of its own for the test that runs several app processes (their queues see every job) */
    multiProcessDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  try {
    const url = await server.createDatabase("sightline_test");
    await migrateDeploy({ kind: "postgres", url });
    project.provide("databaseUrl", url);
    const multi = await server.createDatabase("sightline_multi_process");
    await migrateDeploy({ kind: "postgres", url: multi });
    project.provide("multiProcessDatabaseUrl", multi);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return () => server.stop();
}
