// What every analysis panel of the what-if page receives from the explorer.
import type { WhatIfSetup, WhatIfValue } from "@/lib/contracts/what-if";
import type { BatchColumn } from "@/lib/what-if/batch";
import type { BatchAnswer, WorkerTimings } from "./use-what-if-worker";
import type { WorkerPrediction } from "./worker-protocol";

export interface AnalysisContext {
  setup: WhatIfSetup;
  /** the case being edited, as model values */
  values: WhatIfValue[];
  /** the latest answer for the case (may trail the newest edit by one call) */
  prediction: WorkerPrediction | null;
  scoreBatch: (columns: BatchColumn[]) => Promise<BatchAnswer>;
  readTimings: () => WorkerTimings;
  /** "WASM, 2 threads" or "WebGPU" once loaded */
  backendLabel: string | null;
  /** sets some inputs of the case (feature index -> value) */
  applyValues: (changes: { index: number; value: WhatIfValue }[]) => void;
}
