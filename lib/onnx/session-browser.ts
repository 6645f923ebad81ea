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

/** The few WebGPU shapes used here (TypeScript's DOM library has no WebGPU types yet). */
interface GpuDeviceLike {
  addEventListener(type: "uncapturederror", listener: (event: { error?: { message?: string } }) => void): void;
}
interface GpuAdapterLike {
  readonly limits: { readonly maxStorageBuffersPerShaderStage?: number };
  readonly features: unknown;
  readonly info?: unknown;
  requestDevice(descriptor?: { requiredLimits?: Record<string, number>; requiredFeatures?: unknown[] }): Promise<GpuDeviceLike>;
}
interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

async function gpuAdapter(): Promise<GpuAdapterLike | null> {
  if (typeof navigator === "undefined") return null;
  const gpu = (navigator as { gpu?: GpuLike }).gpu;
  if (!gpu) return null;
  try {
    return await gpu.requestAdapter();
  } catch {
    return null;
  }
}

/** WebGPU errors the device raised since the runtime started (a shader it refused, a binding over its limits). */
const gpuErrors: string[] = [];

/**
 * The adapter as onnxruntime-web sees it: its device asks for as many storage buffers per shader as the adapter
 * offers. onnxruntime-web asks for the default 8, and its Concat binds one buffer per input: a model joining eight
 * or more columns in one Concat (scikit-learn pipelines with many encoded columns, the demo income model among them)
 * then fails validation and returns wrong numbers without an error. The device also reports every uncaught error
 * here, so a session that raised one is not trusted (createBrowserSession).
 */
function widened(adapter: GpuAdapterLike): GpuAdapterLike {
  return {
    limits: adapter.limits,
    features: adapter.features,
    info: adapter.info,
    async requestDevice(descriptor = {}) {
      const most = adapter.limits.maxStorageBuffersPerShaderStage;
      const device = await adapter.requestDevice({ ...descriptor, requiredLimits: { ...descriptor.requiredLimits, ...(most ? { maxStorageBuffersPerShaderStage: most } : {}) } });
      device.addEventListener("uncapturederror", (event) => gpuErrors.push(event.error?.message ?? "a WebGPU error"));
      return device;
    },
  };
}

/** How many WebGPU errors the device has raised so far (a later answer after a new one cannot be trusted). */
export function gpuErrorCount(): number {
  return gpuErrors.length;
}

let loading: Promise<{ ort: OrtModule; backend: BrowserBackend }> | undefined;

/** Loads the runtime once per page or worker; `prefer: "wasm"` skips the WebGPU probe. */
export function loadRuntime(prefer?: BrowserBackend): Promise<{ ort: OrtModule; backend: BrowserBackend }> {
  loading ??= (async () => {
    const adapter = prefer === "wasm" ? null : await gpuAdapter();
    const backend: BrowserBackend = adapter ? "webgpu" : "wasm";
    const ort: OrtModule = backend === "webgpu" ? await import("onnxruntime-web") : await import("onnxruntime-web/wasm");
    ort.env.wasm.wasmPaths = ONNXRUNTIME_WASM_PATH;
    ort.env.logLevel = "error";
    if (adapter) ort.env.webgpu.adapter = widened(adapter);
    // Threads need cross-origin isolation; without it onnxruntime-web falls back to one thread anyway.
    if (typeof self !== "undefined" && !(self as { crossOriginIsolated?: boolean }).crossOriginIsolated) ort.env.wasm.numThreads = 1;
    return { ort, backend };
  })();
  return loading;
}

function sessionOptions(backend: BrowserBackend): InferenceSession.SessionOptions {
  return { executionProviders: backend === "webgpu" ? ["webgpu", "wasm"] : ["wasm"], graphOptimizationLevel: "all", logSeverityLevel: 3 };
}

/** `wrap` may decorate the runner (the what-if worker times each `session.run` through it). */
export async function createScoringSession(prepared: PreparedModel, prefer?: BrowserBackend, wrap?: (runner: TensorRunner) => TensorRunner): Promise<ScoringSession> {
  return (await createBrowserSession(prepared, prefer, wrap)).session;
}

export interface BrowserSession {
  session: ScoringSession;
  /** what runs it */
  backend: BrowserBackend;
  /** why WebGPU was offered but not used (its device raised an error on this model); null otherwise */
  gpuProblem: string | null;
}

/**
 * A session on WebGPU when the browser offers it, checked before use: one test row runs, and when the device raises
 * an error meanwhile (its answers cannot be trusted) the session is dropped for one on WASM, with the reason.
 */
export async function createBrowserSession(prepared: PreparedModel, prefer?: BrowserBackend, wrap?: (runner: TensorRunner) => TensorRunner): Promise<BrowserSession> {
  const { ort, backend } = await loadRuntime(prefer);
  const open = async (on: BrowserBackend) => {
    const runner = await createOrtRunner(ort, prepared.bytes, sessionOptions(on));
    return makeScoringSession(prepared, wrap ? wrap(runner) : runner);
  };
  if (backend === "wasm") return { session: await open("wasm"), backend, gpuProblem: null };
  const before = gpuErrors.length;
  let failure: string | null = null;
  let session: ScoringSession | null = null;
  try {
    session = await open("webgpu");
    await session.dryRun();
    // Errors are reported as events: let them arrive before judging.
    await new Promise((resolve) => setTimeout(resolve, 0));
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  if (session && failure === null && gpuErrors.length === before) return { session, backend, gpuProblem: null };
  await session?.release();
  return { session: await open("wasm"), backend: "wasm", gpuProblem: failure ?? gpuErrors[before] ?? "a WebGPU error" };
}
export function scoreTable(prepared: PreparedModel, columns: ColumnSource, options?: ScoreOptions): Promise<ScoredTable> {
  return withSession(() => createScoringSession(prepared), (session) => session.score(columns, options));
}

export function dryRun(prepared: PreparedModel, sampleColumns?: ColumnSource): Promise<DryRunResult> {
  return withSession(() => createScoringSession(prepared), (session) => session.dryRun(sampleColumns));
}
