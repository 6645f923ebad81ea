// A model's dry run in a child process with a deadline and a memory cap (untrusted work, child-process.ts).
import "server-only";
import { OnnxModelError, type OnnxModelErrorCode, type PrepareOptions } from "@/lib/onnx";
import type { RunCost } from "@/lib/contracts/run-cost";
import { positiveFromEnv, runInChild, type ChildLimits } from "./child-process";
import type { DryRunAnswer, DryRunRequest } from "./dry-run-child";

export type UntrustedLimits = ChildLimits;

export function untrustedLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): UntrustedLimits {
  return { seconds: positiveFromEnv(env.SIGHTLINE_DRY_RUN_SECONDS, 30), memoryMb: positiveFromEnv(env.SIGHTLINE_UNTRUSTED_MAX_MB, 1536) };
}

/**
 * Loads the model file at `modelPath` in a child process and runs one test row. Resolves when it runs, with what a
 * prediction costs there (null when it could not be timed); throws OnnxModelError when the model fails, runs past the
 * deadline, or needs more memory than the cap.
 */
export async function dryRunIsolated(
  modelPath: string,
  options: PrepareOptions,
  limits: UntrustedLimits = untrustedLimitsFromEnv(),
  declaration: DryRunRequest["declaration"] = {},
): Promise<RunCost | null> {
  const request: DryRunRequest = { modelPath, options, declaration };
  const answer = await runInChild<never, DryRunAnswer>({
    script: "lib/jobs/dry-run-child.ts",
    request,
    limits,
    overTime: ({ seconds }) =>
      new OnnxModelError(
        "RUN_FAILED",
        `The model did not finish one test row within ${seconds} s, so it was stopped. It may repeat a step a very large number of times. Check its loops, or export it again.`,
        { seconds },
      ),
    overMemory: ({ memoryMb }, used) =>
      new OnnxModelError(
        "MODEL_TOO_LARGE",
        `The model needed more than ${Math.round(memoryMb).toLocaleString("en-US")} MB of memory for one test row, so it was stopped. Check the sizes it builds (for example ConstantOfShape or Expand), or export it again.`,
        { memoryMb: Math.round(used) },
      ),
  }).catch((error: unknown) => {
    if (error instanceof OnnxModelError) throw error;
    throw new Error(`The model check stopped unexpectedly. ${error instanceof Error ? error.message : String(error)}`);
  });
  // The child sends an OnnxModelError's own code (or RUN_FAILED for anything else).
  if (!answer.ok) throw new OnnxModelError(answer.code as OnnxModelErrorCode, answer.message);
  return answer.cost;
}
