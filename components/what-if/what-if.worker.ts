// The what-if page's Web Worker: loads the version's model file (same origin), prepares it with lib/onnx exactly as
// the server does, and scores one case per message with onnxruntime-web (WASM, or WebGPU when the page allows it).
import { PrepareOptionsSchema, prepareModel, type ColumnSource, type FeatureColumn } from "@/lib/onnx";
import { createScoringSession, loadRuntime, type ScoringSession } from "@/lib/onnx/session-browser";
import type { WorkerPrediction, WorkerRequest, WorkerResponse } from "./worker-protocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}
const scope = self as unknown as WorkerScope;

let session: ScoringSession | null = null;
let queue: Promise<void> = Promise.resolve();

function post(message: WorkerResponse): void {
  scope.postMessage(message);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function init(request: Extract<WorkerRequest, { type: "init" }>): Promise<void> {
  const start = performance.now();
  const response = await fetch(request.modelUrl, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`The model file could not be loaded (HTTP ${response.status}).`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const prepared = prepareModel(bytes, PrepareOptionsSchema.parse(request.prepareOptions));
  const { ort, backend } = await loadRuntime(request.preferWasm ? "wasm" : undefined);
  session = await createScoringSession(prepared, request.preferWasm ? "wasm" : undefined);
  const threads = typeof ort.env.wasm.numThreads === "number" && ort.env.wasm.numThreads > 0 ? ort.env.wasm.numThreads : 1;
  post({ type: "ready", backend, threads, loadMs: performance.now() - start });
}

async function predict(request: Extract<WorkerRequest, { type: "predict" }>): Promise<void> {
  if (!session) throw new Error("The model is not loaded yet.");
  const columns: Record<string, FeatureColumn> = {};
  for (const c of request.columns) {
    columns[c.name] = c.kind === "number" ? Float64Array.of(typeof c.value === "number" ? c.value : Number.NaN) : [typeof c.value === "string" ? c.value : null];
  }
  const start = performance.now();
  const scored = await session.score(columns as ColumnSource);
  const ms = performance.now() - start;
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
  post({ type: "prediction", id: request.id, prediction, ms });
}

scope.onmessage = (event) => {
  const request = event.data;
  // One call at a time, in order: a newer case never overtakes an older one.
  queue = queue.then(() =>
    (request.type === "init" ? init(request) : predict(request)).catch((error: unknown) => {
      post({ type: "error", id: request.type === "predict" ? request.id : null, message: messageOf(error) });
    }),
  );
};
