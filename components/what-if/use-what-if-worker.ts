"use client";
// Runs the version in a Web Worker: (re)started when the backend preference changes, one prediction per case.
import { useCallback, useEffect, useRef, useState } from "react";
import type { WhatIfPrepareOptions } from "@/lib/contracts/what-if";
import type { WorkerPrediction, WorkerRequest, WorkerResponse } from "./worker-protocol";

export type WorkerState =
  | { status: "loading" }
  | { status: "ready"; backend: "wasm" | "webgpu"; threads: number; loadMs: number }
  | { status: "failed"; message: string };

export interface PredictionState {
  prediction: WorkerPrediction;
  ms: number;
  id: number;
}

export function useWhatIfWorker(modelUrl: string, prepareOptions: WhatIfPrepareOptions, preferWasm: boolean) {
  const worker = useRef<Worker | null>(null);
  const nextId = useRef(0);
  const latestId = useRef(0);
  // Each state remembers which worker (backend preference) it came from; an older worker's state reads as loading.
  const [tagged, setState] = useState<{ key: string; state: WorkerState }>({ key: "", state: { status: "loading" } });
  const [taggedResult, setResult] = useState<{ key: string; result: PredictionState } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const options = JSON.stringify(prepareOptions);
  const key = `${modelUrl} ${options} ${preferWasm}`;

  useEffect(() => {
    const w = new Worker(new URL("./what-if.worker.ts", import.meta.url), { type: "module", name: "what-if" });
    worker.current = w;
    w.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      if (message.type === "ready") setState({ key, state: { status: "ready", backend: message.backend, threads: message.threads, loadMs: message.loadMs } });
      else if (message.type === "prediction") {
        if (message.id === latestId.current) {
          setResult({ key, result: { prediction: message.prediction, ms: message.ms, id: message.id } });
          setError(null);
        }
      } else if (message.id === null) setState({ key, state: { status: "failed", message: message.message } });
      else if (message.id === latestId.current) setError(message.message);
    };
    w.onerror = (event) => setState({ key, state: { status: "failed", message: event.message || "The worker stopped." } });
    const init: WorkerRequest = { type: "init", modelUrl, prepareOptions: JSON.parse(options) as WhatIfPrepareOptions, preferWasm };
    w.postMessage(init);
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, [key, modelUrl, options, preferWasm]);

  const predict = useCallback((columns: Extract<WorkerRequest, { type: "predict" }>["columns"]) => {
    const w = worker.current;
    if (!w) return;
    nextId.current += 1;
    latestId.current = nextId.current;
    const request: WorkerRequest = { type: "predict", id: nextId.current, columns };
    w.postMessage(request);
  }, []);

  const state: WorkerState = tagged.key === key ? tagged.state : { status: "loading" };
  const result = taggedResult?.key === key ? taggedResult.result : null;
  return { state, result, error, predict };
}
