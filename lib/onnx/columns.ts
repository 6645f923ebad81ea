import { OnnxModelError } from "./errors";
import type { InputFeed, ScoringPlan } from "./plan";

/** A dictionary-encoded column: codes index the dictionary, -1 means missing. */
export interface CategoricalColumn {
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

/**
 * One data column: numbers (NaN = missing), dictionary-encoded categories, or plain strings
 * (null = missing).
 */
export type FeatureColumn = Float64Array | CategoricalColumn | readonly (string | null)[];

/** Columns by name, as a Map or a plain object. */
export type ColumnSource = ReadonlyMap<string, FeatureColumn> | Readonly<Record<string, FeatureColumn | undefined>>;

export function isCategorical(column: FeatureColumn): column is CategoricalColumn {
  return !(column instanceof Float64Array) && !Array.isArray(column);
}

export function columnLength(column: FeatureColumn): number {
  return isCategorical(column) ? column.codes.length : column.length;
}

export function getColumn(columns: ColumnSource, name: string): FeatureColumn | undefined {
  if (columns instanceof Map) return columns.get(name);
  const record = columns as Readonly<Record<string, FeatureColumn | undefined>>;
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

export function columnNames(columns: ColumnSource): string[] {
  return columns instanceof Map ? [...columns.keys()] : Object.keys(columns);
}

/** Lower case, letters and digits only: "Education-Num" and "education_num" compare equal. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * Binds the plan's columns to the names present in the data: exact names first, then a unique
 * match that differs only in case or punctuation ("education-num" for "education_num"). Throws
 * MISSING_COLUMNS naming every column that is still missing.
 */
export function bindColumns(plan: ScoringPlan, available: readonly string[]): ScoringPlan {
  const exact = new Set(available);
  const byNormal = new Map<string, string[]>();
  for (const name of available) byNormal.set(normalize(name), [...(byNormal.get(normalize(name)) ?? []), name]);

  const missing: string[] = [];
  const resolved = new Map<string, string>();
  for (const wanted of plan.requiredColumns) {
    if (exact.has(wanted)) {
      resolved.set(wanted, wanted);
      continue;
    }
    const candidates = byNormal.get(normalize(wanted)) ?? [];
    const only = candidates.length === 1 ? candidates[0] : undefined;
    if (only !== undefined) resolved.set(wanted, only);
    else missing.push(wanted);
  }
  if (missing.length > 0) {
    const shown = missing.slice(0, 12).map((m) => `'${m}'`).join(", ");
    const more = missing.length > 12 ? ` and ${missing.length - 12} more` : "";
    throw new OnnxModelError(
      "MISSING_COLUMNS",
      `The data lacks ${missing.length === 1 ? "a column" : `${missing.length} columns`} the model needs: ${shown}${more}. Add ${missing.length === 1 ? "it" : "them"} to the file (same names as the model's features), or map the model's features to your column names when uploading the model.`,
      { missing },
    );
  }
  if ([...resolved].every(([a, b]) => a === b)) return plan;
  const rename = (name: string) => resolved.get(name) ?? name;
  const inputs = plan.inputs.map(
    (f): InputFeed => (f.kind === "column" ? { ...f, column: rename(f.column) } : { ...f, features: f.features.map(rename) }),
  );
  return { ...plan, inputs, requiredColumns: plan.requiredColumns.map(rename) };
}

/** Number of rows shared by the plan's columns; throws INVALID_VALUE when lengths differ. */
export function tableRows(plan: ScoringPlan, columns: ColumnSource): number {
  let rows = -1;
  let first = "";
  for (const name of plan.requiredColumns) {
    const column = getColumn(columns, name);
    if (!column) continue;
    const length = columnLength(column);
    if (rows === -1) {
      rows = length;
      first = name;
    } else if (length !== rows) {
      throw new OnnxModelError(
        "INVALID_VALUE",
        `The columns have different lengths ('${first}' has ${rows} rows, '${name}' has ${length}). Every column of a table must have one value per row.`,
        { column: name },
      );
    }
  }
  return Math.max(rows, 0);
}
