// Child process for a model's dry run (untrusted work): it loads the model file and runs one test row, then
// answers the parent over IPC. It never opens the database. The parent (lib/jobs/untrusted-dry-run.ts) kills it at
// its deadline or when its memory grows past the cap, so a model that loops or allocates forever costs this
// process only, never the server.
import fs from "node:fs";
import { OnnxModelError, prepareModel, type PrepareOptions } from "@/lib/onnx";
import type { OutputDeclaration } from "@/lib/onnx/output-checks";
import type { RunCost } from "@/lib/contracts/run-cost";
import { checkUpload } from "@/lib/onnx/session-node";
import { serveOneRequest } from "./child-process";

export interface DryRunRequest {
  modelPath: string;
  options: PrepareOptions;
  /** what the owner declared about the output (a raw score is then not refused) */
  declaration?: OutputDeclaration;
}

export type DryRunAnswer = { ok: true; cost: RunCost | null } | { ok: false; code: string; message: string };

serveOneRequest<DryRunRequest, never, DryRunAnswer>(
  async (request) => {
    const bytes = new Uint8Array(fs.readFileSync(request.modelPath));
    // Output checks (a transformer's many values, unnamed classes, a yes/no score outside 0 to 1), then one test row.
    // Then, once accepted, what one prediction and a batch cost here (shown on the version and what-if pages).
    const { cost } = await checkUpload(prepareModel(bytes, request.options), request.declaration ?? {}, { timeIt: true });
    return { ok: true, cost };
  },
  (error) =>
    error instanceof OnnxModelError
      ? { ok: false, code: error.code, message: error.message }
      : { ok: false, code: "RUN_FAILED", message: error instanceof Error ? error.message : String(error) },
);
