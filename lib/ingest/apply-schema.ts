/**
 * Applies the roles and types a user confirmed (and what the model needs) to a parsed table, and
 * validates the result. The first problem stops with an {@link IngestError}:
 * - a role names a column that is not in the file, or one column has two roles;
 * - the model needs feature columns the file lacks (all of them are listed);
 * - a value does not fit its declared type (first bad row and value);
 * - the label: entirely empty; more than two classes for a binary model (the classes are named);
 *   a positive label the file never uses; classes a multiclass model does not know; text for a
 *   regression model;
 * - scores that are not numbers, or, for a binary model, outside [0, 1];
 * - the id: a missing or repeated value (ids must be unique to match labels that arrive later);
 * - the timestamp: a missing or unparseable value.
 * A label column may have missing cells (labels can arrive later); rows without a label are left
 * out of the scorecard by the caller.
 */
import type { ResolvedRoles } from "../contracts/column-roles";
import { codeStats, numericStats } from "./column-stats";
import { type DeclaredType, type RowContext, booleanWord, convertColumn } from "./convert-column";
import { rowContext } from "./build-table";
import { IngestError, listWords, quoteValue } from "./ingest-error";
import { type Column, type Table, cellText, findColumn, isNumericStorage } from "./table";

/** Roles confirmed by the user. */
export interface ConfirmedRoles {
  label?: string;
  /** Predicted class (classification) or predicted value (regression). */
  prediction?: string;
  /** Score / probability columns: one for a binary model (P(positive)), one per class otherwise. */
  scores?: readonly string[];
  timestamp?: string;
  id?: string;
  /** Feature columns; default every column without another role and not ignored. */
  features?: readonly string[];
  /** Columns to leave out. */
  ignore?: readonly string[];
}

/** What the model version needs from the data. */
export interface ModelRequirements {
  task: "binary" | "multiclass" | "regression";
  /** The positive class of a binary model, as written in the label column. */
  positiveLabel?: string;
  /** Classes a classifier knows (label values outside them are refused). */
  classes?: readonly string[];
  /** Feature columns the model reads, with their types when known. */
  features?: readonly { name: string; type?: DeclaredType }[];
}

/** The user's confirmation of a parsed table. */
export interface SchemaConfirmation {
  roles: ConfirmedRoles;
  /** Declared column types (overriding inference). */
  types?: Readonly<Record<string, DeclaredType>>;
  model?: ModelRequirements;
}

/** A table ready for scoring and evaluation. */
export interface PreparedTable {
  /** The table with columns converted to their declared kinds (ignored columns dropped). */
  table: Table;
  roles: ResolvedRoles;
  /** Classification: the label classes found, sorted (numbers numerically). */
  labelClasses?: string[];
  /** Rows with a label. */
  labelledRows: number;
  warnings: string[];
}

function unknownColumns(file: string, names: string[], what: string): IngestError {
  return new IngestError({
    code: "unknown_column",
    file,
    problem: `The ${what} ${names.length === 1 ? "column" : "columns"} ${listWords(names.map((n) => `"${n}"`))} ${names.length === 1 ? "is" : "are"} not in the file.`,
    fix: "Pick columns from the file's header, or check the spelling.",
  });
}

/** Distinct non-missing values of a column as text, sorted (numbers numerically), with counts (at most 1,001 kept). */
function classesOf(col: Column): { value: string; count: number }[] {
  if (isNumericStorage(col)) {
    const seen = new Map<number, { count: number; first: number }>();
    for (let i = 0; i < col.values.length; i++) {
      const v = col.values[i] as number;
      if (Number.isNaN(v)) continue;
      const e = seen.get(v);
      if (e !== undefined) e.count++;
      else if (seen.size <= 1000) seen.set(v, { count: 1, first: i });
    }
    return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => ({ value: cellText(col, e.first), count: e.count }));
  }
  const s = codeStats(col.codes, col.dictionary.length);
  const out: { value: string; count: number }[] = [];
  for (let k = 0; k < col.dictionary.length; k++) if ((s.perCode[k] as number) > 0) out.push({ value: col.dictionary[k] as string, count: s.perCode[k] as number });
  return out.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

function firstMissing(col: Column): number {
  if (isNumericStorage(col)) {
    for (let i = 0; i < col.values.length; i++) if (Number.isNaN(col.values[i] as number)) return i;
  } else {
    for (let i = 0; i < col.codes.length; i++) if ((col.codes[i] as number) < 0) return i;
  }
  return -1;
}

