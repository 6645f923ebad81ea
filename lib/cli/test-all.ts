// `npm test`: every test, in order: types, lint, unit, integration on PostgreSQL, build, e2e in Chromium.
// Checks the prerequisites first and stops with the command that installs a missing one; it never skips a part.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function findPostgres(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

function preflight(): void {
  const missing: string[] = [];
  const [major] = process.versions.node.split(".").map(Number);
  if ((major ?? 0) < 20) missing.push(`Node.js 20 or newer is needed (this is ${process.version}).`);
  if (!fs.existsSync(chromium)) {
    missing.push(
      `Chromium is needed for the browser tests and was not found at ${chromium}.\n  Install it: apt-get update && apt-get install -y chromium\n  (or point CHROMIUM_PATH at a Chromium binary)`,
    );
  }
  if (!findPostgres()) {
    missing.push("PostgreSQL is needed for the integration tests.\n  Install it: apt-get update && apt-get install -y postgresql");
  }
  if (missing.length) {
    console.error(`\nnpm test cannot run every part on this machine:\n\n- ${missing.join("\n- ")}\n`);
    process.exit(1);
  }
}

interface Step {
  name: string;
  args: string[];
  /** runs at the same time as the step before it (its output is held and printed when it ends) */
  alongside?: boolean;
}

const node = process.execPath;
const bin = (pkg: string) => path.join("node_modules", pkg);
const steps: Step[] = [
  { name: "Route types", args: [bin("next/dist/bin/next"), "typegen"] },
  { name: "Type check", args: [bin("typescript/bin/tsc"), "--noEmit", "-p", "."] },
  // Type check and lint each use one core: on two or more they run side by side.
  { name: "Lint", args: [bin("eslint/bin/eslint.js"), ".", "--max-warnings=0"], alongside: true },
  { name: "Unit tests", args: [bin("vitest/vitest.mjs"), "run", "--project", "unit"] },
  { name: "Integration tests (PostgreSQL and PGlite)", args: [bin("vitest/vitest.mjs"), "run", "--project", "integration"] },
  { name: "What-if runtime files into public/", args: [bin("tsx/dist/cli.mjs"), "lib/cli/copy-onnxruntime.ts"] },
  { name: "Production build", args: [bin("next/dist/bin/next"), "build"] },
  { name: "End-to-end tests (headless Chromium)", args: [bin("@playwright/test/cli.js"), "test"] },
];

/** Runs a step; with `hold`, its output is kept and returned instead of printed as it comes. */
function run(step: Step, extraEnv: Record<string, string> = {}, hold = false): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(node, step.args, {
      stdio: hold ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHROMIUM_PATH: chromium, FORCE_COLOR: process.env.FORCE_COLOR ?? "1", ...extraEnv },
    });
    const chunks: Buffer[] = [];
    child.stdout?.on("data", (c: Buffer) => chunks.push(c));
    child.stderr?.on("data", (c: Buffer) => chunks.push(c));
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString("utf8") }));
  });
}

/** Busy and total CPU time of the whole machine so far (Linux /proc/stat), to report how busy a step kept it. */
function cpuTimes(): { busy: number; total: number } | null {
  try {
    const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const total = fields.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

function busyShare(from: ReturnType<typeof cpuTimes>): string {
  const to = cpuTimes();
  if (!from || !to || to.total === from.total) return "";
  return `, CPU ${Math.round((100 * (to.busy - from.busy)) / (to.total - from.total))}% busy on ${os.cpus().length} cores`;
}

/**
 * The e2e server's demo data, migrated and seeded in the background while the unit and integration tests run (the
 * seed scores every demo window: a minute or more that would otherwise hold up the browser tests).
 */
function prepareE2eDataAhead(): { dir: string; done: Promise<number>; log: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-e2e-"));
  const log = path.join(dir, "prepare.log");
  const out = fs.openSync(log, "a");
  const child = spawn(node, [bin("tsx/dist/cli.mjs"), "--conditions=react-server", "tests/e2e/support/prepare-data.ts", dir], {
    stdio: ["ignore", out, out],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const done = new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  process.on("exit", () => child.kill("SIGKILL"));
  return { dir, done, log };
}

async function main(): Promise<void> {
  preflight();
  const only = process.argv.slice(2);
  const chosen = (step: Step) => !only.length || only.some((o) => step.name.toLowerCase().includes(o.toLowerCase()));
  const started = Date.now();
  const e2e = steps.find((s) => s.name.startsWith("End-to-end"))!;
  // Only when other steps run first: alone, the e2e server prepares its own data.
  const ahead = chosen(e2e) && steps.some((s) => s !== e2e && chosen(s) && s.name !== "Route types") ? prepareE2eDataAhead() : null;
  const picked = steps.filter(chosen);
  for (let i = 0; i < picked.length; i++) {
    const step = picked[i]!;
    const t0 = Date.now();
    const cpu0 = cpuTimes();
    const partner = picked[i + 1]?.alongside ? picked[i + 1]! : null;
    if (partner) {
      // Two steps at once: the first prints as it goes, the second's output follows when both are done.
      i++;
      console.log(`\n━━ ${step.name}, with ${partner.name} alongside ━━`);
      const [first, second] = await Promise.all([run(step), run(partner, {}, true)]);
      console.log(`\n━━ ${partner.name} ━━`);
      process.stdout.write(second.output);
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      for (const [s2, r] of [[step, first], [partner, second]] as const) {
        if (r.code !== 0) {
          console.error(`\n✗ ${s2.name} failed (exit ${r.code}). Nothing after it ran.`);
          process.exit(r.code);
        }
      }
      console.log(`✓ ${step.name} and ${partner.name} (${seconds} s together${busyShare(cpu0)})`);
      continue;
    }
    console.log(`\n━━ ${step.name} ━━`);
    let env: Record<string, string> = {};
    if (step === e2e && ahead) {
      const code = await ahead.done;
      if (code !== 0) {
        console.error(fs.readFileSync(ahead.log, "utf8").slice(-4000));
        console.error(`\n✗ Preparing the e2e demo data failed (exit ${code}). Nothing after it ran.`);
        process.exit(code);
      }
      console.log(`(demo data prepared in the background: ${ahead.dir})`);
      env = { SIGHTLINE_E2E_PREPARED_DIR: ahead.dir };
    }
    const { code } = await run(step, env);
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    if (code !== 0) {
      console.error(`\n✗ ${step.name} failed after ${seconds} s (exit ${code}). Nothing after it ran.`);
      process.exit(code);
    }
    console.log(`✓ ${step.name} (${seconds} s${busyShare(cpu0)})`);
  }
  if (ahead) fs.rmSync(ahead.dir, { recursive: true, force: true });
  console.log(`\nAll tests passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

await main();
