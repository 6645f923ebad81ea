// `npm run demo`: migrate the embedded database, seed demo data, build and start on http://127.0.0.1:3000.
// It listens on this machine only unless told otherwise: HOST=0.0.0.0 (all interfaces) and PORT change it.
import { spawn } from "node:child_process";
import { migrateDeploy } from "@/prisma/migrate/deploy";
import { seedDemo } from "@/prisma/seed";
import { DatabaseBusyError, databaseConfig } from "@/lib/prisma/connect";
import { closeDb } from "@/lib/prisma/client";
import { ensureAuthSecret, fail, parseFlags } from "./env";

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  if (ensureAuthSecret()) console.log("Created AUTH_SECRET in .env (git-ignored).");
  process.env.SIGHTLINE_DEMO = "1";
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.AUTH_TRUST_HOST ??= "true";
  const config = databaseConfig();
  console.log(config.kind === "pglite" ? `Database: embedded PGlite in ${config.dir}` : "Database: PostgreSQL from DATABASE_URL");

  try {
    const applied = await migrateDeploy(config);
    console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
    await seedDemo();
  } catch (error) {
    if (error instanceof DatabaseBusyError) fail(error.message);
    throw error;
  } finally {
    await closeDb();
  }

  const nextBin = "node_modules/next/dist/bin/next";
  if (!flags.has("no-build")) {
    console.log("Building the app (about a minute on 2 cores)…");
    const code = await run(process.execPath, [nextBin, "build"], process.env);
    if (code !== 0) fail("The build failed (see above). Fix the error, then run `npm run demo` again.");
  }
  const port = process.env.PORT ?? "3000";
  const host = process.env.HOST?.trim() || "127.0.0.1";
  const shown = host.includes(":") ? `[${host}]` : host;
  const where = host === "0.0.0.0" || host === "::" ? ` (all network interfaces; open http://localhost:${port} here)` : "";
  console.log(`\nSightline is starting on http://${shown}:${port}${where}. Sign in with a demo account listed on the login page.`);
  if (host === "127.0.0.1") console.log("Only this machine can reach it; set HOST=0.0.0.0 to listen on the network.");
  console.log("");
  process.exitCode = await run(process.execPath, [nextBin, "start", "-H", host, "-p", port], process.env);
}

await main();
