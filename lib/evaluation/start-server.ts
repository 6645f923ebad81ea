// The server's start-up hook (instrumentation.ts): register every job kind, then start the worker. A database
// that cannot be opened is reported and the server keeps starting (its pages then say what is wrong).
import "./register-jobs";
import { runAcceptedRiskDailyCheck } from "@/lib/db/accepted-risks";
import { startJobRunner } from "@/lib/jobs/runner";
import { startNotificationWorkers } from "@/lib/notifications/worker";
import { warmFileChecker } from "@/lib/jobs/untrusted-check";

export async function startServerJobs(): Promise<void> {
  warmFileChecker(); // the first upload's check should not wait for a child process to start
  try {
    await startJobRunner();
    await startNotificationWorkers({ acceptedRisks: runAcceptedRiskDailyCheck });
  } catch (error) {
    console.error("The job queue could not start; jobs wait until it does.", error);
  }
}
