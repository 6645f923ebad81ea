"use client";
// Runs the version in a Web Worker: (re)started when the backend preference changes, one prediction per case, and
// batches (partial dependence, counterfactuals, the sample) answered through promises. Keeps the worker's own
// timings of session.run for the "cost of running" panel and the benchmark.
import { useCallback, useEffect, useRef, useState } from "react";
import type { WhatIfPrepareOptions } from "@/lib/contracts/what-if";
import type { BatchColumn, BatchOutputs } from "@/lib/what-if/batch";
import type { WorkerPrediction, WorkerRequest, WorkerResponse } from "./worker-protocol";

export type WorkerState =
  | { status: "loading" }
  | { status: "ready"; backend: "wasm" | "webgpu"; threads: number; loadMs: number; offGpu: string[]; gpuProblem: string | null }
  | { status: "failed"; message: string };

export interface PredictionState {
  prediction: WorkerPrediction;
  /** the whole call in the worker, ms */
  ms: number;
  /** around session.run, ms */
  runMs: number;
  id: number;
}

export interface BatchAnswer {
  outputs: BatchOutputs;
  ms: number;
  runMs: number;
}

/** The worker's timings, newest last (at most TIMING_LIMIT single calls). */
export interface WorkerTimings {
  singleRunMs: number[];
  batches: { rows: number; ms: number; runMs: number }[];
}

const TIMING_LIMIT = 500;

export function useWhatIfWorker(modelUrl: string, prepareOptions: WhatIfPrepareOptions, preferWasm: boolean, threads?: number) {
  const worker = useRef<Worker | null>(null);
  const nextId = useRef(0);
  const latestId = useRef(0);
  /** the id of the first prediction asked of the current worker (-1: none yet) */
  const firstId = useRef(-1);
  const pending = useRef(new Map<number, { resolve: (answer: BatchAnswer) => void; reject: (error: Error) => void }>());
  const timings = useRef<WorkerTimings>({ singleRunMs: [], batches: [] });
  // Each state remembers which worker (backend preference) it came from; an older worker's state reads as loading.
  const [tagged, setState] = useState<{ key: string; state: WorkerState }>({ key: "", state: { status: "loading" } });
  const [taggedResult, setResult] = useState<{ key: string; result: PredictionState } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const options = JSON.stringify(prepareOptions);
  const key = `${modelUrl} ${options} ${preferWasm} ${threads ?? ""}`;

  useEffect(() => {
    const w = new Worker(new URL("./what-if.worker.ts", import.meta.url), { type: "module", name: "what-if" });
    const waiting = pending.current;
    worker.current = w;
    timings.current = { singleRunMs: [], batches: [] };
    firstId.current = -1;
    w.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      if (message.type === "ready") setState({ key, state: { status: "ready", backend: message.backend, threads: message.threads, loadMs: message.loadMs, offGpu: message.offGpu, gpuProblem: message.gpuProblem } });
      else if (message.type === "prediction") {
        // The first call of a session warms the runtime up; the cost figures leave it out.
        if (message.id !== firstId.current) {
          const list = timings.current.singleRunMs;
          list.push(message.runMs);
          if (list.length > TIMING_LIMIT) list.splice(0, list.length - TIMING_LIMIT);
        }
        if (message.id === latestId.current) {
          setResult({ key, result: { prediction: message.prediction, ms: message.ms, runMs: message.runMs, id: message.id } });
          setError(null);
        }
      } else if (message.type === "batch") {
        timings.current.batches.push({ rows: message.outputs.rows, ms: message.ms, runMs: message.runMs });
        if (timings.current.batches.length > 50) timings.current.batches.shift();
        waiting.get(message.id)?.resolve({ outputs: message.outputs, ms: message.ms, runMs: message.runMs });
        waiting.delete(message.id);
      } else if (message.id === null) setState({ key, state: { status: "failed", message: message.message } });
      else if (waiting.has(message.id)) {
        waiting.get(message.id)!.reject(new Error(message.message));
        waiting.delete(message.id);
      } else if (message.id === latestId.current) setError(message.message);
    };
    w.onerror = (event) => setState({ key, state: { status: "failed", message: event.message || "The worker stopped." } });
    const init: WorkerRequest = { type: "init", modelUrl, prepareOptions: JSON.parse(options) as WhatIfPrepareOptions, preferWasm, ...(threads ? { threads } : {}) };
    w.postMessage(init);
    return () => {
      w.terminate();
      worker.current = null;
      for (const p of waiting.values()) p.reject(new Error("The model was reloaded."));
      waiting.clear();
    };
  }, [key, modelUrl, options, preferWasm, threads]);

  const predict = useCallback((columns: Extract<WorkerRequest, { type: "predict" }>["columns"]) => {
    const w = worker.current;
    if (!w) return;
    nextId.current += 1;
    latestId.current = nextId.current;
    if (firstId.current < 0) firstId.current = nextId.current;
    const request: WorkerRequest = { type: "predict", id: nextId.current, columns };
    w.postMessage(request);
  }, []);

  /** Scores many cases in one call; the columns' arrays are handed to the worker (transferred, not copied). */
  const scoreBatch = useCallback((columns: BatchColumn[]): Promise<BatchAnswer> => {
    const w = worker.current;
    if (!w) return Promise.reject(new Error("The model is not loaded yet."));
    nextId.current += 1;
    const id = nextId.current;
    return new Promise<BatchAnswer>((resolve, reject) => {
      pending.current.set(id, { resolve, reject });
      const request: WorkerRequest = { type: "batch", id, columns };
      const transfer = columns.flatMap((c) => (c.kind === "number" ? [c.values.buffer] : []));
      w.postMessage(request, transfer);
    });
  }, []);

  const readTimings = useCallback((): WorkerTimings => ({ singleRunMs: timings.current.singleRunMs.slice(), batches: timings.current.batches.slice() }), []);

  const state: WorkerState = tagged.key === key ? tagged.state : { status: "loading" };
  const result = taggedResult?.key === key ? taggedResult.result : null;
  return { state, result, error, predict, scoreBatch, readTimings };
}
