// What running a model costs on the server, measured once when a version is uploaded (in the dry run's child
// process, one WASM thread as every server scoring runs): the time of one prediction (encode, run, decode; the median
// of up to 30 calls after a warm-up) and of a batch of synthetic rows (the best of up to 3). A time budget keeps a
// slow model's upload quick: fewer calls, a smaller batch.
import type { PreparedModel } from "./plan";
import { type TensorRunner, scoreColumns, syntheticRows } from "./score-loop";

/** The figure (the shape of lib/contracts/run-cost.ts's RunCost, which the version stores). */
export interface RunCost {
  oneRowMs: number;
  batchRows: number;
  batchMs: number;
  threads: number;
  measuredAt: string;
}

const BATCH_ROWS = 1_000;

/** `batches: false` for a model that answers one row per call (the dry run finds it): its batch runs row by row. */
export async function measureRunCost(runner: TensorRunner, prepared: PreparedModel, options: { budgetMs?: number; now?: () => number; batches?: boolean } = {}): Promise<RunCost> {
  const { budgetMs = 1_000, now = () => performance.now(), batches = true } = options;
  const oneByOne = !batches || prepared.plan.fixedBatchSize === 1;
  const scoreOptions = oneByOne ? { batchSize: 1 } : {};
  const started = now();
  const left = () => budgetMs - (now() - started);
  const one = syntheticRows(prepared.plan, 1);
  await scoreColumns(runner, prepared.plan, one, scoreOptions); // warm-up
  const singles: number[] = [];
  while (singles.length < 30 && (singles.length < 3 || left() > budgetMs / 2)) {
    const t = now();
    await scoreColumns(runner, prepared.plan, one, scoreOptions);
    singles.push(now() - t);
  }
  singles.sort((a, b) => a - b);
  const oneRowMs = singles[Math.floor(singles.length / 2)] as number;
  // A model that answers one row per call runs its batch row by row: a smaller batch keeps it within the budget.
  const batchRows = oneByOne || oneRowMs * BATCH_ROWS > budgetMs ? Math.max(10, Math.min(BATCH_ROWS, Math.floor(budgetMs / 4 / Math.max(oneRowMs, 0.001)))) : BATCH_ROWS;
  const batch = syntheticRows(prepared.plan, batchRows);
  let batchMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3 && (i === 0 || left() > 0); i++) {
    const t = now();
    await scoreColumns(runner, prepared.plan, batch, scoreOptions);
    batchMs = Math.min(batchMs, now() - t);
  }
  return { oneRowMs, batchRows, batchMs, threads: 1, measuredAt: new Date().toISOString() };
}
