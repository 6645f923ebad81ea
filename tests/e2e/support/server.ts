// The e2e web server: a fresh PGlite database in a temp folder, migrated and seeded with demo data,
// served by `next start` from the last `next build`. Removes the folder when Playwright stops it.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb } from "@/lib/prisma/client";
import { migrateDeploy } from "@/prisma/migrate/deploy";
import { seedDemo } from "@/prisma/seed";

const port = process.env.E2E_PORT ?? "3100";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-e2e-"));
Object.assign(process.env, {
  SIGHTLINE_DATA_DIR: dataDir,
  SIGHTLINE_DEMO: "1",
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  AUTH_TRUST_HOST: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  // A model's test row may take this long in its child process (the default is 30 s); the endless-loop test waits it out.
  SIGHTLINE_DRY_RUN_SECONDS: "15",
  // The demo splits into 12 periods at most; the cap test splits six months by day.
  SIGHTLINE_MAX_WINDOWS: "40",
});
delete process.env.DATABASE_URL;

if (!fs.existsSync(".next/BUILD_ID")) {
  console.error("No production build found: run `npx next build` first (npm test does it for you).");
  process.exit(1);
}

await migrateDeploy();
await seedDemo();
await closeDb();

const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: process.env,
});

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  server.kill(signal);
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
server.on("exit", (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(stopping ? 0 : (code ?? 1));
});
