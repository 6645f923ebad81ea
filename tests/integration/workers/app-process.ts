// One "app process" for tests/integration/jobs-multi-process.test.ts: the real job runner and queue on the
// PostgreSQL in DATABASE_URL, with one test job kind. It appends "start <jobId> <pid>" to $JOB_LOG each time it
// starts a job, says "ready" on stdout once its worker runs, and stops cleanly on SIGTERM.
import fs from "node:fs";
import { z } from "zod";
import { registerJobHandler, startJobRunner, stopJobRunner } from "@/lib/jobs/runner";
import { closeDb } from "@/lib/prisma/client";

export const MULTI_JOB = "test.multi-process";
const input = z.object({ name: z.string(), ms: z.number().int().nonnegative() });
const log = process.env.JOB_LOG ?? "/dev/null";

registerJobHandler(MULTI_JOB, {
  parseInput: (raw) => input.parse(raw),
  async run(ctx) {
    fs.appendFileSync(log, `start ${ctx.jobId} ${process.pid}\n`);
    await ctx.progress(0.1, "Working");
    const until = Date.now() + ctx.input.ms;
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await ctx.checkCancelled();
    }
    return {
      result: { pid: process.pid },
      commit: async (tx) => {
        await tx.workspace.create({ data: { name: ctx.input.name } });
      },
    };
  },
});

await startJobRunner();
process.stdout.write("ready\n");

process.on("SIGTERM", () => {
  void stopJobRunner()
    .then(() => closeDb())
    .finally(() => process.exit(0));
});
