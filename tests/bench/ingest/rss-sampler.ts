/**
 * Peak memory of the process: `process.memoryUsage.rss()` sampled every 20 ms by a timer on a worker
 * thread (RSS is process-wide; a timer on the main thread would not fire while a synchronous stage
 * such as parsing or evaluating holds the thread, and would miss exactly the peaks we want). Every
 * sample is kept with its time, so the peak of any interval can be read afterwards. The kernel's
 * own high-water mark (`process.resourceUsage().maxRSS`) is the cross-check.
 */
import { Worker } from "node:worker_threads";

export const SAMPLE_EVERY_MS = 20;
/** 20 ms samples for up to 20 minutes. */
const MAX_SAMPLES = 60_000;
const HEADER = 2; // [0] samples written, [1] overall peak

export interface RssSampler {
  /** Highest sampled RSS (bytes) between two Date.now() times, the current reading included when `to` is now. */
  peakBetween(from: number, to: number): number;
  /** Highest sampled RSS so far (bytes). */
  peak(): number;
  /** Time (Date.now()) of the highest sample between two times. */
  peakTimeBetween(from: number, to: number): number | null;
  stop(): Promise<void>;
}

export async function startRssSampler(): Promise<RssSampler> {
  const shared = new SharedArrayBuffer(8 * (HEADER + 2 * MAX_SAMPLES));
  const cells = new Float64Array(shared);
  const worker = new Worker(
    `const { workerData } = require("node:worker_threads");
     const cells = new Float64Array(workerData.shared);
     const sample = () => {
       const n = cells[0];
       const rss = process.memoryUsage.rss();
       if (rss > cells[1]) cells[1] = rss;
       if (n < workerData.max) {
         cells[${HEADER} + 2 * n] = Date.now();
         cells[${HEADER} + 2 * n + 1] = rss;
         cells[0] = n + 1;
       }
     };
     sample();
     setInterval(sample, workerData.every);`,
    { eval: true, workerData: { shared, max: MAX_SAMPLES, every: SAMPLE_EVERY_MS } },
  );
  worker.unref();
  // Wait for the first sample, so every stage is covered.
  while (cells[0] === 0) await new Promise((resolve) => setTimeout(resolve, 5));

  const scan = (from: number, to: number): { rss: number; at: number | null } => {
    let best = 0;
    let at: number | null = null;
    const n = cells[0] as number;
    for (let i = 0; i < n; i++) {
      const t = cells[HEADER + 2 * i] as number;
      if (t < from || t > to) continue;
      const rss = cells[HEADER + 2 * i + 1] as number;
      if (rss > best) {
        best = rss;
        at = t;
      }
    }
    return { rss: best, at };
  };
  return {
    peakBetween(from, to) {
      const now = Date.now();
      const sampled = scan(from, to).rss;
      return to >= now - SAMPLE_EVERY_MS ? Math.max(sampled, process.memoryUsage.rss()) : sampled;
    },
    peak() {
      return Math.max(cells[1] as number, process.memoryUsage.rss());
    },
    peakTimeBetween(from, to) {
      return scan(from, to).at;
    },
    async stop() {
      await worker.terminate();
    },
  };
}

/** The kernel's high-water mark of this process's RSS, in bytes (includes setup and data generation). */
export function kernelMaxRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}
