/**
 * The columnar table the ingest layer produces and the metrics engine consumes without copying.
 *
 * Storage follows the column kind:
 * - `numeric`, `boolean` and `datetime` columns hold a `Float64Array` with `NaN` for missing
 *   (boolean: 1 = true, 0 = false; datetime: milliseconds since 1970-01-01 UTC);
 * - `categorical` and `id` columns are dictionary-encoded: `codes: Int32Array` indexes
 *   `dictionary`, and -1 is missing (the `CategoricalCodes` shape of lib/metrics).
 */

/** What a column holds, as inferred or declared. */
export type ColumnKind = "numeric" | "categorical" | "boolean" | "datetime" | "id";

/** Every column kind, in a stable order. */
export const COLUMN_KINDS: readonly ColumnKind[] = ["numeric", "categorical", "boolean", "datetime", "id"];

/** A column stored as float64 values (`NaN` = missing). */
export interface NumericColumn {
  readonly name: string;
  readonly kind: "numeric" | "boolean" | "datetime";
  readonly values: Float64Array;
  /** For a boolean column read from text: how the file wrote true and false (e.g. "yes" / "no"). */
  readonly booleanText?: { readonly true: string; readonly false: string };
}

/** A dictionary-encoded column (`codes[i] === -1` = missing). */
export interface CategoricalColumn {
  readonly name: string;
  readonly kind: "categorical" | "id";
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

/** One column of a {@link Table}. */
export type Column = NumericColumn | CategoricalColumn;

/** Where the rows came from. */
export type TableFormat = "csv" | "parquet" | "json";

/** A columnar table: every column has `rowCount` entries. */
export interface Table {
  /** The file name the rows came from, used in error messages. */
  readonly file: string;
  readonly format: TableFormat;
  readonly rowCount: number;
  readonly columns: readonly Column[];
  /**
   * Row number (as a spreadsheet shows it) of data row 0 when rows are contiguous: 2 for a CSV
   * file (the header is row 1), 1 for Parquet.
   */
  readonly firstRowNumber: number;
  /** Row number of every data row, when they are not contiguous (blank lines skipped, or a slice). */
  readonly rowNumbers?: Int32Array;
}

/** True for a column stored as float64 values. */
export function isNumericStorage(column: Column): column is NumericColumn {
  return column.kind === "numeric" || column.kind === "boolean" || column.kind === "datetime";
}

/** The row number a user sees for data row `index` (0-based). */
export function rowNumberOf(table: Pick<Table, "firstRowNumber" | "rowNumbers">, index: number): number {
  if (table.rowNumbers !== undefined) return table.rowNumbers[index] ?? table.firstRowNumber + index;
  return table.firstRowNumber + index;
}

/** The column called `name`, or undefined. */
export function findColumn(table: Pick<Table, "columns">, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}

/** Cell `index` of a column as text ("" for missing): the dictionary entry, or the number written out. */
export function cellText(column: Column, index: number): string {
  if (isNumericStorage(column)) {
    const v = column.values[index] as number;
    if (Number.isNaN(v)) return "";
    if (column.kind === "datetime") return new Date(v).toISOString();
    if (column.kind === "boolean") return v === 1 ? (column.booleanText?.true ?? "true") : (column.booleanText?.false ?? "false");
    return String(v);
  }
  const c = column.codes[index] as number;
  return c < 0 ? "" : (column.dictionary[c] as string);
}

/** Number of missing cells of a column. */
export function missingCount(column: Column): number {
  let m = 0;
  if (isNumericStorage(column)) {
    const v = column.values;
    for (let i = 0; i < v.length; i++) if (Number.isNaN(v[i] as number)) m++;
  } else {
    const c = column.codes;
    for (let i = 0; i < c.length; i++) if ((c[i] as number) < 0) m++;
  }
  return m;
}
