/**
 * Scoring in Node with onnxruntime-web (its Node build, WASM, one thread): the same runtime and the
 * same encoding/decoding code as the browser (session-browser.ts).
 */
import * as ort from "onnxruntime-web";
import type { ColumnSource } from "./columns";
import { createOrtRunner } from "./ort-runner";
import { type OutputDeclaration, checkDeclaredOutputs, probeOutputs } from "./output-checks";
import type { PreparedModel } from "./plan";
import { type RunCost, measureRunCost } from "./run-cost";
import { type DryRunResult, type ScoreOptions, type ScoredTable, dryRunColumns } from "./score-loop";
import { type ScoringSession, makeScoringSession, withSession } from "./scoring-session";

export type { ScoringSession } from "./scoring-session";

let configured = false;

function configure(): void {
  if (configured) return;
  ort.env.wasm.numThreads = 1;
  ort.env.logLevel = "error";
  configured = true;
}

/** Loads a prepared model into onnxruntime-web (wasm execution provider, one thread). */
function createRunner(prepared: PreparedModel) {
  configure();
  return createOrtRunner(ort, prepared.bytes, {
    executionProviders: ["wasm"],
    graphOptimizationLevel: "all",
    logSeverityLevel: 3,
  });
}

export async function createScoringSession(prepared: PreparedModel): Promise<ScoringSession> {
  return makeScoringSession(prepared, await createRunner(prepared));
}

/**
 * One model at a time in this process: onnxruntime-web's single WASM instance failed ("Cannot read properties of
 * null") when a request's dry run created a session while a job was scoring with another. Work queues here instead.
 */
let tail: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = tail.then(work, work);
  tail = run.catch(() => undefined);
  return run;
}

/** Scores a whole table in batches and returns the decoded outputs for every row. */
export function scoreTable(prepared: PreparedModel, columns: ColumnSource, options?: ScoreOptions): Promise<ScoredTable> {
  return oneAtATime(() => withSession(() => createScoringSession(prepared), (session) => session.score(columns, options)));
}

/** Runs one row through the runtime to accept or refuse an upload; throws OnnxModelError on refusal. */
export function dryRun(prepared: PreparedModel, sampleColumns?: ColumnSource): Promise<DryRunResult> {
  return oneAtATime(() => withSession(() => createScoringSession(prepared), (session) => session.dryRun(sampleColumns)));
}

/**
 * The checks of a version upload: what the declared outputs tell (lib/onnx/output-checks.ts), then a few probe rows
 * (many values per row with no meaning, a yes/no score outside 0 to 1), then the one-row dry run. Throws OnnxModelError.
 */
export function checkUpload(prepared: PreparedModel, declaration: OutputDeclaration = {}, options: { timeIt?: boolean } = {}): Promise<DryRunResult & { cost: RunCost | null }> {
  checkDeclaredOutputs(prepared);
  return oneAtATime(async () => {
    const runner = await createRunner(prepared);
    try {
      await probeOutputs(runner, prepared, declaration);
      const result = await dryRunColumns(runner, prepared);
      // The cost is a figure to show, never a reason to refuse: a model that cannot be timed is still accepted.
      const cost = options.timeIt ? await measureRunCost(runner, prepared, { batches: result.batches }).catch(() => null) : null;
      return { ...result, cost };
    } finally {
      await runner.release();
    }
  });
}
