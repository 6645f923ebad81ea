import { type ColumnSource, bindColumns, columnNames, getColumn, isCategorical, tableRows } from "./columns";
import { type DecodedOutputs, OutputCollector, type RawOutputs, decodeOutputs } from "./decode-outputs";
import { type EncodedBatch, type EncodedTensor, encodeBatch } from "./encode-batch";
import { OnnxModelError } from "./errors";
import type { PreparedModel, ScoringPlan } from "./plan";
import { runError } from "./runtime-errors";

/** What a session helper provides: run encoded feeds, return output tensors. */
export interface TensorRunner {
  run(feeds: Readonly<Record<string, EncodedTensor>>, fetches: readonly string[]): Promise<RawOutputs>;
  release(): Promise<void>;
}

export interface ScoreOptions {
  /** Rows per run for models with a dynamic batch (default 16,384). Batch-of-one models run row by row. */
  readonly batchSize?: number;
  /** Called after each batch (at most about 200 times per table) with rows done and total rows. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /** Overrides the plan's positive label for `score`. */
  readonly positiveLabel?: string;
}

export interface DryRunResult {
  readonly outputs: DecodedOutputs;
  /** What the runtime really returned, per fetched output. */
  readonly runtimeOutputs: readonly { readonly name: string; readonly dims: readonly number[] }[];
  readonly warnings: readonly string[];
}

export const DEFAULT_BATCH_SIZE = 16_384;

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new OnnxModelError("CANCELLED", "Scoring was cancelled before it finished; nothing was stored.");
}

/** Scores every row of a table through a runner; shared by the Node and browser session helpers. */
export async function scoreColumns(runner: TensorRunner, plan: ScoringPlan, columns: ColumnSource, options: ScoreOptions = {}): Promise<DecodedOutputs> {
  const bound = bindColumns(plan, columnNames(columns));
  const total = tableRows(bound, columns);
  const collector = new OutputCollector(bound, total, options.positiveLabel === undefined ? {} : { positiveLabel: options.positiveLabel });
  const requested = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const step = bound.fixedBatchSize ?? requested;
  const reportEvery = Math.max(step, Math.ceil(total / 200));
  let lastReported = 0;
  let previous: EncodedBatch | undefined;
  for (let start = 0; start < total; start += step) {
    checkAbort(options.signal);
    const end = Math.min(total, start + step);
    const batch = encodeBatch(bound, columns, start, end, previous);
    let outputs: RawOutputs;
    try {
      outputs = await runner.run(batch.feeds, bound.fetches);
    } catch (error) {
      throw runError(error, start, end);
    }
    collector.add(outputs, start, batch.rows);
    previous = batch;
    if (options.onProgress && (end - lastReported >= reportEvery || end === total)) {
      lastReported = end;
      options.onProgress(end, total);
    }
  }
  return collector.result();
}

/** One row of plausible values (0 for numbers, "" for text) for a dry run without sample data. */
export function syntheticRow(plan: ScoringPlan): ColumnSource {
  const columns = new Map<string, Float64Array | (string | null)[]>();
  for (const feed of plan.inputs) {
    const names = feed.kind === "column" ? [feed.column] : feed.features;
    for (const name of names) columns.set(name, feed.elementType === "string" ? [null] : new Float64Array(1));
  }
  return columns;
}

function firstRowOf(plan: ScoringPlan, columns: ColumnSource): ColumnSource {
  const bound = bindColumns(plan, columnNames(columns));
  const out = new Map<string, Float64Array | (string | null)[] | { codes: Int32Array; dictionary: readonly string[] }>();
  for (const name of bound.requiredColumns) {
    const column = getColumn(columns, name);
    if (!column) continue;
    if (column instanceof Float64Array) out.set(name, column.slice(0, 1));
    else if (isCategorical(column)) out.set(name, { codes: column.codes.slice(0, 1), dictionary: column.dictionary });
    else out.set(name, column.slice(0, 1));
  }
  return out;
}

function probabilityWarnings(outputs: DecodedOutputs): string[] {
  const p = outputs.probabilities;
  const classes = outputs.classes;
  if (!p || !classes || classes.length === 0) return [];
  const c = classes.length;
  for (let i = 0; i < outputs.rows; i++) {
    let sum = 0;
    for (let k = 0; k < c; k++) {
      const v = p[i * c + k] as number;
      if (!(v >= -1e-6 && v <= 1 + 1e-6)) {
        return [`The model's probability output holds ${v}, outside 0 to 1: it may return raw scores. Export it with probabilities (for example post_transform LOGISTIC or SOFTMAX).`];
      }
      sum += v;
    }
    if (Math.abs(sum - 1) > 1e-3) {
      return [`The model's class probabilities add up to ${sum.toFixed(4)} instead of 1 in row ${i + 1}: check its post-processing before trusting its scores.`];
    }
  }
  return [];
}

/**
 * Runs the model on one row (the first row of `sampleColumns`, or a synthetic row of zeros and empty
 * strings) and checks that its outputs fit the plan. Throws OnnxModelError otherwise.
 */
export async function dryRunColumns(runner: TensorRunner, prepared: PreparedModel, sampleColumns?: ColumnSource): Promise<DryRunResult> {
  const plan = prepared.plan;
  const hasRows = sampleColumns !== undefined && tableRows(bindColumns(plan, columnNames(sampleColumns)), sampleColumns) > 0;
  const row = hasRows && sampleColumns ? firstRowOf(plan, sampleColumns) : syntheticRow(plan);
  const bound = bindColumns(plan, columnNames(row));
  const batch = encodeBatch(bound, row, 0, 1);
  let raw: RawOutputs;
  try {
    raw = await runner.run(batch.feeds, bound.fetches);
  } catch (error) {
    throw runError(error, 0, 1);
  }
  const outputs = decodeOutputs(bound, raw, { rows: 1 });
  const runtimeOutputs = bound.fetches.map((name) => ({ name, dims: [...(raw[name]?.dims ?? [])] }));
  const warnings = probabilityWarnings(outputs);
  const prediction = outputs.prediction?.[0];
  if (prediction !== undefined && !Number.isFinite(prediction) && hasRows) {
    warnings.push(`The model predicted ${prediction} for the first row: check how it handles missing values.`);
  }
  return { outputs, runtimeOutputs, warnings };
}
