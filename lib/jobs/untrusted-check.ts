// Checks an uploaded data file in a child process with a deadline and a memory cap (child-process.ts), so the server
// keeps answering while a large or hostile file is decoded. Refusals come back as the same IngestError (4xx).
import { IngestError } from "@/lib/ingest";
import { WarmChild, positiveFromEnv, type ChildLimits } from "./child-process";
import type { DataFileCheck } from "@/lib/ingest/check-data-file";
import type { CheckAnswer, CheckRequest, CheckedAndStaged } from "./check-file-child";
import type { CheckedLabelsFile, LabelsFileCheck } from "./check-labels-file";

/** SIGHTLINE_CHECK_SECONDS (default 300) and SIGHTLINE_CHECK_MAX_MB (default 4096). */
export function checkLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ChildLimits {
  return { seconds: positiveFromEnv(env.SIGHTLINE_CHECK_SECONDS, 300), memoryMb: positiveFromEnv(env.SIGHTLINE_CHECK_MAX_MB, 4096) };
}

// One warm checker per server process (kept on globalThis: Next bundles routes apart).
const globalChecker = globalThis as unknown as { sightlineFileChecker?: WarmChild<never, CheckAnswer> };
function checker(): WarmChild<never, CheckAnswer> {
  return (globalChecker.sightlineFileChecker ??= new WarmChild<never, CheckAnswer>("lib/jobs/check-file-child.ts"));
}

/** Starts the checker ahead of the first upload (the server's start-up hook). */
export function warmFileChecker(): void {
  checker().warm();
}

async function check(request: CheckRequest, fileName: string, limits: ChildLimits): Promise<CheckAnswer & { ok: true }> {
  const answer = await checker().run({
    script: "lib/jobs/check-file-child.ts",
    request,
    limits,
    overTime: ({ seconds }) =>
      new IngestError({
        code: "file_too_large",
        file: fileName,
        problem: `Reading the file took longer than ${seconds} s, so it was stopped.`,
        fix: "Upload fewer rows at once (for example one file per month).",
      }),
    overMemory: ({ memoryMb }) =>
      new IngestError({
        code: "file_too_large",
        file: fileName,
        problem: `Reading the file needed more than ${Math.round(memoryMb).toLocaleString("en-US")} MB of memory, so it was stopped.`,
        fix: "Upload fewer rows or columns at once (for example one file per month).",
      }),
  });
  if (answer.ok) return answer;
  if (answer.refusal) throw new IngestError(answer.refusal);
  throw new Error(answer.message);
}

/** Decodes and checks a data file in the warm checker child; refusals are IngestErrors (4xx). */
export async function checkDataFileIsolated(request: DataFileCheck, limits: ChildLimits = checkLimitsFromEnv()): Promise<CheckedAndStaged> {
  const answer = await check({ kind: "data", check: request }, request.fileName, limits);
  if (answer.kind !== "data") throw new Error("The file checker answered for another kind of file.");
  return answer.result;
}

/** Decodes a late-labels file and joins it onto the windows in the warm checker child. */
export async function checkLabelsFileIsolated(request: LabelsFileCheck, limits: ChildLimits = checkLimitsFromEnv()): Promise<CheckedLabelsFile> {
  const answer = await check({ kind: "labels", check: request }, request.fileName, limits);
  if (answer.kind !== "labels") throw new Error("The file checker answered for another kind of file.");
  return answer.result;
}
