/**
 * Scoring in Node with onnxruntime-web (its Node build, WASM, one thread): the same runtime and the
 * same encoding/decoding code as the browser (session-browser.ts).
 */
import * as ort from "onnxruntime-web";
import type { ColumnSource } from "./columns";
import { createOrtRunner } from "./ort-runner";
import type { PreparedModel } from "./plan";
import type { DryRunResult, ScoreOptions, ScoredTable } from "./score-loop";
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
export async function createScoringSession(prepared: PreparedModel): Promise<ScoringSession> {
  configure();
  const runner = await createOrtRunner(ort, prepared.bytes, {
    executionProviders: ["wasm"],
    graphOptimizationLevel: "all",
    logSeverityLevel: 3,
  });
  return makeScoringSession(prepared, runner);
}

/** Scores a whole table in batches and returns the decoded outputs for every row. */
export function scoreTable(prepared: PreparedModel, columns: ColumnSource, options?: ScoreOptions): Promise<ScoredTable> {
  return withSession(() => createScoringSession(prepared), (session) => session.score(columns, options));
}

/** Runs one row through the runtime to accept or refuse an upload; throws OnnxModelError on refusal. */
export function dryRun(prepared: PreparedModel, sampleColumns?: ColumnSource): Promise<DryRunResult> {
  return withSession(() => createScoringSession(prepared), (session) => session.dryRun(sampleColumns));
}
