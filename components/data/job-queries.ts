import { queryOptions } from "@tanstack/react-query";
import type { JobView } from "@/lib/contracts/job-view";

/** The JSON error body of /api/v1 (lib/api/route.ts). */
export interface ApiFailure {
  error?: { code?: string; message?: string };
}

export async function fetchJob(jobId: string): Promise<JobView> {
  const response = await fetch(`/api/v1/jobs/${jobId}`, { cache: "no-store" });
  if (!response.ok) {
    const failure = (await response.json().catch(() => ({}))) as ApiFailure;
    throw new Error(failure.error?.message ?? `HTTP ${response.status}`);
  }
  return (await response.json()) as JobView;
}

const finished = (job: JobView | undefined) => job !== undefined && !["queued", "running"].includes(job.status);

/** Polls a job once a second until it has finished. */
export const jobQuery = (jobId: string) =>
  queryOptions({
    queryKey: ["job", jobId],
    queryFn: () => fetchJob(jobId),
    refetchInterval: (query) => (finished(query.state.data) ? false : 1000),
  });
