// What running the model costs on this device, from the worker's own timings. Pure.
import type { RunCost } from "@/lib/contracts/run-cost";
import { timingSummary } from "./percentile";

export interface RunningCost {
  /** single-case calls measured */
  calls: number;
  /** median time of one call, ms (around session.run in the worker) */
  msPerCall: number | null;
  /** from the best batched run when there is one (rows / seconds), else 1000 / msPerCall */
  perSecond: number | null;
  /** true when perSecond comes from a batch */
  batched: boolean;
}

/** From single-case call times (ms) and, when measured, batches (rows and ms). */
export function runningCost(callMs: readonly number[], batches: readonly { rows: number; ms: number }[] = []): RunningCost {
  const { count, p50 } = timingSummary(callMs);
  const msPerCall = count === 0 ? null : p50;
  let perSecond: number | null = null;
  let batched = false;
  for (const b of batches) {
    if (b.rows >= 100 && b.ms > 0) {
      const rate = (b.rows * 1000) / b.ms;
      if (perSecond === null || rate > perSecond) {
        perSecond = rate;
        batched = true;
      }
    }
  }
  if (perSecond === null && msPerCall !== null && msPerCall > 0) perSecond = 1000 / msPerCall;
  return { calls: count, msPerCall, perSecond, batched };
}

/** A rate rounded to two significant figures for words ("about 20,000"): 23,456 -> 23,000; 987 -> 990; 7.4 -> 7.4. */
export function roughRate(perSecond: number): number {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return 0;
  const digits = Math.floor(Math.log10(perSecond));
  const unit = Math.pow(10, digits - 1);
  return Math.round(perSecond / unit) * unit;
}

/** The server's figure (measured at upload) as the words need it: one prediction's time and a rounded batch rate. */
export function serverCostWords(cost: RunCost | null): { oneRowMs: number; roughPerSecond: number; threads: number } | null {
  if (!cost || cost.batchMs <= 0) return null;
  return { oneRowMs: cost.oneRowMs, roughPerSecond: roughRate((cost.batchRows * 1000) / cost.batchMs), threads: cost.threads };
}
