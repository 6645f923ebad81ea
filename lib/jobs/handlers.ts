// Every job kind the server runs. Imported (for its side effect) wherever jobs are queued or run.
import "server-only";
import { registerDataJob } from "@/lib/evaluation/data-job";
import { registerLabelsJob } from "@/lib/evaluation/labels-job";
import { registerRejudgeJob } from "@/lib/evaluation/rejudge-job";
import { registerVersionJob } from "@/lib/evaluation/version-job";

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
