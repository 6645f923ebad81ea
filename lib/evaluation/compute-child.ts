// Warm child process for jobs' scoring and evaluation (compute.ts): requests in, progress and one answer each out
// over IPC. It never opens the database. The parent (pipeline.ts, through lib/jobs/child-process.ts) stops it at its
// deadline, past its memory cap, or when the job is cancelled.
import { serveRequests } from "@/lib/jobs/child-process";
import { JobFailure } from "@/lib/jobs/types";
import { computeEvaluations, type ComputeAnswer, type ComputeRequest } from "./compute";

export interface ComputeProgress {
  step: number;
  steps: number;
  stage: string;
}

export type ComputeChildAnswer = { ok: true; result: ComputeAnswer } | { ok: false; failure: boolean; message: string };

serveRequests<ComputeRequest, ComputeProgress, ComputeChildAnswer>(
  async (request, progress) => ({ ok: true, result: await computeEvaluations(request, (step, steps, stage) => progress({ step, steps, stage })) }),
  (error) => ({ ok: false, failure: error instanceof JobFailure, message: error instanceof Error ? error.message : String(error) }),
);
