// Messages between the what-if page and its Web Worker (structured-clone data only). The case goes to the
// worker by postMessage, never over the network.
import type { WhatIfPrepareOptions, WhatIfValue } from "@/lib/contracts/what-if";

export type WorkerRequest =
  | { type: "init"; modelUrl: string; prepareOptions: WhatIfPrepareOptions; preferWasm: boolean }
  | { type: "predict"; id: number; columns: { name: string; kind: "number" | "text"; value: WhatIfValue }[] };

export interface WorkerPrediction {
  /** binary: P(positive) */
  score: number | null;
  /** regression */
  value: number | null;
  /** predicted class (classifiers) */
  label: string | null;
  /** probability of `label` (classifiers) */
  labelProbability: number | null;
}

export type WorkerResponse =
  | { type: "ready"; backend: "wasm" | "webgpu"; threads: number; loadMs: number }
  | { type: "prediction"; id: number; prediction: WorkerPrediction; ms: number }
  | { type: "error"; id: number | null; message: string };
