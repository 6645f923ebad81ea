// A job as the progress bar and the API see it (lib/db/jobs.ts reads it; components/data shows it).
// A plain data shape (no I/O): any layer may import it.

/** The states of a job (the JobStatus enum of prisma/schema.prisma). */
export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  progress: number;
  stage: string;
  error: string | null;
  result: unknown;
  modelId: string | null;
  createdAt: string;
  finishedAt: string | null;
}
