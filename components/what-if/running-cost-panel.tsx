"use client";
// What running the model costs on this device: the file size, the time of one prediction (the worker's own timing
// around session.run) and predictions a second, optionally from a batch of 10,000 cases.
import { useState } from "react";
import type { WhatIfValue } from "@/lib/contracts/what-if";
import { WHATIF_ANALYSIS_WORDS, runningCostSentences, serverCostSentences } from "@/lib/narrative";
import { casesToColumns } from "@/lib/what-if/batch";
import { roughRate, runningCost, serverCostWords } from "@/lib/what-if/running-cost";
import type { AnalysisContext } from "./analysis-context";

/** The batch the button times: the example rows (or this case) repeated to 10,000 cases. */
export const COST_BATCH_ROWS = 10_000;

export function RunningCostPanel({ context, resultId }: { context: AnalysisContext; resultId: number | null }) {
  const { setup, scoreBatch, readTimings } = context;
  const [batch, setBatch] = useState<{ rows: number; ms: number; runMs: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Read on every render: the answer to each edit (resultId) re-renders this panel with the newest timings.
  const timings = readTimings();
  const cost = runningCost(timings.singleRunMs, batch ? [{ rows: batch.rows, ms: batch.runMs }] : []);

  async function measure() {
    setBusy(true);
    setError(null);
    try {
      const source: readonly (readonly WhatIfValue[])[] = setup.sample && setup.sample.rows.length > 0 ? setup.sample.rows : [context.values];
      const cases = Array.from({ length: COST_BATCH_ROWS }, (_, i) => source[i % source.length]!);
      const answer = await scoreBatch(casesToColumns(setup.features, cases));
      setBatch({ rows: answer.outputs.rows, ms: answer.ms, runMs: answer.runMs });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const sentences = runningCostSentences({
    fileBytes: setup.fileBytes,
    msPerCall: cost.msPerCall,
    calls: cost.calls,
    roughPerSecond: cost.perSecond === null ? null : roughRate(cost.perSecond),
    batched: cost.batched,
    backend: context.backendLabel ?? "",
  });
  return (
    <div className="space-y-3" data-testid="whatif-cost" data-result={resultId ?? undefined} data-batch-rows={batch?.rows} data-batch-ms={batch ? batch.ms.toFixed(2) : undefined} data-batch-run-ms={batch ? batch.runMs.toFixed(2) : undefined}>
      <div className="space-y-1 text-sm text-slate-800">
        {sentences.map((s) => (
          <p key={s}>{s}</p>
        ))}
        {cost.msPerCall === null ? <p className="text-slate-600">{WHATIF_ANALYSIS_WORDS.costNoCalls}</p> : null}
      </div>
      <div className="space-y-1 text-sm text-slate-800" data-testid="whatif-server-cost">
        {serverCostSentences(serverCostWords(setup.serverCost)).map((s) => (
          <p key={s}>{s}</p>
        ))}
      </div>
      <button
        type="button"
        onClick={() => void measure()}
        disabled={busy}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
        data-testid="whatif-cost-measure"
      >
        {busy ? WHATIF_ANALYSIS_WORDS.pdpWorking : WHATIF_ANALYSIS_WORDS.costMeasureBatch}
      </button>
      {error ? <p className="text-sm text-red-800">{error}</p> : null}
    </div>
  );
}
