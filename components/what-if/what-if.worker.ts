// The what-if page's Web Worker: loads the version's model file (same origin), prepares it with lib/onnx exactly as
// the server does, and scores one case, or a batch of cases (partial dependence, counterfactuals, the sample), per
// message with onnxruntime-web (WASM, or WebGPU when the page allows it). Each answer carries its time around
// session.run.
import { PrepareOptionsSchema, inspectModel, prepareModel, type ColumnSource, type FeatureColumn, type TensorRunner } from "@/lib/onnx";
import { operatorsOffWebGpu } from "@/lib/onnx/webgpu-operators";
import { createBrowserSession, gpuErrorCount, loadRuntime, type ScoringSession } from "@/lib/onnx/session-browser";
import { WHATIF_WORDS } from "@/lib/narrative/what-if-words";
import { compileProcessing, scoreWithProcessing } from "@/lib/processing";
import type { BatchOutputs } from "@/lib/what-if/batch";
import type { WorkerPrediction, WorkerRequest, WorkerResponse } from "./worker-protocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let session: ScoringSession | null = null;
/** WebGPU errors seen when the session was accepted; a new one means the answers cannot be trusted. */
let acceptedGpuErrors = 0;
/** True when the session runs on WebGPU (after a fallback to WASM, a late error of the dropped session counts for nothing). */
let onGpu = false;

/** Refuses to answer once the graphics card raised an error after the session was checked. */
function checkGpu(): void {
  if (onGpu && gpuErrorCount() > acceptedGpuErrors) throw new Error(WHATIF_WORDS.gpuFailedLater);
}
let queue: Promise<void> = Promise.resolve();
/** Time spent in session.run since the current message started (ms). */
let runMs = 0;

function post(message: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Adds each session.run's duration to `runMs`. */
function timed(runner: TensorRunner): TensorRunner {
  return {
    async run(feeds, fetches) {
      const start = performance.now();
      try {
        return await runner.run(feeds, fetches);
      } finally {
        runMs += performance.now() - start;
      }
    },
    release: () => runner.release(),
  };
}

async function init(request: Extract<WorkerRequest, { type: "init" }>): Promise<void> {
  const start = performance.now();
  const response = await fetch(request.modelUrl, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`The model file could not be loaded (HTTP ${response.status}).`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // The version's declared processing wraps the session below (lib/processing, the same code as the server's scoring).
  const { processing, ...options } = request.prepareOptions;
  const prepared = prepareModel(bytes, PrepareOptionsSchema.parse(options));
  const { ort } = await loadRuntime(request.preferWasm ? "wasm" : undefined);
  // A thread count asked for (the benchmark's one-thread run) applies before the first session starts the runtime.
  if (request.threads !== undefined && (self as { crossOriginIsolated?: boolean }).crossOriginIsolated) ort.env.wasm.numThreads = request.threads;
  const { session: plain, backend, gpuProblem } = await createBrowserSession(prepared, request.preferWasm ? "wasm" : undefined, timed);
  acceptedGpuErrors = gpuErrorCount();
  onGpu = backend === "webgpu";
  const compiled = processing ? compileProcessing(processing) : null;
  session = compiled ? { ...plain, score: (columns, options) => scoreWithProcessing(plain, compiled, columns, options) } : plain;
  const threads = typeof ort.env.wasm.numThreads === "number" && ort.env.wasm.numThreads > 0 ? ort.env.wasm.numThreads : 1;
  const offGpu = backend === "webgpu" ? operatorsOffWebGpu(inspectModel(prepared.bytes).operators) : [];
  post({ type: "ready", backend, threads, loadMs: performance.now() - start, offGpu, gpuProblem });
}

async function predict(request: Extract<WorkerRequest, { type: "predict" }>): Promise<void> {
  if (!session) throw new Error("The model is not loaded yet.");
  const columns: Record<string, FeatureColumn> = {};
  for (const c of request.columns) {
    columns[c.name] = c.kind === "number" ? Float64Array.of(typeof c.value === "number" ? c.value : Number.NaN) : [typeof c.value === "string" ? c.value : null];
  }
  runMs = 0;
  const start = performance.now();
  const scored = await session.score(columns as ColumnSource);
  const ms = performance.now() - start;
  checkGpu();
  const prediction: WorkerPrediction = { score: scored.score?.[0] ?? null, value: scored.prediction?.[0] ?? null, label: null, labelProbability: null };
  if (scored.probabilities && scored.classes) {
    let best = 0;
    for (let c = 1; c < scored.classes.length; c++) if ((scored.probabilities[c] ?? 0) > (scored.probabilities[best] ?? 0)) best = c;
    prediction.label = scored.labels?.[0] ?? scored.classes[best] ?? null;
    const index = prediction.label === null ? best : scored.classes.indexOf(prediction.label);
    prediction.labelProbability = scored.probabilities[index >= 0 ? index : best] ?? null;
  } else if (scored.labels?.[0] !== undefined) {
    prediction.label = scored.labels[0];
  }
  post({ type: "prediction", id: request.id, prediction, ms, runMs });
}

async function batch(request: Extract<WorkerRequest, { type: "batch" }>): Promise<void> {
  if (!session) throw new Error("The model is not loaded yet.");
  const columns: Record<string, FeatureColumn> = {};
  let rows = 0;
  for (const c of request.columns) {
    columns[c.name] = c.values;
    rows = c.values.length;
  }
  runMs = 0;
  const start = performance.now();
  const scored = await session.score(columns as ColumnSource);
  const ms = performance.now() - start;
  checkGpu();
  const outputs: BatchOutputs = {
    rows,
    score: scored.score ? Float64Array.from(scored.score) : null,
    value: scored.prediction ? Float64Array.from(scored.prediction) : null,
    labels: scored.labels ?? null,
    probabilities: scored.probabilities ? Float64Array.from(scored.probabilities) : null,
    classes: scored.classes ? [...scored.classes] : null,
  };
  if (!outputs.labels && outputs.probabilities && outputs.classes) {
    const k = outputs.classes.length;
    outputs.labels = Array.from({ length: rows }, (_, r) => {
      let best = 0;
      for (let c = 1; c < k; c++) if ((outputs.probabilities![r * k + c] ?? 0) > (outputs.probabilities![r * k + best] ?? 0)) best = c;
      return outputs.classes![best] ?? "";
    });
  }
  const transfer = [outputs.score, outputs.value, outputs.probabilities].filter((a): a is Float64Array => a !== null).map((a) => a.buffer);
  post({ type: "batch", id: request.id, outputs, ms, runMs }, transfer);
}

scope.onmessage = (event) => {
  const request = event.data;
  // One call at a time, in order: a newer case never overtakes an older one.
  queue = queue.then(() =>
    (request.type === "init" ? init(request) : request.type === "predict" ? predict(request) : batch(request)).catch((error: unknown) => {
      post({ type: "error", id: request.type === "init" ? null : request.id, message: messageOf(error) });
    }),
  );
};