function checkId(col: Column, ctx: RowContext): void {
  const miss = firstMissing(col);
  if (miss >= 0) {
    throw new IngestError({ code: "missing_id", file: ctx.file, row: ctx.rowNumber(miss), column: col.name, problem: "This row has no id.", fix: "Give every row an id, or choose another id column." });
  }
  if (isNumericStorage(col)) return;
  const firstSeen = new Int32Array(col.dictionary.length).fill(-1);
  for (let i = 0; i < col.codes.length; i++) {
    const c = col.codes[i] as number;
    const prev = firstSeen[c] as number;
    if (prev >= 0) {
      throw new IngestError({
        code: "duplicate_id",
        file: ctx.file,
        row: ctx.rowNumber(i),
        column: col.name,
        problem: `The id ${quoteValue(col.dictionary[c] as string)} is used again; it first appears in row ${ctx.rowNumber(prev)}. Ids must be unique so labels that arrive later match one row.`,
        fix: "Make every id unique, or choose another id column (or none).",
      });
    }
    firstSeen[c] = i;
  }
}

function checkLabel(col: Column, model: ModelRequirements | undefined, ctx: RowContext, warnings: string[]): { column: Column; classes?: string[]; labelled: number } {
  const stats = isNumericStorage(col) ? numericStats(col.values) : codeStats(col.codes, col.dictionary.length);
  if (stats.count === 0) {
    throw new IngestError({
      code: "label_empty",
      file: ctx.file,
      column: col.name,
      problem: "The label column is empty: no row has a label.",
      fix: "Fill in the labels, or do not mark a label column (labels can be uploaded later by row id).",
    });
  }
  if (model === undefined) return { column: col, labelled: stats.count };
  if (model.task === "regression") {
    try {
      return { column: convertColumn(col, "numeric", ctx), labelled: stats.count };
    } catch (e) {
      if (!(e instanceof IngestError) || e.code !== "text_in_numeric") throw e;
      throw new IngestError({
        code: "label_not_numeric",
        file: ctx.file,
        ...(e.row === undefined ? {} : { row: e.row }),
        column: col.name,
        problem: `${e.problem} A regression model predicts numbers, so its label must be numbers.`,
        fix: "Fix the value or leave the cell empty, or choose the column that holds the true values.",
      });
    }
  }
  const classes = classesOf(col);
  const names = classes.map((c) => c.value);
  const described = listWords(classes.map((c) => `${quoteValue(c.value)} (${c.count.toLocaleString("en-US")} rows)`), 6);
  if (model.task === "binary") {
    if (classes.length > 2) {
      throw new IngestError({
        code: "label_classes",
        file: ctx.file,
        column: col.name,
        problem: `The label has ${classes.length} classes, ${described}, but the model is binary: it tells two classes apart.`,
        fix: "Keep two classes in the label (merge or remove the others), choose another label column, or register the model as multiclass.",
      });
    }
    const booleanMatch = col.kind === "boolean" && model.positiveLabel !== undefined && booleanWord(model.positiveLabel) !== undefined;
    if (model.positiveLabel !== undefined && !names.includes(model.positiveLabel) && !booleanMatch) {
      throw new IngestError({
        code: "positive_label_missing",
        file: ctx.file,
        column: col.name,
        problem: `The model's positive class ${quoteValue(model.positiveLabel)} never appears in the label, which holds ${described}.`,
        fix: "Check the label column, or correct the model's positive label to the value the file uses.",
      });
    }
    if (classes.length === 1) warnings.push(`The label column "${col.name}" holds one class only (${quoteValue(names[0] as string)}); rates that need both classes cannot be judged on this data.`);
  } else if (model.classes !== undefined) {
    const known = new Set(model.classes);
    const unknown = names.filter((n) => !known.has(n));
    if (unknown.length > 0) {
      throw new IngestError({
        code: "label_classes",
        file: ctx.file,
        column: col.name,
        problem: `The label has ${unknown.length === 1 ? "a class" : "classes"} the model does not know: ${listWords(unknown.map((u) => quoteValue(u)), 6)} (the model knows ${listWords(model.classes.map((c) => quoteValue(c)), 8)}).`,
        fix: "Correct the labels to the model's classes, or remove those rows.",
      });
    }
  }
  return { column: col, classes: names, labelled: stats.count };
}

function checkScores(col: Column, model: ModelRequirements | undefined, ctx: RowContext): Column {
  const numeric = convertColumn(col, "numeric", ctx);
  if (model?.task !== "binary" || !isNumericStorage(numeric)) return numeric;
  const v = numeric.values;
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as number;
    if (x < 0 || x > 1) {
      throw new IngestError({
        code: "score_out_of_range",
        file: ctx.file,
        row: ctx.rowNumber(i),
        column: col.name,
        problem: `The score ${x} is not a probability between 0 and 1.`,
        fix: "Give the probability of the positive class (0 to 1), or mark the column as a feature or a prediction instead of a score.",
      });
    }
  }
  return numeric;
}

/**
 * Apply confirmed roles, declared types and the model's needs to a parsed table, converting
 * columns and validating them (see the module comment). Returns a new table; the input is not
 * changed.
 */
