// Declaring processing: the input (a form or an API body) checked and brought to the stored, canonical form. Every
// refusal names what is wrong (the formula, the column, the transform) so the owner can fix it.
import type { z } from "zod";
import {
  MEANINGS_BY_TASK,
  TRANSFORMS_BY_TASK,
  ProcessingInputSchema,
  ProcessingSchema,
  SklearnScalerSchema,
  type OutputTransform,
  type Processing,
  type StandardiseEntry,
} from "@/lib/contracts/processing";
import { compileFormula } from "./formulas";
import { ProcessingError } from "./errors";

export type { ProcessingTask } from "@/lib/contracts/processing";
export { MEANINGS_BY_TASK, TRANSFORMS_BY_TASK };
import type { ProcessingTask } from "@/lib/contracts/processing";

function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 6)
    .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

/**
 * Standardisation in any accepted shape as the stored list: the list itself, scikit-learn's StandardScaler
 * attributes (`mean_`, `scale_`, `feature_names_in_`; a null `mean_` or `scale_` means with_mean or with_std was
 * off), or `{column: {mean, scale}}`.
 */
export function normaliseScaler(input: unknown): StandardiseEntry[] {
  if (Array.isArray(input)) return input as StandardiseEntry[];
  const sklearn = SklearnScalerSchema.safeParse(input);
  if (sklearn.success && ("mean_" in sklearn.data || "scale_" in sklearn.data || "feature_names_in_" in sklearn.data)) {
    const { mean_, scale_, feature_names_in_: names } = sklearn.data;
    if (!names) {
      throw new ProcessingError(
        "INVALID_SCALER",
        "The scaler has no feature_names_in_, so Sightline cannot tell which column each mean and scale belongs to. Fit it on a table with column names, or give {column: {mean, scale}}.",
      );
    }
    if (!mean_ && !scale_) throw new ProcessingError("INVALID_SCALER", "The scaler has neither mean_ nor scale_: there is nothing to standardise.");
    for (const [label, list] of [["mean_", mean_], ["scale_", scale_]] as const) {
      if (list && list.length !== names.length) {
        throw new ProcessingError("INVALID_SCALER", `The scaler's ${label} has ${list.length} values but feature_names_in_ names ${names.length} columns; they must match.`);
      }
    }
    return names.map((column, i) => ({ column, mean: mean_?.[i] ?? 0, scale: scale_?.[i] ?? 1 }));
  }
  if (input && typeof input === "object") {
    return Object.entries(input as Record<string, { mean: number; scale: number }>).map(([column, v]) => ({ column, mean: v.mean, scale: v.scale }));
  }
  return [];
}


const TASK_WORDS: Record<ProcessingTask, string> = { binary: "a yes/no model", multiclass: "a category model", regression: "a number model" };
const TRANSFORM_NAMES: Record<OutputTransform["kind"], string> = {
  none: "no transform",
  pow10: "10^x",
  exp: "e^x",
  sigmoid: "sigmoid",
  softmax: "softmax",
  affine: "mean + scale * x",
};

export interface DeclarationContext {
  task: ProcessingTask;
  /** the model's input columns (what it reads after processing) */
  modelInputs: readonly string[];
  /** the reference data's columns, when there is reference data; formulas may read these */
  dataColumns: readonly string[] | null;
}

/**
 * Checks declared processing against the model and its data and returns the stored form. Throws ProcessingError:
 * a formula that does not parse, calls an unknown function or reads an unknown column; a derived column named like
 * a data column; a standardised column nobody reads; a transform or meaning that does not fit the task.
 */
