/**
 * The one error type of the ingest layer. Every refusal of a data file is an {@link IngestError}
 * with a stable `code`, the file name, the row and column where they apply, the problem and the
 * fix in plain words, and a `message` made of those parts, suitable for a 4xx answer as it is.
 */

/** Stable machine-readable reasons; tests and the API rely on them. */
export type IngestErrorCode =
  // the file as a whole
  | "empty_file"
  | "header_only"
  | "binary_file"
  | "unsupported_format"
  | "invalid_encoding"
  | "file_too_large"
  | "too_many_rows"
  | "too_many_columns"
  // CSV structure
  | "wrong_delimiter"
  | "ragged_row"
  | "unbalanced_quotes"
  | "duplicate_columns"
  | "unnamed_column"
  | "no_header"
  | "cell_too_long"
  // Parquet structure
  | "invalid_parquet"
  | "truncated_parquet"
  | "unsupported_parquet"
  | "invalid_parquet_footer"
  // values
  | "infinite_value"
  | "text_in_numeric"
  | "bad_timestamp"
  | "missing_timestamp"
  | "too_many_windows"
  | "bad_boolean"
  // roles and the model
  | "unknown_column"
  | "missing_features"
  | "label_classes"
  | "label_empty"
  | "label_not_numeric"
  | "positive_label_missing"
  | "score_out_of_range"
  | "duplicate_id"
  | "missing_id"
  | "role_conflict"
  // the columnar copy
  | "invalid_table";

/** HTTP status that suits each code: 413 for size limits, 415 for formats we cannot read, else 422. */
export function ingestErrorStatus(code: IngestErrorCode): 413 | 415 | 422 {
  switch (code) {
    case "file_too_large":
    case "too_many_rows":
    case "too_many_columns":
      return 413;
    case "binary_file":
    case "unsupported_format":
    case "invalid_encoding":
    case "invalid_parquet":
    case "unsupported_parquet":
      return 415;
    default:
      return 422;
  }
}

/** What an {@link IngestError} is made from. `row` is the row number a spreadsheet shows (CSV header = row 1). */
export interface IngestErrorInit {
  code: IngestErrorCode;
  file: string;
  row?: number;
  column?: string;
  /** One or two sentences saying what is wrong, in plain words. */
  problem: string;
  /** One sentence saying what to do about it. */
  fix: string;
}

/** JSON shape of an {@link IngestError} for an API answer. */
export interface IngestErrorJson extends IngestErrorInit {
  message: string;
  status: 413 | 415 | 422;
}

function location(file: string, row: number | undefined, column: string | undefined): string {
  let s = file;
  if (row !== undefined) s += `, row ${row}`;
  if (column !== undefined) s += `, column "${column}"`;
  return s;
}

/**
 * A data file we refuse, with where and why. `message` is
 * `<file>[, row R][, column "C"]: <problem> <fix>`.
 */
export class IngestError extends Error {
  override readonly name = "IngestError";
  readonly code: IngestErrorCode;
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  readonly problem: string;
  readonly fix: string;
  /** The HTTP status a route handler should answer with. */
  readonly status: 413 | 415 | 422;

  constructor(init: IngestErrorInit) {
    super(`${location(init.file, init.row, init.column)}: ${init.problem} ${init.fix}`);
    this.code = init.code;
    this.file = init.file;
    if (init.row !== undefined) this.row = init.row;
    if (init.column !== undefined) this.column = init.column;
    this.problem = init.problem;
    this.fix = init.fix;
    this.status = ingestErrorStatus(init.code);
  }

  /** Plain object for a JSON error answer. */
  toJSON(): IngestErrorJson {
    const out: IngestErrorJson = { code: this.code, file: this.file, problem: this.problem, fix: this.fix, message: this.message, status: this.status };
    if (this.row !== undefined) out.row = this.row;
    if (this.column !== undefined) out.column = this.column;
    return out;
  }
}

/** Quote a value from the file for a message, shortened when long. */
export function quoteValue(value: string, max = 40): string {
  const v = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(v);
}

/** "a", "a and b", "a, b and c" (with at most `max` items, then "and N more"). */
export function listWords(items: readonly string[], max = 10): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  const parts = rest > 0 ? [...shown, `${rest} more`] : shown;
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1] as string}`;
}
