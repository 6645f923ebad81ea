// The rows of a stored period with the model's answer for each: scored in a child process (scored-rows-child.ts),
// never in the server. A sample of rows spread over the period comes back as plain values; every row goes to a CSV
// file, batch by batch, which the server streams to the client while it grows. The answers are those the evaluation
// uses: the same prepared model, the same batches, the policy's threshold for a yes (a version declared a raw score
// with a cut-off: that cut-off).
import fs from "node:fs";
import Papa from "papaparse";
import { cellText, isNumericStorage, type Column, type Table } from "@/lib/ingest/table";
import { prepareModel, type FeatureColumn, type PrepareOptions, type PreparedModel } from "@/lib/onnx";
import { DEFAULT_BATCH_SIZE, type ScoredTable } from "@/lib/onnx/score-loop";
import { createScoringSession, type ScoringSession } from "@/lib/onnx/session-node";
import { readTable } from "@/lib/storage/tables";
import { ANSWER_COLUMN, PROBABILITY_COLUMN_PREFIX, RAW_SCORE_COLUMN, csvNumber, spreadsheetSafe as safeText, uniqueColumnName, type ScoredSample, type ScoredSampleColumn, type ScoredSampleRow } from "@/lib/contracts/scored-rows";
import type { Task } from "@/lib/contracts/snapshot-types";
import type { Processing } from "@/lib/contracts/processing";
import { compileProcessing, scoreWithProcessing } from "@/lib/processing";

/** What the child needs: where the model and the period's columnar copy are, and how answers are read. */
export interface ScoredRowsInput {
  modelPath: string;
  prepareOptions: PrepareOptions;
  /** the version's declared processing (lib/processing), applied around the model as the evaluation does */
  processing?: Processing | null;
  /** the period's columnar copy in the artifact store */
  table: { sha256: string; name: string };
  task: Task;
  positiveLabel: string | null;
  /** binary: yes when the probability of the positive class is at least this (a raw-score version: its declared cut-off) */
  threshold: number | null;
  /** binary: the version declares its output a raw score with a cut-off; the score column is then `model_score` */
  rawScore?: boolean;
  idColumn: string | null;
  labelColumn: string | null;
}

export type ScoredRowsRequest = (ScoredRowsInput & { kind: "sample"; size: number }) | (ScoredRowsInput & { kind: "csv"; outPath: string; batchRows?: number });

export type ScoredRowsAnswer = { ok: true; kind: "sample"; sample: ScoredSample } | { ok: true; kind: "csv"; rows: number; bytes: number } | { ok: false; message: string };

/** Progress of a CSV: bytes and rows written so far (the server streams up to `bytes`). */
export interface ScoredRowsProgress {
  bytes: number;
  rows: number;
}

type Columns = Map<string, FeatureColumn>;

/** The table's columns for scoring, rows `start` to `end` (views, no copy). */
function columnsOf(table: Table, start: number, end: number): Columns {
  const out: Columns = new Map();
  for (const c of table.columns) out.set(c.name, isNumericStorage(c) ? c.values.subarray(start, end) : { codes: c.codes.subarray(start, end), dictionary: c.dictionary });
  return out;
}

/** The table's columns for scoring, only the rows at `indexes` (copied). */
function pickedColumns(table: Table, indexes: readonly number[]): Columns {
  const out: Columns = new Map();
  for (const c of table.columns) {
    if (isNumericStorage(c)) out.set(c.name, Float64Array.from(indexes, (i) => c.values[i] as number));
    else out.set(c.name, { codes: Int32Array.from(indexes, (i) => c.codes[i] as number), dictionary: c.dictionary });
  }
  return out;
}

/** `count` row indexes spread evenly over `total` rows, first row included. */
export function spreadIndexes(total: number, count: number): number[] {
  if (total <= count) return Array.from({ length: total }, (_, i) => i);
  return Array.from({ length: count }, (_, k) => Math.floor((k * total) / count));
}

/** The name of the "no" class of a yes/no model: the model's other class, else the label column's other value. */
function negativeLabelOf(task: Task, positive: string | null, classes: readonly string[] | undefined, label: Column | undefined): string | null {
  if (task !== "binary" || positive === null) return null;
  const other = (list: readonly string[]) => (list.length === 2 && list.includes(positive) ? (list.find((c) => c !== positive) ?? null) : null);
  const fromModel = classes ? other(classes) : null;
  if (fromModel !== null) return fromModel;
  if (label && !isNumericStorage(label)) {
    const fromLabel = other(label.dictionary);
    if (fromLabel !== null) return fromLabel;
  }
  return `not ${positive}`;
}

/** How one scored batch reads: the answer, the probabilities and the number of each row. */
class Answers {
  constructor(
    private readonly input: ScoredRowsInput,
    private readonly negative: string | null,
    readonly classes: readonly string[] | null,
  ) {}

  answer(scored: ScoredTable, j: number): string {
    const { task, positiveLabel, threshold } = this.input;
    if (task === "binary" && scored.score) {
      const p = scored.score[j] as number;
      if (Number.isNaN(p)) return "";
      return p >= (threshold ?? 0.5) ? (positiveLabel ?? "1") : (this.negative ?? "0");
    }
    if (task === "regression" && scored.prediction) {
      const v = scored.prediction[j] as number;
      return Number.isNaN(v) ? "" : String(v);
    }
    return scored.labels?.[j] ?? "";
  }

  /** binary: the positive class's probability; multiclass: the answer's. */
  probability(scored: ScoredTable, j: number): number | null {
    if (this.input.task === "binary") return scored.score ? (scored.score[j] as number) : null;
    if (this.input.task !== "multiclass" || !scored.probabilities || !this.classes) return null;
    const k = this.classes.indexOf(scored.labels?.[j] ?? "");
    return k < 0 ? null : (scored.probabilities[j * this.classes.length + k] as number);
  }

