// The in-process job runner on PostgreSQL: progress, all-or-nothing commits, failures, cancel, retry, resume.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { cancelJob, getJob, retryJob } from "@/lib/db/jobs";
import { enqueueJob, kickJobRunner, registerJobHandler, stopJobRunner, waitForIdle } from "@/lib/jobs/runner";
import { JobFailure } from "@/lib/jobs/types";
import { closeDb, getDb, makeWorkspace, runAsUser, usePostgres, type TestWorkspace } from "./support";

const input = z.object({ name: z.string(), failAt: z.enum(["never", "before-commit", "crash"]).default("never"), waitMs: z.number().default(0) });

let ws: TestWorkspace;
const gates = new Map<string, () => void>();

beforeAll(async () => {
  usePostgres();
  ws = await makeWorkspace("Jobs");
  registerJobHandler("test.create-workspace", {
    parseInput: (raw) => input.parse(raw),
    async run(ctx) {
      await ctx.progress(0.5, "Half way");
      if (ctx.input.waitMs) await new Promise<void>((resolve) => gates.set(ctx.input.name, resolve));
      await ctx.checkCancelled();
      if (ctx.input.failAt === "before-commit") throw new JobFailure(`Row 3 of ${ctx.input.name} is not valid. Fix it and upload again.`);
      if (ctx.input.failAt === "crash") throw new Error("disk on fire");
      return {
        result: { created: ctx.input.name },
        commit: async (tx) => {
          await tx.workspace.create({ data: { name: ctx.input.name } });
        },
      };
    },
  });
});

afterAll(async () => {
  await stopJobRunner();
  await closeDb();
});

async function workspaceExists(name: string): Promise<boolean> {
  return (await (await getDb()).workspace.count({ where: { name } })) === 1;
}

const enqueue = (name: string, extra: Partial<z.input<typeof input>> = {}) =>
  enqueueJob({ workspaceId: ws.id, kind: "test.create-workspace", input: { name, ...extra }, createdById: ws.users.analyst });

describe("job runner", () => {
  it("runs a job to the end and commits its writes with the final status", async () => {
    const name = `job-ok-${randomUUID()}`;
    const id = await enqueue(name);
    await waitForIdle();
    const job = await runAsUser(ws.users.viewer, () => getJob(id));
    expect(job).toMatchObject({ status: "succeeded", progress: 1, stage: "Done", result: { created: name }, error: null });
    expect(await workspaceExists(name)).toBe(true);
  });

  it("a failure says what went wrong and writes nothing", async () => {
    const name = `job-fail-${randomUUID()}`;
    const id = await enqueue(name, { failAt: "before-commit" });
    await waitForIdle();
    const job = await runAsUser(ws.users.viewer, () => getJob(id));
    expect(job.status).toBe("failed");
    expect(job.error).toBe(`Row 3 of ${name} is not valid. Fix it and upload again.`);
    expect(await workspaceExists(name)).toBe(false);
  });

  it("an unexpected crash is reported with advice, and a retry runs it again", async () => {
    const name = `job-crash-${randomUUID()}`;
    const id = await enqueue(name, { failAt: "crash" });
    await waitForIdle();
    const failed = await runAsUser(ws.users.viewer, () => getJob(id));
    expect(failed.error).toContain("disk on fire");
    expect(failed.error).toContain("Nothing was saved. Retry it");
    await expect(runAsUser(ws.users.viewer, () => retryJob(id))).rejects.toThrow("Your role does not allow you to retry jobs");
    // A retry runs the same stored input again (which fails the same way here); both attempts are counted.
    await runAsUser(ws.users.analyst, () => retryJob(id));
    await waitForIdle();
    expect((await runAsUser(ws.users.viewer, () => getJob(id))).status).toBe("failed");
    const db = await getDb();
    expect((await db.job.findUniqueOrThrow({ where: { id } })).attempts).toBe(2);
  });

  it("a cancelled job writes nothing", async () => {
    const name = `job-cancel-${randomUUID()}`;
    const id = await enqueue(name, { waitMs: 1 });
    while (!gates.has(name)) await new Promise((r) => setTimeout(r, 20));
    expect((await runAsUser(ws.users.viewer, () => getJob(id))).stage).toBe("Half way");
    await runAsUser(ws.users.analyst, () => cancelJob(id));
    gates.get(name)!();
    await waitForIdle();
    const job = await runAsUser(ws.users.viewer, () => getJob(id));
    expect(job.status).toBe("cancelled");
    expect(await workspaceExists(name)).toBe(false);
    await expect(runAsUser(ws.users.analyst, () => cancelJob(id))).rejects.toThrow("already finished");
  });

  it("resumes a job that a previous server process left running", async () => {
    await stopJobRunner();
    const name = `job-resume-${randomUUID()}`;
    const db = await getDb();
    const orphan = await db.job.create({
      data: { workspaceId: ws.id, kind: "test.create-workspace", input: { name }, status: "running", stage: "Scoring", progress: 0.4 },
    });
    kickJobRunner(); // a fresh runner, as after a restart
    await waitForIdle();
    expect((await db.job.findUniqueOrThrow({ where: { id: orphan.id } })).status).toBe("succeeded");
    expect(await workspaceExists(name)).toBe(true);
  });

  it("parks a job that a server died on three times instead of starting it again", async () => {
    await stopJobRunner();
    const name = `job-parked-${randomUUID()}`;
    const db = await getDb();
    const orphan = await db.job.create({
      data: { workspaceId: ws.id, kind: "test.create-workspace", input: { name }, status: "running", stage: "Scoring", progress: 0.4, attempts: 3 },
    });
    kickJobRunner(); // a fresh runner, as after a restart
    await waitForIdle();
    const parked = await db.job.findUniqueOrThrow({ where: { id: orphan.id } });
    expect(parked.status).toBe("failed");
    expect(parked.error).toContain("Parked: the server stopped 3 times while running this job");
    expect(await workspaceExists(name)).toBe(false);
  });

  it("hides another workspace's jobs", async () => {
    const other = await makeWorkspace("OtherJobs");
    const id = await enqueue(`job-hidden-${randomUUID()}`);
    await waitForIdle();
    await expect(runAsUser(other.users.owner, () => getJob(id))).rejects.toThrow("was not found");
  });
});
