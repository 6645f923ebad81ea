import { type ColumnSource, type FeatureColumn, bindColumns, columnNames, getColumn, isCategorical, tableRows } from "./columns";
import { type DecodedOutputs, OutputCollector, type RawOutputs, decodeOutputs } from "./decode-outputs";
import { type EncodedBatch, type EncodedTensor, encodeBatch } from "./encode-batch";
import { OnnxModelError } from "./errors";
import { DEFAULT_MODEL_LIMITS, outputTooLargeError } from "./model-limits";
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

export interface ScoredTable extends DecodedOutputs {
  /** Plain-language notes on how the table was scored (e.g. a fallback to one row per run). */
  readonly notes: readonly string[];
}

export interface DryRunResult {
  readonly outputs: DecodedOutputs;
  /** What the runtime really returned, per fetched output. */
  readonly runtimeOutputs: readonly { readonly name: string; readonly dims: readonly number[] }[];
  /** Things that do not stop scoring but deserve a look (raw scores instead of probabilities...). */
  readonly warnings: readonly string[];
  /** False when the model runs one row at a time only (declared, or found by running two rows). */
  readonly batches: boolean;
}

export const DEFAULT_BATCH_SIZE = 16_384;

const ROW_BY_ROW_NOTE =
  "The model declares a free batch size but fails on several rows at once, so its rows were scored one by one (slower). Re-export it with a dynamic batch dimension to score in batches.";

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new OnnxModelError("CANCELLED", "Scoring was cancelled before it finished; nothing was stored.");
}

async function runsOneRow(runner: TensorRunner, plan: ScoringPlan, columns: ColumnSource): Promise<boolean> {
  try {
    await runner.run(encodeBatch(plan, columns, 0, 1).feeds, plan.fetches);
    return true;
  } catch {
    return false;
  }
}

/**
 * Scores every row of a table through a runner; shared by the Node and browser session helpers.
 * A model that claims a free batch size but fails on the first batch while one row works is scored
 * row by row instead (and the result says so in `notes`).
 */
export async function scoreColumns(runner: TensorRunner, plan: ScoringPlan, columns: ColumnSource, options: ScoreOptions = {}): Promise<ScoredTable> {
  const bound = bindColumns(plan, columnNames(columns));
  const total = tableRows(bound, columns);
  const collector = new OutputCollector(bound, total, options.positiveLabel === undefined ? {} : { positiveLabel: options.positiveLabel });
  const requested = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  let step = bound.fixedBatchSize ?? requested;
  const notes: string[] = [];
  const reportEvery = Math.max(step, Math.ceil(total / 200));
  let lastReported = 0;
  let previous: EncodedBatch | undefined;
  for (let start = 0; start < total; ) {
    checkAbort(options.signal);
    const end = Math.min(total, start + step);
    const batch = encodeBatch(bound, columns, start, end, previous);
    let outputs: RawOutputs;
    try {
      outputs = await runner.run(batch.feeds, bound.fetches);
    } catch (error) {
      if (start === 0 && end > 1 && bound.fixedBatchSize === null && (await runsOneRow(runner, bound, columns))) {
        step = 1;
        previous = undefined;
        notes.push(ROW_BY_ROW_NOTE);
        continue;
      }
      throw runError(error, start, end);
    }
    collector.add(outputs, start, batch.rows);
    previous = batch;
    if (options.onProgress && (end - lastReported >= reportEvery || end === total)) {
      lastReported = end;
      options.onProgress(end, total);
    }
    start = end;
  }
  return { ...collector.result(), notes };
}

/** Plausible rows (0 for numbers, "" for text) for a dry run without sample data. */
export function syntheticRows(plan: ScoringPlan, rows = 1): ColumnSource {
  const columns = new Map<string, FeatureColumn>();
  for (const feed of plan.inputs) {
    const names = feed.kind === "column" ? [feed.column] : feed.features;
    for (const name of names) columns.set(name, feed.elementType === "string" ? new Array<string | null>(rows).fill(null) : new Float64Array(rows));
  }
  return columns;
}

/** The first `rows` rows of the plan's columns, repeating the last one when the table is shorter. */
function headOf(plan: ScoringPlan, columns: ColumnSource, rows: number): ColumnSource {
  const available = tableRows(plan, columns);
  const pick = Array.from({ length: rows }, (_, i) => Math.min(i, available - 1));
  const out = new Map<string, FeatureColumn>();
  for (const name of plan.requiredColumns) {
    const column = getColumn(columns, name);
    if (!column) continue;
    if (column instanceof Float64Array) out.set(name, Float64Array.from(pick, (i) => column[i] as number));
    else if (isCategorical(column)) out.set(name, { codes: Int32Array.from(pick, (i) => column.codes[i] as number), dictionary: column.dictionary });
    else out.set(name, pick.map((i) => column[i] ?? null));
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
 * strings) and checks that its outputs fit the plan; throws OnnxModelError otherwise. Then runs two
 * rows to learn whether the model really takes batches (a warning, not a refusal, when it does not).
 */
export async function dryRunColumns(runner: TensorRunner, prepared: PreparedModel, sampleColumns?: ColumnSource): Promise<DryRunResult> {
  const plan = prepared.plan;
  const bound = sampleColumns === undefined ? plan : bindColumns(plan, columnNames(sampleColumns));
  const hasRows = sampleColumns !== undefined && tableRows(bound, sampleColumns) > 0;
  const sample = (rows: number) => (hasRows && sampleColumns ? headOf(bound, sampleColumns, rows) : syntheticRows(bound, rows));

  let raw: RawOutputs;
  try {
    raw = await runner.run(encodeBatch(bound, sample(1), 0, 1).feeds, bound.fetches);
  } catch (error) {
    throw runError(error, 0, 1);
  }
  for (const name of bound.fetches) {
    const size = (raw[name]?.dims ?? []).reduce((p, d) => p * Math.max(1, d), 1);
    if (size > DEFAULT_MODEL_LIMITS.maxOutputValuesPerRow) throw outputTooLargeError(name, size, DEFAULT_MODEL_LIMITS);
  }
  const outputs = decodeOutputs(bound, raw, { rows: 1 });
  const runtimeOutputs = bound.fetches.map((name) => ({ name, dims: [...(raw[name]?.dims ?? [])] }));
  const warnings = probabilityWarnings(outputs);
  const prediction = outputs.prediction?.[0];
  if (prediction !== undefined && !Number.isFinite(prediction)) {
    warnings.push(`The model predicted ${prediction} for the first row: check how it handles missing values.`);
  }

  let batches = bound.fixedBatchSize === null;
  if (batches) {
    try {
      decodeOutputs(bound, await runner.run(encodeBatch(bound, sample(2), 0, 2).feeds, bound.fetches), { rows: 2 });
    } catch {
      batches = false;
      warnings.push(ROW_BY_ROW_NOTE.replace("its rows were scored", "rows will be scored"));
    }
  }
  return { outputs, runtimeOutputs, warnings, batches };
}