  /** The CSV's answer cells of row `j`: the answer, then each probability column's value. */
  csvCells(scored: ScoredTable, j: number): string[] {
    const cells = [this.answer(scored, j)];
    if (this.input.task === "binary") cells.push(csvNumber(scored.score?.[j]));
    if (this.input.task === "multiclass" && this.classes && scored.probabilities) {
      for (let k = 0; k < this.classes.length; k++) cells.push(csvNumber(scored.probabilities[j * this.classes.length + k]));
    }
    return cells;
  }
}

async function withModel<T>(input: ScoredRowsInput, work: (session: ScoringSession, prepared: PreparedModel, table: Table) => Promise<T>): Promise<T> {
  const table = readTable(input.table.sha256, input.table.name);
  const prepared = prepareModel(new Uint8Array(fs.readFileSync(input.modelPath)), input.prepareOptions);
  const plain = await createScoringSession(prepared);
  // Declared processing around every call (formulas parsed once), exactly as the evaluation scores.
  const compiled = input.processing ? compileProcessing(input.processing) : null;
  const session: ScoringSession = { ...plain, score: (columns, options) => scoreWithProcessing(plain, compiled, columns, options) };
  try {
    return await work(session, prepared, table);
  } finally {
    await plain.release();
  }
}

/** `size` rows spread over the period, with the model's answers and the columns a person checks them by. */
export async function scoreSample(input: ScoredRowsInput, size: number): Promise<ScoredSample> {
  return withModel(input, async (session, prepared, table) => {
    const indexes = spreadIndexes(table.rowCount, size);
    const scored = await session.score(pickedColumns(table, indexes));
    const label = input.labelColumn ? table.columns.find((c) => c.name === input.labelColumn) : undefined;
    const answers = new Answers(input, negativeLabelOf(input.task, input.positiveLabel, scored.classes, label), scored.classes ?? null);
    const wanted: ScoredSampleColumn[] = [
      ...(input.idColumn ? [{ name: input.idColumn, role: "id" as const }] : []),
      ...(input.labelColumn ? [{ name: input.labelColumn, role: "label" as const }] : []),
      ...prepared.plan.requiredColumns.filter((c) => c !== input.idColumn && c !== input.labelColumn).map((name) => ({ name, role: "input" as const })),
    ];
    const columns = wanted.filter((w) => table.columns.some((c) => c.name === w.name));
    const byName = new Map(table.columns.map((c) => [c.name, c]));
    const rows: ScoredSampleRow[] = indexes.map((i, j) => ({
      rowNumber: i + 1,
      cells: columns.map((c) => cellText(byName.get(c.name) as Column, i)),
      answer: answers.answer(scored, j),
      probability: answers.probability(scored, j),
      prediction: input.task === "regression" && scored.prediction ? (scored.prediction[j] as number) : null,
    }));
    return { columns, rows, totalRows: table.rowCount };
  });
}

/**
 * Every row of the period with the model's answers, as CSV (RFC 4180, papaparse), into `outPath`, one batch of rows
 * at a time (the evaluation's batch size, so the answers are the same); `progress` after each batch.
 */
export async function writeScoredCsv(input: ScoredRowsInput, outPath: string, progress: (p: ScoredRowsProgress) => void, batchRows = DEFAULT_BATCH_SIZE): Promise<{ rows: number; bytes: number }> {
  return withModel(input, async (session, _prepared, table) => {
    const fd = fs.openSync(outPath, "w");
    try {
      let bytes = 0;
      const write = (text: string) => {
        const buffer = Buffer.from(text, "utf8");
        fs.writeSync(fd, buffer);
        bytes += buffer.byteLength;
      };
      const label = input.labelColumn ? table.columns.find((c) => c.name === input.labelColumn) : undefined;
      const textual = table.columns.map((c) => !isNumericStorage(c));
      let answers: Answers | null = null;
      const step = Math.max(1, Math.floor(batchRows));
      for (let start = 0; start < table.rowCount || start === 0; start += step) {
        const end = Math.min(table.rowCount, start + step);
        const scored = await session.score(columnsOf(table, start, end));
        if (!answers) {
          answers = new Answers(input, negativeLabelOf(input.task, input.positiveLabel, scored.classes, label), scored.classes ?? null);
          const taken = new Set(table.columns.map((c) => c.name));
          const header = [...table.columns.map((c) => c.name), uniqueColumnName(ANSWER_COLUMN, taken)];
          if (input.task === "binary") header.push(uniqueColumnName(input.rawScore ? RAW_SCORE_COLUMN : `${PROBABILITY_COLUMN_PREFIX}${input.positiveLabel ?? "1"}`, taken));
          if (input.task === "multiclass" && answers.classes && scored.probabilities) {
            for (const c of answers.classes) header.push(uniqueColumnName(`${PROBABILITY_COLUMN_PREFIX}${c}`, taken));
          }
          write(`${Papa.unparse([header.map(safeText)], { escapeFormulae: false })}\r\n`);
        }
        const rows: string[][] = [];
        for (let i = start; i < end; i++) {
          const cells = table.columns.map((c, k) => {
            const text = cellText(c, i);
            return textual[k] ? safeText(text) : text;
          });
          for (const [k, cell] of answers.csvCells(scored, i - start).entries()) cells.push(k === 0 && input.task !== "regression" ? safeText(cell) : cell);
          rows.push(cells);
        }
        if (rows.length > 0) write(`${Papa.unparse(rows, { escapeFormulae: false })}\r\n`);
        progress({ bytes, rows: end });
        if (end >= table.rowCount) break;
      }
      return { rows: table.rowCount, bytes };
    } finally {
      fs.closeSync(fd);
    }
  });
}