export function declareProcessing(input: unknown, context: DeclarationContext): Processing {
  const parsedInput = ProcessingInputSchema.safeParse(input ?? {});
  if (!parsedInput.success) throw new ProcessingError("INVALID_PROCESSING", `The processing is not valid (${issuesText(parsedInput.error)}).`);
  const standardise = parsedInput.data.standardise === undefined ? [] : normaliseScaler(parsedInput.data.standardise);
  const parsed = ProcessingSchema.safeParse({ ...parsedInput.data, standardise });
  if (!parsed.success) throw new ProcessingError("INVALID_PROCESSING", `The processing is not valid (${issuesText(parsed.error)}).`);
  const processing = parsed.data;

  // Without reference data the data's columns are not known yet: formulas are checked for their syntax and functions
  // now, and for their columns when data comes (scoring names a column the data lacks, with the formula).
  const known = context.dataColumns ? new Set(context.dataColumns) : null;
  const names = new Set([...(context.dataColumns ?? []), ...context.modelInputs]);
  for (const d of processing.derived) {
    if (context.dataColumns?.includes(d.name)) {
      throw new ProcessingError("INVALID_FORMULA", `The derived column '${d.name}' has the name of a column of the data. Give it a name of its own.`, { column: d.name });
    }
    compileFormula(d.name, d.formula, known);
    known?.add(d.name);
    names.add(d.name);
  }
  for (const s of processing.standardise) {
    if (!names.has(s.column)) {
      throw new ProcessingError(
        "UNKNOWN_COLUMN",
        `The standardisation names '${s.column}', which is not a column of the data, a derived column or an input of the model. Check the spelling (names are case-sensitive).`,
        { column: s.column },
      );
    }
  }
  const { transform, meaning } = processing;
  if (!TRANSFORMS_BY_TASK[context.task].includes(transform.kind)) {
    throw new ProcessingError(
      "TRANSFORM_DOES_NOT_FIT",
      `The output transform ${TRANSFORM_NAMES[transform.kind]} does not fit ${TASK_WORDS[context.task]}. Choose one of: ${TRANSFORMS_BY_TASK[context.task].map((k) => TRANSFORM_NAMES[k]).join(", ")}.`,
    );
  }
  if (meaning && !MEANINGS_BY_TASK[context.task].includes(meaning.kind)) {
    throw new ProcessingError("TRANSFORM_DOES_NOT_FIT", `The output of ${TASK_WORDS[context.task]} cannot be declared a ${meaning.kind.replace("_", " ")}.`);
  }
  if (meaning?.kind === "raw_score" && (transform.kind === "sigmoid" || transform.kind === "softmax")) {
    throw new ProcessingError(
      "TRANSFORM_DOES_NOT_FIT",
      `The ${TRANSFORM_NAMES[transform.kind]} transform turns the raw score into a probability: declare the output a probability of the positive class instead.`,
    );
  }
  return processing;
}

/**
 * The data columns a row needs before processing, for a model that reads `required`: each derived column replaced by
 * the columns its formula reads (through earlier derived columns too), each column once, in order.
 */
export function columnsBeforeProcessing(required: readonly string[], processing: Processing | null | undefined): string[] {
  if (!processing || processing.derived.length === 0) return [...required];
  const byName = new Map(processing.derived.map((d) => [d.name, d]));
  const out: string[] = [];
  const visiting = new Set<string>();
  const add = (name: string): void => {
    const derived = byName.get(name);
    if (!derived) {
      if (!out.includes(name)) out.push(name);
      return;
    }
    if (visiting.has(name)) return;
    visiting.add(name);
    for (const source of compileFormula(derived.name, derived.formula, null).sources) add(source);
  };
  for (const name of required) add(name);
  return out;
}

/** True when the processing changes nothing (no derived column, no standardisation, no transform, no meaning). */
export function isNoProcessing(processing: Processing | null | undefined): boolean {
  return !processing || (processing.derived.length === 0 && processing.standardise.length === 0 && processing.transform.kind === "none" && processing.meaning === null);
}

/** Stored processing (JSON from the database) as the typed form, or null when there is none or it does not parse. */
export function storedProcessing(json: unknown): Processing | null {
  if (json === null || json === undefined) return null;
  const parsed = ProcessingSchema.safeParse(json);
  return parsed.success && !isNoProcessing(parsed.data) ? parsed.data : null;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The processing as canonical JSON (keys sorted, lists in declared order): part of the scoring input hash and of
 * the cached scores' key, so scores are never reused across a change. "null" when nothing is declared.
 */
export function canonicalProcessingJson(processing: Processing | null | undefined): string {
  return isNoProcessing(processing) ? "null" : canonical(processing);
}
