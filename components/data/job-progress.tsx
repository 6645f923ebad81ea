"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { JobView } from "@/lib/contracts/job-view";
import { Button } from "../ui/button";
import { jobQuery, type ApiFailure } from "./job-queries";

const KIND_TEXT: Record<string, string> = {
  "data.ingest": "Data upload",
  "data.labels": "Labels upload",
  "version.evaluate": "New version evaluated on the stored data",
};

/** One sentence on what a finished job added. */
function summary(result: unknown): string {
  const r = (result ?? {}) as { windows?: unknown; snapshots?: unknown; rows?: unknown };
  const windows = Array.isArray(r.windows) ? r.windows.map(String) : [];
  const rows = typeof r.rows === "number" ? `${r.rows.toLocaleString("en-US")} rows, ` : "";
  const periods =
    windows.length === 0 ? "" : windows.length === 1 ? `"${windows[0]}"` : `${windows.length} periods (${windows[0]} to ${windows[windows.length - 1]})`;
  const snapshots = typeof r.snapshots === "number" ? `${r.snapshots} result${r.snapshots === 1 ? "" : "s"} added` : "done";
  return periods ? `Evaluated ${rows}${periods}: ${snapshots}.` : `Finished: ${snapshots}.`;
}

/** A job's progress bar, its stage in words, and what to do when it failed (retry) or runs (cancel). */
export function JobProgress({ jobId, initial, canControl }: { jobId: string; initial?: JobView; canControl: boolean }) {
  const query = useQuery({ ...jobQuery(jobId), ...(initial ? { initialData: initial } : {}) });
  const queryClient = useQueryClient();
  const router = useRouter();
  const [actionError, setActionError] = useState<string | null>(null);
  const job = query.data;
  const wasRunning = useRef(job ? ["queued", "running"].includes(job.status) : true);

  useEffect(() => {
    if (!job) return;
    const running = ["queued", "running"].includes(job.status);
    if (wasRunning.current && !running) router.refresh(); // new snapshots are in: show them
    wasRunning.current = running;
  }, [job, router]);

  async function act(action: "cancel" | "retry") {
    setActionError(null);
    const response = await fetch(`/api/v1/jobs/${jobId}/${action}`, { method: "POST" });
    if (!response.ok) {
      const failure = (await response.json().catch(() => ({}))) as ApiFailure;
      setActionError(failure.error?.message ?? `That did not work (HTTP ${response.status}).`);
      return;
    }
    queryClient.setQueryData(["job", jobId], (await response.json()) as JobView);
    wasRunning.current = true;
  }

  if (!job) {
    return <p className="text-sm text-slate-600">{query.error ? `Cannot read the job's progress: ${query.error.message}` : "Loading progress…"}</p>;
  }
  const percent = Math.round(job.progress * 100);
  const tone = job.status === "failed" ? "bg-red-600" : job.status === "cancelled" ? "bg-slate-400" : job.status === "succeeded" ? "bg-emerald-600" : "bg-sky-600";
  return (
    <div className="rounded-md border border-slate-200 p-3" data-testid="job-progress" data-status={job.status}>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="font-medium">{KIND_TEXT[job.kind] ?? job.kind}</span>
        <span className="text-slate-600">
          {job.status === "succeeded" ? "Done" : job.status === "failed" ? "Failed" : job.status === "cancelled" ? "Cancelled" : `${job.stage} · ${percent}%`}
        </span>
      </div>
      <div
        className="mt-2 h-2 w-full overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-label="Progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className={`h-full ${tone} transition-all`} style={{ width: `${job.status === "failed" || job.status === "cancelled" ? 100 : percent}%` }} />
      </div>
      {job.error ? <p className="mt-2 text-sm text-red-800">{job.error}</p> : null}
      {job.status === "succeeded" ? <p className="mt-2 text-sm text-emerald-800">{summary(job.result)}</p> : null}
      {canControl ? (
        <div className="mt-2 flex gap-2">
          {["queued", "running"].includes(job.status) ? (
            <Button type="button" variant="secondary" className="py-1" onClick={() => void act("cancel")}>
              Cancel
            </Button>
          ) : null}
          {["failed", "cancelled"].includes(job.status) ? (
            <Button type="button" variant="secondary" className="py-1" onClick={() => void act("retry")}>
              Retry
            </Button>
          ) : null}
        </div>
      ) : null}
      {actionError ? <p role="alert" className="mt-2 text-sm text-red-800">{actionError}</p> : null}
    </div>
  );
}
