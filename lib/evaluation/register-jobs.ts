// Every job kind the server runs, registered with the queue (lib/jobs/runner.ts). The data layer queues jobs
// but cannot import their handlers (they sit above it), so the entry points that queue or run jobs import this
// module for its side effect: the app's route handlers, pages and server actions that use lib/db/{jobs,uploads,
// labels,versions,policies}, the seed and the benchmarks (tests/unit/import-layers.test.ts checks the app).
import "server-only";
import { registerDataJob } from "./data-job";
import { registerLabelsJob } from "./labels-job";
import { registerRejudgeJob } from "./rejudge-job";
import { registerVersionJob } from "./version-job";

let registered = false;

export function registerJobHandlers(): void {
  if (registered) return;
  registered = true;
  registerDataJob();
  registerLabelsJob();
  registerVersionJob();
  registerRejudgeJob();
}

registerJobHandlers();
