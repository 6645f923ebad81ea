// The e2e server's data: a fresh PGlite folder, migrated and seeded with the demo data, and the environment the
// server runs with. `npm test` prepares it in the background while the unit and integration tests run
// (prepare-data.ts), so the browser tests start as soon as the build is done; server.ts prepares it itself when run
// alone (`npx playwright test`).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const READY = "e2e-ready.json";

/** The environment of the seed and of `next start`. */
export function e2eEnv(dataDir: string): Record<string, string> {
  return {
    SIGHTLINE_DATA_DIR: dataDir,
    SIGHTLINE_DEMO: "1",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    // A model's test row may take this long in its child process (the default is 30 s); the endless-loop test waits it out.
    SIGHTLINE_DRY_RUN_SECONDS: "15",
    // The demo splits into 12 periods at most; the cap test splits six months by day.
    SIGHTLINE_MAX_WINDOWS: "40",
    // Idle job workers look for new jobs this often (2 s by default): tests wait for many jobs.
    SIGHTLINE_JOB_POLL_SECONDS: "0.5",
  };
}

/** Migrates and seeds `dataDir` with `env`; afterwards the folder is ready for `next start`. */
export async function prepareE2eData(dataDir: string, env: Record<string, string> = e2eEnv(dataDir)): Promise<Record<string, string>> {
  Object.assign(process.env, env);
  delete process.env.DATABASE_URL;
  // The demo models are ours: while seeding (in the background, beside the other tests on a busy machine) their test
  // rows get a generous deadline. The server keeps the short one its tests check.
  process.env.SIGHTLINE_DRY_RUN_SECONDS = "120";
  const { migrateDeploy } = await import("@/prisma/migrate/deploy");
  const { seedDemo } = await import("@/prisma/seed");
  const { closeDb } = await import("@/lib/prisma/client");
  const { addModelLiveFromBeforeReviews } = await import("./old-database");
  await migrateDeploy();
  await seedDemo();
  // As a database from before reviews has it: a model whose version 1 is live without a review.
  await addModelLiveFromBeforeReviews();
  await closeDb();
  fs.writeFileSync(path.join(dataDir, READY), JSON.stringify(env));
  return env;
}

/** The environment of a folder prepared ahead (null when it is not ready). */
export function preparedEnv(dataDir: string): Record<string, string> | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, READY), "utf8")) as Record<string, string>;
  } catch {
    return null;
  }
}
