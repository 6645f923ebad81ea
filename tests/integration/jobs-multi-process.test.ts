// Several app processes on one PostgreSQL (each with its own job worker, tests/integration/workers/app-process.ts):
// every queued job runs and commits exactly once, a job whose process is killed mid-way is finished by another,
// a process starting up never takes a job that a live process holds, and a frozen process that wakes up after its
// job was taken over writes nothing.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { enqueueJob, registerJobHandler, stopJobRunner } from "@/lib/jobs/runner";
import { getQueue } from "@/lib/jobs/queue";
import { closeDb, getDb, makeWorkspace, type TestWorkspace } from "./support";

const MULTI_JOB = "test.multi-process"; // as in workers/app-process.ts
const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sightline-multi-")), "starts.log");
const processes: AppProcess[] = [];
let ws: TestWorkspace;

interface AppProcess {
  child: ChildProcess;
  pid: number;
  stderr: () => string;
}

function startApp(): Promise<AppProcess> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/integration/workers/app-process.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: inject("multiProcessDatabaseUrl"),
      JOB_LOG: logFile,
      SIGHTLINE_JOB_STALE_SECONDS: "3",
      SIGHTLINE_JOB_POLL_SECONDS: "0.5",
      NODE_OPTIONS: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (out.includes("ready") && child.pid) {
        const app = { child, pid: child.pid, stderr: () => err };
        processes.push(app);
        resolve(app);
      }
    });
    child.on("exit", (code) => reject(new Error(`app process exited (${code}) before it was ready:\n${err}`)));
  });
}

function starts(jobId: string): number[] {
  const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "";
  return text
    .split("\n")
    .filter((line) => line.startsWith(`start ${jobId} `))
    .map((line) => Number(line.split(" ")[2]));
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, seconds = 30): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function enqueue(name: string, ms: number): Promise<string> {
  const db = await getDb();
  return db.$transaction((tx) => enqueueJob({ workspaceId: ws.id, kind: MULTI_JOB, input: { name, ms } }, tx));
}

async function finished(jobId: string) {
  const db = await getDb();
  return until(`job ${jobId} to succeed`, async () => {
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId }, include: { committed: true } });
    if (job.status === "failed" || job.status === "cancelled") throw new Error(`job ${jobId} ${job.status}: ${job.error}`);
    return job.status === "succeeded" ? job : null;
  });
}

async function workspacesNamed(name: string): Promise<number> {
  return (await getDb()).workspace.count({ where: { name } });
}

async function runningHolder(jobId: string): Promise<number> {
  const db = await getDb();
  const job = await until(`job ${jobId} to start`, async () => {
    const row = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    return row.status === "running" && row.holder ? row : null;
  });
  return Number(job.holder!.split(" ")[1]);
}

beforeAll(async () => {
  process.env.DATABASE_URL = inject("multiProcessDatabaseUrl");
  ws = await makeWorkspace("MultiProcess");
  // This process only queues (it runs no worker); the kind must be known to queue it.
  registerJobHandler(MULTI_JOB, {
    parseInput: (raw) => raw,
    run: () => Promise.reject(new Error("the test process never runs jobs")),
  });
  await getQueue();
  await Promise.all([startApp(), startApp()]);
});

const alive = (app: AppProcess) => app.child.exitCode === null && app.child.signalCode === null;

afterAll(async () => {
  const running = processes.filter(alive);
  const exited = running.map((app) => new Promise((resolve) => app.child.once("exit", resolve)));
  for (const app of running) {
    app.child.kill("SIGCONT");
    app.child.kill("SIGTERM");
  }
  await Promise.all(exited);
  await stopJobRunner();
  await closeDb();
});

describe("jobs across several app processes on one PostgreSQL", () => {
  it("runs and commits each of many queued jobs exactly once", async () => {
    const names = Array.from({ length: 12 }, (_, i) => `multi-${i}-${randomUUID()}`);
    const ids = await Promise.all(names.map((name) => enqueue(name, 150)));
    const jobs = await Promise.all(ids.map((id) => finished(id)));
    for (const [i, job] of jobs.entries()) {
      expect(starts(job.id)).toHaveLength(1);
      expect(job.attempts).toBe(1);
      expect(job.committed?.leaseToken).toBe(job.leaseToken);
      expect(await workspacesNamed(names[i]!)).toBe(1);
    }
    // Both processes took work (each job once).
    expect(new Set(jobs.map((job) => job.holder)).size).toBe(2);
  });

  it("finishes a job in another process when its process is killed mid-job", async () => {
    const name = `multi-killed-${randomUUID()}`;
    const id = await enqueue(name, 4_000);
    const holderPid = await runningHolder(id);
    const victim = processes.find((app) => app.pid === holderPid)!;
    victim.child.kill("SIGKILL");
    const job = await finished(id);
    const survivor = processes.find((app) => app.pid !== holderPid && alive(app))!;
    expect(starts(id)).toEqual([holderPid, survivor.pid]);
    expect(job.attempts).toBe(2);
    expect(job.holder?.endsWith(` ${survivor.pid}`)).toBe(true);
    expect(job.committed?.leaseToken).toBe(job.leaseToken);
    expect(await workspacesNamed(name)).toBe(1);
  });

  it("a process starting up does not take a job that a live process is running", async () => {
    const name = `multi-live-${randomUUID()}`;
    const id = await enqueue(name, 2_500);
    const holderPid = await runningHolder(id);
    await startApp(); // runs its start-up recovery while the job runs
    const job = await finished(id);
    expect(starts(id)).toEqual([holderPid]);
    expect(job.attempts).toBe(1);
    expect(await workspacesNamed(name)).toBe(1);
  });

  it("a frozen process that wakes after its job was taken over writes nothing", async () => {
    const name = `multi-frozen-${randomUUID()}`;
    const id = await enqueue(name, 4_000);
    const holderPid = await runningHolder(id);
    const frozen = processes.find((app) => app.pid === holderPid)!;
    frozen.child.kill("SIGSTOP");
    const job = await finished(id);
    expect(job.holder?.endsWith(` ${holderPid}`)).toBe(false);
    frozen.child.kill("SIGCONT");
    await until("the woken process to give the job up", async () => frozen.stderr().includes(`Job ${id}: another process took it over`));
    const after = await (await getDb()).job.findUniqueOrThrow({ where: { id }, include: { committed: true } });
    expect(after.status).toBe("succeeded");
    expect(after.committed?.leaseToken).toBe(job.leaseToken);
    expect(starts(id)).toHaveLength(2);
    expect(await workspacesNamed(name)).toBe(1);
  });
});
