// What running a model cost on the server, measured once when its version was uploaded (lib/onnx/run-cost.ts), and
// stored on the version (ModelVersion.runCost).
import { z } from "zod";

export const RunCostSchema = z.object({
  /** median milliseconds of one single-row prediction (encode, run, decode) */
  oneRowMs: z.number().nonnegative(),
  /** rows in the timed batch, and its best time in milliseconds */
  batchRows: z.number().int().positive(),
  batchMs: z.number().nonnegative(),
  /** WASM threads the server used */
  threads: z.number().int().positive(),
  measuredAt: z.string(),
});
export type RunCost = z.infer<typeof RunCostSchema>;

/** The stored figure (JSON from the database) as the typed form; null when there is none or it does not parse. */
export function storedRunCost(json: unknown): RunCost | null {
  const parsed = RunCostSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** What the version page shows about running the model: the file's size and the server's figure. */
export interface VersionRunCostView {
  modelId: string;
  version: number;
  fileBytes: number;
  server: RunCost | null;
}
