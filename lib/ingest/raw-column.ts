/**
 * A column as read from a file, before its kind is decided: float64 values when every value so far
 * was a number, otherwise dictionary-encoded text. Parquet columns may carry a kind fixed by the
 * file's own types.
 */

/** A cell: data row index (0-based) and its text as written. */
export interface CellRef {
  readonly index: number;
  readonly text: string;
}

/** A column whose every non-missing cell was a number (or came typed from Parquet). */
export interface RawNumericColumn {
  readonly name: string;
  readonly storage: "numeric";
  /** `NaN` = missing; +-Infinity kept as read (the caller decides). */
  readonly values: Float64Array;
  readonly firstInfinite?: CellRef;
  /** Kind set by the file's types (Parquet), skipping inference. */
  readonly fixedKind?: "numeric" | "boolean" | "datetime";
}

/** A column with at least one non-number cell, dictionary-encoded. */
export interface RawTextColumn {
  readonly name: string;
  readonly storage: "text";
  readonly codes: Int32Array;
  readonly dictionary: string[];
  /** The first cell that is not a number (absent for Parquet string columns). */
  readonly firstText?: CellRef;
  /** Numbers met before the first text cell were stored in canonical form ("1.50" became "1.5"). */
  readonly canonicalizedNumbers?: boolean;
}

/** A column as read. */
export type RawColumn = RawNumericColumn | RawTextColumn;
