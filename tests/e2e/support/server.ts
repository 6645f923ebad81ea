// The e2e web server: a fresh PGlite database in a temp folder, migrated and seeded with demo data,
// served by `next start` from the last `next build`. Removes the folder when Playwright stops it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareE2eData, preparedEnv } from "./e2e-data";

const port = process.env.E2E_PORT ?? "3100";

if (!fs.existsSync(".next/BUILD_ID")) {
  console.error("No production build found: run `npx next build` first (npm test does it for you).");
  process.exit(1);
}

// A folder `npm test` prepared while other tests ran, or a fresh one prepared now.
const ahead = process.env.SIGHTLINE_E2E_PREPARED_DIR;
const dataDir = ahead && preparedEnv(ahead) ? ahead : fs.mkdtempSync(path.join(os.tmpdir(), "sightline-e2e-"));
const env = preparedEnv(dataDir) ?? (await prepareE2eData(dataDir));
Object.assign(process.env, env);
delete process.env.DATABASE_URL;

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
