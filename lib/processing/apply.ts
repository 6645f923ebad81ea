// Applying declared processing around a model: derived columns and standardisation on the columns BEFORE they are
// encoded for the model, the output transform on the decoded answers AFTER the run. Pure (no Node, no DOM): the
// server's scoring child and the browser's what-if worker call the same functions, so both give the same numbers.
import type { Processing } from "@/lib/contracts/processing";
import type { ColumnSource, DecodedOutputs, FeatureColumn, ScoreOptions, ScoredTable, ScoringPlan, ScoringSession } from "@/lib/onnx";
import { columnLength as lengthOf, isCategorical } from "@/lib/onnx/columns";
import { compileFormula, type CompiledFormula, type RowValue } from "./formulas";
import { isNoProcessing } from "./declare";
import { ProcessingError } from "./errors";

/** Processing with its formulas parsed once, ready to run on any number of tables. */
export interface CompiledProcessing {
  readonly processing: Processing;
  readonly formulas: readonly CompiledFormula[];
}

export function compileProcessing(processing: Processing): CompiledProcessing {
  return { processing, formulas: processing.derived.map((d) => compileFormula(d.name, d.formula, null)) };
}


function entries(columns: ColumnSource): [string, FeatureColumn][] {
  if (columns instanceof Map) return [...columns.entries()];
  return Object.entries(columns).filter((e): e is [string, FeatureColumn] => e[1] !== undefined);
}

/** Reads row `i` of a column as a formula sees it. */
function reader(column: FeatureColumn): (i: number) => RowValue {
  if (column instanceof Float64Array) {
    return (i) => {
      const v = column[i] as number;
      return Number.isNaN(v) ? null : v;
    };
  }
  if (isCategorical(column)) {
    return (i) => {
      const code = column.codes[i] as number;
      return code < 0 ? null : (column.dictionary[code] ?? null);
    };
  }
  return (i) => column[i] ?? null;
}

