/**
 * Views of table columns in the shapes the metrics engine takes (`driftReport`, `fairnessReport`,
 * `scorecard` in lib/metrics), without copying column buffers:
 * - numeric, boolean and datetime columns -> `{ type: "numeric", values: Float64Array }` (NaN =
 *   missing; a boolean's two values make the drift test the same as for a category);
 * - categorical and id columns -> `{ type: "categorical", values: { codes, dictionary } }`.
 * Labels for the scorecard and fairness report are 0/1 numbers, built from the positive class.
 */
import type { SensitiveFeature, WindowColumn } from "../metrics";
import { booleanWord } from "./convert-column";
import { IngestError } from "./ingest-error";
import { type Column, type Table, cellText, findColumn, isNumericStorage } from "./table";

function columnOrThrow(table: Table, name: string): Column {
  const c = findColumn(table, name);
  if (c === undefined) {
    throw new IngestError({ code: "unknown_column", file: table.file, problem: `The column "${name}" is not in the file.`, fix: "Pick a column from the file's header." });
  }
  return c;
}

/** One column as a drift input. */
export function windowColumn(column: Column): WindowColumn {
  if (isNumericStorage(column)) return { type: "numeric", values: column.values };
  return { type: "categorical", values: { codes: column.codes, dictionary: column.dictionary } };
}

/** Columns by name as drift inputs (`driftReport(reference, current)`); default every column. */
export function windowColumns(table: Table, names?: readonly string[]): Record<string, WindowColumn> {
  const out: Record<string, WindowColumn> = {};
  for (const name of names ?? table.columns.map((c) => c.name)) out[name] = windowColumn(columnOrThrow(table, name));
  return out;
}

/** A column as a sensitive attribute for `fairnessReport`. */
export function sensitiveFeature(table: Table, name: string): SensitiveFeature {
  const c = columnOrThrow(table, name);
  return { name, values: isNumericStorage(c) ? c.values : { codes: c.codes, dictionary: c.dictionary } };
}

/**
 * 0/1 targets from a label (or prediction) column: 1 where the cell equals `positiveLabel` as
 * written in the file (for a boolean column, any spelling of the same truth value: "Yes", "yes",
 * "true", "1"), 0 for any other value, NaN where missing. Select the rows without NaN
 * before calling `scorecard` (see `rowsWithValue` and `sliceTable`).
 */
export function binaryTargets(table: Table, name: string, positiveLabel: string): Float64Array {
  const c = columnOrThrow(table, name);
  const n = table.rowCount;
  const out = new Float64Array(n);
  if (isNumericStorage(c)) {
    const word = c.kind === "boolean" ? booleanWord(positiveLabel) : undefined;
    for (let i = 0; i < n; i++) {
      const v = c.values[i] as number;
      if (Number.isNaN(v)) out[i] = Number.NaN;
      else if (word !== undefined) out[i] = (v === 1) === word ? 1 : 0;
      else out[i] = cellText(c, i) === positiveLabel ? 1 : 0;
    }
    return out;
  }
  const positive = c.dictionary.indexOf(positiveLabel);
  for (let i = 0; i < n; i++) {
    const k = c.codes[i] as number;
    out[i] = k < 0 ? Number.NaN : k === positive ? 1 : 0;
  }
  return out;
}

/** A numeric column's values (scores, regression labels and predictions), without copying. */
export function numericValues(table: Table, name: string): Float64Array {
  const c = columnOrThrow(table, name);
  if (!isNumericStorage(c)) {
    throw new IngestError({ code: "text_in_numeric", file: table.file, column: name, problem: "This column holds text, not numbers.", fix: "Declare it numeric when you confirm the columns, or choose another column." });
  }
  return c.values;
}
