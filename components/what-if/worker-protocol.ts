// Messages between the what-if page and its Web Worker (structured-clone data only). The case goes to the
// worker by postMessage, never over the network.
import type { WhatIfPrepareOptions, WhatIfValue } from "@/lib/contracts/what-if";
import type { BatchColumn, BatchOutputs } from "@/lib/what-if/batch";

export type WorkerRequest =
  | { type: "init"; modelUrl: string; prepareOptions: WhatIfPrepareOptions; preferWasm: boolean; threads?: number }
  | { type: "predict"; id: number; columns: { name: string; kind: "number" | "text"; value: WhatIfValue }[] }
  | { type: "batch"; id: number; columns: BatchColumn[] };

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
  /** offGpu: the model's operators the WebGPU provider does not run (they run on the CPU beside it); [] on WASM */
  /** gpuProblem: why WebGPU was offered but the model runs on WASM (the device raised an error on it); null otherwise */
  | { type: "ready"; backend: "wasm" | "webgpu"; threads: number; loadMs: number; offGpu: string[]; gpuProblem: string | null }
  /** ms: the whole call in the worker (encode, run, decode); runMs: around session.run only */
  | { type: "prediction"; id: number; prediction: WorkerPrediction; ms: number; runMs: number }
  | { type: "batch"; id: number; outputs: BatchOutputs; ms: number; runMs: number }
  | { type: "error"; id: number | null; message: string };
