import type { ColumnSource } from "./columns";
import type { PreparedModel } from "./plan";
import { type DryRunResult, type ScoreOptions, type ScoredTable, type TensorRunner, dryRunColumns, scoreColumns } from "./score-loop";

/** A loaded model, ready to score tables. Release it when done (it holds WASM memory). */
export interface ScoringSession {
  readonly prepared: PreparedModel;
  score(columns: ColumnSource, options?: ScoreOptions): Promise<ScoredTable>;
  dryRun(sampleColumns?: ColumnSource): Promise<DryRunResult>;
  release(): Promise<void>;
}

export function makeScoringSession(prepared: PreparedModel, runner: TensorRunner): ScoringSession {
  let released = false;
  return {
    prepared,
    score: (columns, options) => scoreColumns(runner, prepared.plan, columns, options),
    dryRun: (sampleColumns) => dryRunColumns(runner, prepared, sampleColumns),
    async release() {
      if (released) return;
      released = true;
      await runner.release();
    },
  };
}

/** Creates a session, runs `work` with it, and always releases it. */
export async function withSession<T>(open: () => Promise<ScoringSession>, work: (session: ScoringSession) => Promise<T>): Promise<T> {
  const session = await open();
  try {
    return await work(session);
  } finally {
    await session.release();
  }
}
