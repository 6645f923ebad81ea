// A model's dry run in a child process with a deadline and a memory cap (untrusted work, DESIGN.md "Domain").
// Worker threads' resourceLimits do not cap WebAssembly memory, so a watchdog reads the child's resident memory
// from /proc and kills it past the cap. The server keeps answering every other request meanwhile.
import "server-only";
import { fork } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { OnnxModelError, type OnnxModelErrorCode, type PrepareOptions } from "@/lib/onnx";
import type { DryRunAnswer } from "./dry-run-child";

export interface UntrustedLimits {
  /** seconds the dry run may take */
  seconds: number;
  /** resident memory the child may use, in MB */
  memoryMb: number;
}

function positive(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export function untrustedLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): UntrustedLimits {
  return { seconds: positive(env.SIGHTLINE_DRY_RUN_SECONDS, 30), memoryMb: positive(env.SIGHTLINE_UNTRUSTED_MAX_MB, 1536) };
}

/** Resident memory of a process in MB (Linux /proc); null where it cannot be read. */
function residentMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Loads the model file at `modelPath` in a child process and runs one test row. Resolves when it runs; throws
 * OnnxModelError when the model fails, runs past the deadline, or needs more memory than the cap.
 */
export function dryRunIsolated(modelPath: string, options: PrepareOptions, limits: UntrustedLimits = untrustedLimitsFromEnv()): Promise<void> {
  const script = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib/jobs/dry-run-child.ts");
  return new Promise((resolve, reject) => {
    const child = fork(script, [], {
      execArgv: ["--import", "tsx"],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    let settled = false;
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString("utf8");
    });
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearInterval(watchdog);
      if (child.exitCode === null) child.kill("SIGKILL");
      if (error) reject(error);
      else resolve();
    };
    const deadline = setTimeout(() => {
      finish(
        new OnnxModelError(
          "RUN_FAILED",
          `The model did not finish one test row within ${limits.seconds} s, so it was stopped. It may repeat a step a very large number of times. Check its loops, or export it again.`,
          { seconds: limits.seconds },
        ),
      );
    }, limits.seconds * 1000);
    const watchdog = setInterval(() => {
      const mb = child.pid === undefined ? null : residentMb(child.pid);
      if (mb !== null && mb > limits.memoryMb) {
        finish(
          new OnnxModelError(
            "MODEL_TOO_LARGE",
            `The model needed more than ${Math.round(limits.memoryMb).toLocaleString("en-US")} MB of memory for one test row, so it was stopped. Check the sizes it builds (for example ConstantOfShape or Expand), or export it again.`,
            { memoryMb: Math.round(mb) },
          ),
        );
      }
    }, 100);
    child.on("message", (raw: unknown) => {
      const message = raw as DryRunAnswer;
      if (message.ok) finish(null);
      // The child sends an OnnxModelError's own code (or RUN_FAILED for anything else).
      else finish(new OnnxModelError(message.code as OnnxModelErrorCode, message.message));
    });
    child.on("error", (error) => finish(error));
    child.on("exit", (code, signal) => {
      if (settled) return;
      finish(new Error(`The model check stopped unexpectedly (exit ${code ?? signal ?? "?"}). ${stderr.trim().slice(0, 500)}`));
    });
    child.send({ modelPath, options });
  });
}
