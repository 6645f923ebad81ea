/**
 * From columns as read to the finished table and its inferred schema: infinite values are refused
 * (or made missing, if asked), each column's kind is inferred, declared types are applied, and
 * roles are suggested. Shared by the CSV, Parquet and JSON readers.
 */
import { type ColumnProfile, profileColumn } from "./column-profile";
import { type DeclaredType, type RowContext, convertColumn, infiniteValueError } from "./convert-column";
import { inferKind } from "./infer-kind";
import type { RawColumn } from "./raw-column";
import { type RoleHints, type SuggestedRoles, suggestRoles } from "./suggest-roles";
import { type Column, type Table, type TableFormat, rowNumberOf } from "./table";

/** What to do with `inf` / `Infinity` in a numeric column: refuse the file (default) or treat as missing. */
export type InfinityPolicy = "error" | "missing";

/** The inferred schema shown to the user before confirming roles. */
export interface InferredSchema {
  rowCount: number;
  columns: ColumnProfile[];
  roles: SuggestedRoles;
  /** Notes worth showing (encoding fallback, mixed columns, ...). */
  warnings: string[];
}

/** Options shared by every reader for the table-building step. */
export interface BuildOptions {
  /** Declared column types (by the user or the model); columns not in the file are ignored here. */
  types?: Readonly<Record<string, DeclaredType>>;
  /** Infinity policy; default "error". */
  infinity?: InfinityPolicy;
  /** Hints for role suggestions. */
  roles?: RoleHints;
}

/** Where the rows came from. */
export interface TableSource {
  file: string;
  format: TableFormat;
  rowCount: number;
  firstRowNumber: number;
  rowNumbers?: Int32Array;
}

/** Row context of a table or source for error messages. */
export function rowContext(source: Pick<Table, "file" | "firstRowNumber" | "rowNumbers">): RowContext {
  return { file: source.file, rowNumber: (i) => rowNumberOf(source, i) };
}

/** Build the table and its schema from raw columns. */
export function buildTable(raw: readonly RawColumn[], source: TableSource, options: BuildOptions = {}, warnings: string[] = []): { table: Table; schema: InferredSchema } {
  const ctx = rowContext(source);
  const infinity = options.infinity ?? "error";
  for (const col of raw) {
    if (col.storage !== "numeric" || col.firstInfinite === undefined) continue;
    if (infinity === "error") throw infiniteValueError(ctx, col.name, col.firstInfinite.index, col.firstInfinite.text);
    const v = col.values;
    for (let i = 0; i < v.length; i++) if ((v[i] as number) - (v[i] as number) !== 0) v[i] = Number.NaN;
  }
  const columns: Column[] = [];
  const profiles: ColumnProfile[] = [];
  const notes = [...warnings];
  for (const r of raw) {
    const inferred = inferKind(r, ctx);
    notes.push(...inferred.warnings);
    const declared = options.types?.[r.name];
    let column = inferred.column;
    let reasons = inferred.reasons;
    if (declared !== undefined) {
      column = convertColumn(column, declared, ctx);
      if (column.kind !== inferred.column.kind) reasons = [`declared ${column.kind}`, ...reasons.map((x) => `inferred ${inferred.column.kind}: ${x}`)];
    }
    columns.push(column);
    profiles.push(profileColumn(column, reasons));
  }
  const table: Table = {
    file: source.file,
    format: source.format,
    rowCount: source.rowCount,
    columns,
    firstRowNumber: source.firstRowNumber,
    ...(source.rowNumbers === undefined ? {} : { rowNumbers: source.rowNumbers }),
  };
  return { table, schema: { rowCount: source.rowCount, columns: profiles, roles: suggestRoles(profiles, options.roles), warnings: notes } };
}