export function applySchema(table: Table, confirmation: SchemaConfirmation): PreparedTable {
  const { roles, model } = confirmation;
  const ctx = rowContext(table);
  const file = table.file;
  const warnings: string[] = [];
  const has = (n: string): boolean => findColumn(table, n) !== undefined;

  const named: [string, string][] = [];
  for (const key of ["label", "prediction", "timestamp", "id"] as const) {
    const v = roles[key];
    if (v !== undefined) named.push([v, key]);
  }
  for (const s of roles.scores ?? []) named.push([s, "score"]);
  const missingRole = named.filter(([n]) => !has(n)).map(([n]) => n);
  if (missingRole.length > 0) throw unknownColumns(file, missingRole, "role");
  const owner = new Map<string, string>();
  for (const [n, role] of named) {
    const prev = owner.get(n);
    if (prev !== undefined) {
      throw new IngestError({ code: "role_conflict", file, column: n, problem: `This column is marked both as ${prev} and as ${role}.`, fix: "Give each column one role." });
    }
    owner.set(n, role);
  }

  const needed = model?.features ?? [];
  const missingFeatures = needed.map((f) => f.name).filter((n) => !has(n));
  if (missingFeatures.length > 0) {
    throw new IngestError({
      code: "missing_features",
      file,
      problem: `The model needs ${missingFeatures.length === 1 ? "a column" : `${missingFeatures.length} columns`} that the file does not have: ${listWords(missingFeatures.map((n) => `"${n}"`), 20)}.`,
      fix: "Add the missing columns (with these exact names) to the file, or rename the file's columns to match the model.",
    });
  }
  const missingUserFeatures = (roles.features ?? []).filter((n) => !has(n));
  if (missingUserFeatures.length > 0) throw unknownColumns(file, missingUserFeatures, "feature");
  const ignored = new Set(roles.ignore ?? []);
  for (const n of ignored) if (owner.has(n) || needed.some((f) => f.name === n)) throw new IngestError({ code: "role_conflict", file, column: n, problem: "This column is both ignored and used.", fix: "Either use the column or ignore it." });

  const types = new Map<string, DeclaredType>(Object.entries(confirmation.types ?? {}));
  for (const f of needed) if (f.type !== undefined) types.set(f.name, f.type);

  const out: Column[] = [];
  let labelClasses: string[] | undefined;
  let labelled = table.rowCount;
  for (const original of table.columns) {
    if (ignored.has(original.name)) continue;
    const declared = types.get(original.name);
    let col = declared === undefined ? original : convertColumn(original, declared, ctx);
    const role = owner.get(col.name);
    if (role === "timestamp") {
      col = convertColumn(col, "datetime", ctx);
      const miss = firstMissing(col);
      if (miss >= 0) {
        throw new IngestError({ code: "missing_timestamp", file, row: ctx.rowNumber(miss), column: col.name, problem: "This row has no timestamp.", fix: "Give every row its date and time, or remove the row." });
      }
    } else if (role === "id") {
      col = convertColumn(col, "id", ctx);
      checkId(col, ctx);
    } else if (role === "label") {
      const r = checkLabel(col, model, ctx, warnings);
      col = r.column;
      labelClasses = r.classes;
      labelled = r.labelled;
    } else if (role === "score") {
      col = checkScores(col, model, ctx);
    } else if (role === "prediction" && model?.task === "regression") {
      col = convertColumn(col, "numeric", ctx);
    }
    out.push(col);
  }

  const features =
    roles.features !== undefined
      ? [...roles.features]
      : out.filter((c) => !owner.has(c.name)).map((c) => c.name);
  for (const f of needed) if (!features.includes(f.name)) features.push(f.name);
  for (const f of features) {
    const c = out.find((x) => x.name === f);
    if (c !== undefined && (c.kind === "id" || c.kind === "datetime") && !needed.some((n) => n.name === f)) {
      warnings.push(`Column "${f}" is ${c.kind === "id" ? "an id" : "a date"}; as a feature it rarely helps a model. Mark it ${c.kind === "id" ? "as the id" : "as the timestamp"} or ignore it if the model does not use it.`);
    }
  }

  const resolved: ResolvedRoles = { scores: [...(roles.scores ?? [])], features };
  if (roles.label !== undefined) resolved.label = roles.label;
  if (roles.prediction !== undefined) resolved.prediction = roles.prediction;
  if (roles.timestamp !== undefined) resolved.timestamp = roles.timestamp;
  if (roles.id !== undefined) resolved.id = roles.id;
  const prepared: PreparedTable = { table: { ...table, columns: out }, roles: resolved, labelledRows: labelled, warnings };
  if (labelClasses !== undefined) prepared.labelClasses = labelClasses;
  return prepared;
}