/** Lower case, letters and digits only (how lib/onnx binds "education-num" to "education_num"). */
function normalize(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The column `name` of the table: exactly, else the one column whose name differs only in case or punctuation. */
function findName(table: ReadonlyMap<string, FeatureColumn>, name: string): string | undefined {
  if (table.has(name)) return name;
  const matches = [...table.keys()].filter((k) => normalize(k) === normalize(name));
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * The table's columns with the derived columns added (in declared order: a formula may read an earlier one) and the
 * standardised columns replaced by (value - mean) / scale. Missing values stay missing; a formula gives a missing
 * value for a row that lacks a column it reads. Columns nobody standardises are passed through unchanged (no copy).
 */
export function applyInputProcessing(compiled: CompiledProcessing, columns: ColumnSource): Map<string, FeatureColumn> {
  const table = new Map(entries(columns));
  const rows = table.size > 0 ? lengthOf(table.values().next().value as FeatureColumn) : 0;
  for (const formula of compiled.formulas) {
    const readers: [string, (i: number) => RowValue][] = formula.sources.map((source) => {
      const found = findName(table, source);
      const column = found === undefined ? undefined : table.get(found);
      if (!column) {
        throw new ProcessingError(
          "UNKNOWN_COLUMN",
          `The formula for '${formula.name}' (${formula.formula}) reads '${source}', which this data does not have. Add the column to the file, or change the formula.`,
          { column: formula.name },
        );
      }
      return [source, reader(column)];
    });
    const values: (number | string | null)[] = new Array<number | string | null>(rows);
    const row: Record<string, RowValue> = Object.create(null) as Record<string, RowValue>;
    let text = false;
    for (let i = 0; i < rows; i++) {
      for (const [name, read] of readers) row[name] = read(i);
      const v = formula.evaluate(row);
      if (typeof v === "string") text = true;
      values[i] = v;
    }
    table.set(
      formula.name,
      text ? values.map((v) => (v === null ? null : String(v))) : Float64Array.from(values, (v) => (typeof v === "number" ? v : Number.NaN)),
    );
  }
  for (const { column: name, mean, scale } of compiled.processing.standardise) {
    const found = findName(table, name);
    const column = found === undefined ? undefined : table.get(found);
    if (!column || found === undefined) continue; // a column the model does not read here; lib/onnx names any it needs
    if (!(column instanceof Float64Array)) {
      throw new ProcessingError("NOT_NUMERIC", `The column '${name}' is standardised but holds text, not numbers. Remove it from the standardisation, or fix the data.`, { column: name });
    }
    const out = new Float64Array(column.length);
    for (let i = 0; i < column.length; i++) out[i] = ((column[i] as number) - mean) / scale;
    table.set(found, out);
  }
  return table;
}

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/**
 * The decoded answers with the output transform applied: a number model's prediction through 10^x, e^x, sigmoid or
 * mean + scale * x; a yes/no model's positive-class score through the sigmoid (the other class gets 1 - p); a
 * classifier's per-class scores through softmax, row by row. Class labels the model did not return itself are
 * chosen again from the new probabilities.
 */
export function applyOutputProcessing(processing: Processing, outputs: DecodedOutputs, plan: Pick<ScoringPlan, "task" | "positiveLabel" | "outputs">): DecodedOutputs {
  const t = processing.transform;
  if (t.kind === "none") return outputs;
  if (plan.task === "regression") {
    if (t.kind === "softmax") throw new ProcessingError("TRANSFORM_DOES_NOT_FIT", "The softmax transform needs one score per class; a number model gives one value per row.");
    const f =
      t.kind === "pow10" ? (x: number) => Math.pow(10, x) : t.kind === "exp" ? Math.exp : t.kind === "sigmoid" ? sigmoid : (x: number) => t.mean + t.scale * x;
    return outputs.prediction ? { ...outputs, prediction: outputs.prediction.map(f) } : outputs;
  }
  if (t.kind !== "sigmoid" && t.kind !== "softmax") {
    throw new ProcessingError("TRANSFORM_DOES_NOT_FIT", "A classifier's output can only go through the sigmoid or softmax transform.");
  }
  const { probabilities: raw, classes } = outputs;
  if (!raw || !classes || classes.length === 0) return outputs;
  const c = classes.length;
  const rows = outputs.rows;
  const probabilities = new Float64Array(raw.length);
  const positiveIndex = plan.task === "binary" ? Math.max(0, classes.indexOf(plan.positiveLabel ?? classes[1] ?? "")) : -1;
  let score = outputs.score;
  if (t.kind === "sigmoid") {
    if (plan.task === "binary" && c === 2) {
      const s = new Float64Array(rows);
      for (let i = 0; i < rows; i++) {
        const p = sigmoid(raw[i * 2 + positiveIndex] as number);
        s[i] = p;
        probabilities[i * 2 + positiveIndex] = p;
        probabilities[i * 2 + (1 - positiveIndex)] = 1 - p;
      }
      score = s;
    } else {
      for (let k = 0; k < raw.length; k++) probabilities[k] = sigmoid(raw[k] as number);
    }
  } else {
    for (let i = 0; i < rows; i++) {
      let max = -Infinity;
      for (let k = 0; k < c; k++) max = Math.max(max, raw[i * c + k] as number);
      let sum = 0;
      for (let k = 0; k < c; k++) sum += probabilities[i * c + k] = Math.exp((raw[i * c + k] as number) - max);
      for (let k = 0; k < c; k++) probabilities[i * c + k] = (probabilities[i * c + k] as number) / sum;
    }
    if (plan.task === "binary") score = Float64Array.from({ length: rows }, (_, i) => probabilities[i * c + positiveIndex] as number);
  }
  let labels = outputs.labels;
  if (!plan.outputs.label) {
    labels = Array.from({ length: rows }, (_, i) => {
      let best = 0;
      for (let k = 1; k < c; k++) if ((probabilities[i * c + k] as number) > (probabilities[i * c + best] as number)) best = k;
      return classes[best] ?? "";
    });
  }
  return { ...outputs, probabilities, ...(score ? { score } : {}), ...(labels ? { labels } : {}) };
}

/**
 * Scores a table through a session with the version's declared processing: derived columns and standardisation
 * first, the model, then the output transform. With no processing, exactly `session.score`.
 */
export async function scoreWithProcessing(
  session: Pick<ScoringSession, "score" | "prepared">,
  processing: Processing | CompiledProcessing | null | undefined,
  columns: ColumnSource,
  options?: ScoreOptions,
): Promise<ScoredTable> {
  const compiled = processing && "formulas" in processing ? processing : processing && !isNoProcessing(processing) ? compileProcessing(processing) : null;
  if (!compiled || isNoProcessing(compiled.processing)) return session.score(columns, options);
  const scored = await session.score(applyInputProcessing(compiled, columns), options);
  const plan = session.prepared.plan;
  const positive = options?.positiveLabel ?? plan.positiveLabel;
  return { ...applyOutputProcessing(compiled.processing, scored, { ...plan, positiveLabel: positive }), notes: scored.notes };
}
