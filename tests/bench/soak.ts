/**
 * `npm run bench:soak [-- --seconds 300] [-- --connections 20] [-- --rows 1000000] [-- --json FILE]`
 *
 * The server under steady load, on loopback against `next start` (the last `next build`), with the demo data:
 * `--connections` connections for `--seconds` each phase over `/`, a model page and the snapshots API, signed in.
 *   phase 1  no job running;
 *   phase 2  while a `--rows`-row CSV upload (1M x 20 by default, the bench:ingest file) is checked, scored and
 *            evaluated; when one upload's job ends before the phase does, the next one starts.
 * Prints requests, errors (non-2xx, socket errors and timeouts), p50/p95/p99 latency for both phases, and resident
 * memory after the first minute and at the end: the server's (its `next start` process tree), which the goal is
 * about, and apart from it the worker children that check files and run jobs (they come and go with the work).
 * Goals (issue 9): no errors; p99 while the job runs at most twice the p99 without it; memory at the end within
 * 20% of its value after the first minute.
 *
 * Setup, not measured: a fresh PGlite directory in a temp folder, migrations, the demo seed, a bench model (the
 * bench:ingest tree model) with its 200,000-row reference, an API token for the uploads, a browser sign-in for
 * the pages' session cookie.
 *
 * Run with `tsx --conditions=react-server` (lib/db imports "server-only").
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { ID_COLUMN, LABEL_COLUMN, writeBenchCsv } from "./ingest/csv-files";
import { buildBenchTreeModel } from "./ingest/tree-model";

interface Args {
  seconds: number;
  connections: number;
  rows: number;
  port: number;
  json?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { seconds: 300, connections: 20, rows: 1_000_000, port: 3190 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === "--seconds") args.seconds = Number(value);
    else if (flag === "--connections") args.connections = Number(value);
    else if (flag === "--rows") args.rows = Number(value.replace(/[_,]/g, ""));
    else if (flag === "--port") args.port = Number(value);
    else if (flag === "--json") args.json = value;
    else throw new Error(`Unknown option ${flag}. Options: --seconds N --connections N --rows N --port N --json FILE`);
  }
  return args;
}

const MiB = 2 ** 20;

/** Our child processes for checks and jobs (lib/jobs/child-process.ts), told apart by their script. */
const WORKER_SCRIPT = /lib\/(jobs\/(check-file|dry-run)-child|evaluation\/compute-child)\.ts/;

/**
 * Resident memory in MiB (Linux /proc) of the server (the `next start` process and its descendants, without our
 * worker children) and of those worker children, which come and go with checks and jobs.
 */
function rssMiB(pid: number): { server: number; workers: number } {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const total = { server: 0, workers: 0 };
  const stack: { pid: number; worker: boolean }[] = [{ pid, worker: false }];
  while (stack.length) {
    const { pid: p, worker: parentIsWorker } = stack.pop()!;
    try {
      const worker = parentIsWorker || WORKER_SCRIPT.test(fs.readFileSync(`/proc/${p}/cmdline`, "utf8"));
      const match = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      total[worker ? "workers" : "server"] += match ? (Number(match[1]) * 1024) / MiB : 0;
      for (const child of children.get(p) ?? []) stack.push({ pid: child, worker });
    } catch {
      // gone meanwhile
    }
  }
  return { server: Math.round(total.server), workers: Math.round(total.workers) };
}

