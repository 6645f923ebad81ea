/**
 * Scoring in the browser or a Web Worker with onnxruntime-web, loaded lazily:
 * - `onnxruntime-web/wasm` (CPU only, ai.onnx.ml kernels included) by default;
 * - `onnxruntime-web` (JSEP build: WebGPU, with ai.onnx.ml kernels on its CPU side) only when
 *   `navigator.gpu.requestAdapter()` gives an adapter.
 * Never `onnxruntime-web/webgpu`: that build lacks the ai.onnx.ml (tree, linear) kernels.
 * The .wasm files are served from our own origin under ONNXRUNTIME_WASM_PATH.
 */
import type { InferenceSession } from "onnxruntime-web";
import type { ColumnSource } from "./columns";
import { type OrtModule, createOrtRunner } from "./ort-runner";
import type { PreparedModel } from "./plan";
import type { DryRunResult, ScoreOptions, ScoredTable, TensorRunner } from "./score-loop";
import { type ScoringSession, makeScoringSession, withSession } from "./scoring-session";

export type { ScoringSession } from "./scoring-session";

/** URL path (same origin) where the onnxruntime-web files are served from public/. */
export const ONNXRUNTIME_WASM_PATH = "/onnxruntime/";

/**
 * Files to copy from node_modules/onnxruntime-web/dist/ into public/onnxruntime/: the WASM-only
 * build (default) and the JSEP build (WebGPU), each a .wasm binary and its .mjs loader.
 */
export const ONNXRUNTIME_WASM_FILES = [
  "ort-wasm-simd-threaded.wasm",
  "ort-wasm-simd-threaded.mjs",
  "ort-wasm-simd-threaded.jsep.wasm",
  "ort-wasm-simd-threaded.jsep.mjs",
] as const;

export type BrowserBackend = "wasm" | "webgpu";

interface GpuLike {
  requestAdapter(): Promise<unknown>;
}

async function hasGpuAdapter(): Promise<boolean> {
  if (typeof navigator === "undefined") return false;
  const gpu = (navigator as { gpu?: GpuLike }).gpu;
  if (!gpu) return false;
  try {
    return (await gpu.requestAdapter()) !== null;
  } catch {
    return false;
  }
}

let loading: Promise<{ ort: OrtModule; backend: BrowserBackend }> | undefined;

/** Loads the runtime once per page or worker; `prefer: "wasm"` skips the WebGPU probe. */
export function loadRuntime(prefer?: BrowserBackend): Promise<{ ort: OrtModule; backend: BrowserBackend }> {
  loading ??= (async () => {
    const backend: BrowserBackend = prefer !== "wasm" && (await hasGpuAdapter()) ? "webgpu" : "wasm";
    const ort: OrtModule = backend === "webgpu" ? await import("onnxruntime-web") : await import("onnxruntime-web/wasm");
    ort.env.wasm.wasmPaths = ONNXRUNTIME_WASM_PATH;
    ort.env.logLevel = "error";
    // Threads need cross-origin isolation; without it onnxruntime-web falls back to one thread anyway.
    if (typeof self !== "undefined" && !(self as { crossOriginIsolated?: boolean }).crossOriginIsolated) ort.env.wasm.numThreads = 1;
    return { ort, backend };
  })();
  return loading;
}

/** `wrap` may decorate the runner (the what-if worker times each `session.run` through it). */
export async function createScoringSession(prepared: PreparedModel, prefer?: BrowserBackend, wrap?: (runner: TensorRunner) => TensorRunner): Promise<ScoringSession> {
  const { ort, backend } = await loadRuntime(prefer);
  const options: InferenceSession.SessionOptions = {
    executionProviders: backend === "webgpu" ? ["webgpu", "wasm"] : ["wasm"],
    graphOptimizationLevel: "all",
    logSeverityLevel: 3,
  };
  const runner = await createOrtRunner(ort, prepared.bytes, options);
  return makeScoringSession(prepared, wrap ? wrap(runner) : runner);
}

export function scoreTable(prepared: PreparedModel, columns: ColumnSource, options?: ScoreOptions): Promise<ScoredTable> {
  return withSession(() => createScoringSession(prepared), (session) => session.score(columns, options));
}

export function dryRun(prepared: PreparedModel, sampleColumns?: ColumnSource): Promise<DryRunResult> {
  return withSession(() => createScoringSession(prepared), (session) => session.dryRun(sampleColumns));
}
