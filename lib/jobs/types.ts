// Long work (validate, store, score, evaluate) runs as a Job inside the server process.
import type { Tx } from "@/lib/prisma/client";

export interface JobContext<I> {
  jobId: string;
  workspaceId: string;
  input: I;
  /** Records progress (0..1) and a plain-language stage, e.g. "Scoring rows with the model". */
  progress(fraction: number, stage: string): Promise<void>;
  /** Throws JobCancelledError when someone cancelled the job; call it between steps. */
  checkCancelled(): Promise<void>;
}

export interface JobHandler<I = unknown, R = unknown> {
  /** Parses the stored input (it comes back from the database as JSON). */
  parseInput(raw: unknown): I;
  /** Does the work; the final writes go through `commit` so that a failure leaves nothing half written. */
  run(ctx: JobContext<I>): Promise<{ result: R; commit?: (tx: Tx) => Promise<void> }>;
}

export class JobCancelledError extends Error {
  constructor() {
    super("The job was cancelled.");
    this.name = "JobCancelledError";
  }
}

/** An error whose message is meant for the user (what went wrong and what to do). Others are shown generically. */
export class JobFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JobFailure";
  }
}