interface PhaseResult {
  phase: string;
  requests: number;
  errors: number;
  non2xx: number;
  p50: number;
  p95: number;
  p99: number;
  rssAfterMinuteMiB: number;
  rssEndMiB: number;
  workersAfterMinuteMiB: number;
  workersEndMiB: number;
  timeouts: number;
  uploads: number;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build found: run `npx next build` first.");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-soak-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SIGHTLINE_DATA_DIR: dir,
    SIGHTLINE_DEMO: "1",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.DATABASE_URL;
  delete env.SIGHTLINE_ARTIFACT_DIR;
  Object.assign(process.env, env);
  delete process.env.DATABASE_URL;
  delete process.env.SIGHTLINE_ARTIFACT_DIR;
  let server: ChildProcess | null = null;
  try {
    console.log(`Setup in ${dir} ...`);
    const { migrateDeploy } = await import("../../prisma/migrate/deploy");
    const { seedDemo } = await import("../../prisma/seed");
    const { closeDb } = await import("../../lib/prisma/client");
    const { addMemberAsOperator, findOrCreateModelAsOperator, findOrCreateWorkspace } = await import("../../lib/db/bootstrap");
    const { runAsUser } = await import("../../lib/auth/current-user");
    const { createModelVersion } = await import("../../lib/db/versions");
    const { acceptDataUpload } = await import("../../lib/db/uploads");
    const { createApiToken } = await import("../../lib/db/api-tokens");
    await import("../../lib/evaluation/register-jobs");
    const { stopJobRunner, waitForIdle } = await import("../../lib/jobs/runner");
    const { stageUpload } = await import("../../lib/storage/artifacts");

    await migrateDeploy();
    await seedDemo();
    const workspace = await findOrCreateWorkspace("Soak bench");
    const password = "soak-bench-password";
    const { userId } = await addMemberAsOperator({ workspaceId: workspace.id, email: "owner@soak.example", name: "Soak Owner", password, role: "owner" });
    const { id: modelId } = await findOrCreateModelAsOperator({ workspaceId: workspace.id, name: "Soak tree model", purpose: "Soak benchmark", task: "binary", positiveLabel: "1", sensitiveAttributes: ["cat_0", "cat_1"] });
    const model = buildBenchTreeModel({ seed: 20267, trainingRows: 20_000 });
    const referenceFile = path.join(dir, "reference.csv");
    const currentFile = path.join(dir, "current.csv");
    await writeBenchCsv(referenceFile, 200_000, { seed: 20260, drifted: false, firstId: 1 });
    await writeBenchCsv(currentFile, args.rows, { seed: 20261, drifted: true, firstId: 200_001 });
    const token = await runAsUser(userId, async () => {
      await createModelVersion({ modelId, fileName: "bench-tree.onnx", note: model.summary }, await stageUpload(model.bytes, 1e9));
      await acceptDataUpload({ modelId, kind: "reference", fileName: "reference.csv", roles: { label: LABEL_COLUMN, id: ID_COLUMN } }, await stageUpload(fs.createReadStream(referenceFile), 1e9));
      await waitForIdle();
      return (await createApiToken({ name: "soak", scopes: ["results:read", "data:write"], expiresInDays: 30 })).token;
    });
    await stopJobRunner();
    await closeDb();

    server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(args.port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"] });
    const base = `http://127.0.0.1:${args.port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      if (i > 600) throw new Error("The server did not start within 60 s.");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    // A real sign-in in a browser for the pages' session cookie.
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
    const page = await browser.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel("E-mail").fill("owner@soak.example");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("user-role").waitFor();
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    await browser.close();

    const paths = ["/", `/models/${modelId}`, `/api/v1/models/${modelId}/snapshots/latest`];
    const serverPid = server.pid!;

    const runPhase = async (phase: string, background: (() => Promise<number>) | null): Promise<PhaseResult> => {
      console.log(`Phase "${phase}": ${args.connections} connections for ${args.seconds} s ...`);
      let afterMinute = { server: 0, workers: 0 };
      const minute = setTimeout(() => (afterMinute = rssMiB(serverPid)), Math.min(60, args.seconds / 2) * 1000);
      const work = background ? background().catch((error: unknown) => { console.error(error); return 0; }) : Promise.resolve(0);
      // Every response's latency, for exact percentiles (autocannon's own summary has no p95).
      const latencies: number[] = [];
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          { url: base, connections: args.connections, duration: args.seconds, headers: { cookie }, requests: paths.map((p) => ({ method: "GET" as const, path: p })) },
          (error, done) => (error ? reject(error) : resolve(done)),
        );
        instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
      });
      clearTimeout(minute);
      const end = rssMiB(serverPid);
      const uploads = await work;
      latencies.sort((a, b) => a - b);
      const pct = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
      return {
        phase,
        requests: result.requests.total,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        p50: pct(0.5),
        p95: pct(0.95),
        p99: pct(0.99),
        rssAfterMinuteMiB: afterMinute.server,
        rssEndMiB: end.server,
        workersAfterMinuteMiB: afterMinute.workers,
        workersEndMiB: end.workers,
        uploads,
      };
    };

    const idle = await runPhase("no job", null);
    // Uploads one after the other until the phase ends (each waits for its job).
    let phaseOver = false;
    const uploadLoop = async (): Promise<number> => {
      let count = 0;
      while (!phaseOver) {
        const response = await fetch(`${base}/api/v1/models/${modelId}/data?kind=production&label=${LABEL_COLUMN}&id=${ID_COLUMN}&file=current.csv`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
          body: fs.readFileSync(currentFile),
        });
        if (!response.ok) throw new Error(`Upload refused: ${response.status} ${await response.text()}`);
        const { jobId } = (await response.json()) as { jobId: string };
        count++;
        for (;;) {
          const job = (await (await fetch(`${base}/api/v1/jobs/${jobId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { status: string; error?: string };
          if (job.status === "succeeded") break;
          if (job.status === "failed" || job.status === "cancelled") throw new Error(`The upload's job ${job.status}: ${job.error ?? ""}`);
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
      return count;
    };
    const busy = await runPhase("1M-row upload running", async () => {
      const timer = setTimeout(() => (phaseOver = true), Math.max(1, args.seconds - 1) * 1000);
      try {
        return await uploadLoop();
      } finally {
        clearTimeout(timer);
      }
    });

    const rows = [idle, busy];
    console.log("");
    console.log("phase                    requests  errors (timeouts)  non-2xx  p50 ms  p95 ms  p99 ms  server RSS 1 min / end MiB  workers 1 min / end MiB  uploads");
    for (const r of rows) {
      console.log(
        `${r.phase.padEnd(24)} ${String(r.requests).padStart(8)}  ${`${r.errors} (${r.timeouts})`.padStart(15)}  ${String(r.non2xx).padStart(7)}  ${String(r.p50).padStart(6)}  ${String(r.p95).padStart(6)}  ${String(r.p99).padStart(6)}  ${`${r.rssAfterMinuteMiB} / ${r.rssEndMiB}`.padStart(26)}  ${`${r.workersAfterMinuteMiB} / ${r.workersEndMiB}`.padStart(23)}  ${String(r.uploads).padStart(7)}`,
      );
    }
    const goals = [
      { goal: "no errors (socket errors, timeouts after 10 s, non-2xx answers)", met: rows.every((r) => r.errors === 0 && r.timeouts === 0 && r.non2xx === 0) },
      { goal: `p99 with the job <= 2 x p99 without (${busy.p99} vs ${idle.p99} ms)`, met: busy.p99 <= 2 * idle.p99 },
      ...rows.map((r) => ({ goal: `memory at the end within 20% of after the first minute, ${r.phase} (server ${r.rssEndMiB} vs ${r.rssAfterMinuteMiB} MiB)`, met: Math.abs(r.rssEndMiB - r.rssAfterMinuteMiB) <= 0.2 * r.rssAfterMinuteMiB })),
    ];
    console.log("");
    for (const g of goals) console.log(`${g.met ? "MET    " : "MISSED "} ${g.goal}`);
    if (args.json) fs.writeFileSync(args.json, JSON.stringify({ args, phases: rows, goals }, null, 2));
  } finally {
    server?.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
