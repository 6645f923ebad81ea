// Next.js calls register() once when the server starts (https://nextjs.org/docs/app/guides/instrumentation):
// it starts this process's job worker and the queue's schedules (lib/jobs/runner.ts), so queued jobs, audit
// checkpoints and the staging sweep run without waiting for a first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerJobs } = await import("./lib/evaluation/start-server");
  await startServerJobs();
}
