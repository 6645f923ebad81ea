/**
 * Conversion of a column to another kind, used by inference and by the types a user or a model
 * declares. A value that does not fit the new kind stops with an {@link IngestError} naming the
 * first row with it, the column, the value and the fix. Dictionary columns are converted entry by
 * entry (each distinct value is parsed once).
 */
import { firstRowWithCode } from "./column-stats";
import { IngestError, quoteValue } from "./ingest-error";
import { numberFormatHint, parseNumber } from "./parse-number";
import { type DateFormat, epochToMs, guessDateFormat, parseTimestamp } from "./parse-timestamp";
import { type CategoricalColumn, type Column, type ColumnKind, type NumericColumn, cellText, isNumericStorage } from "./table";

/** Row numbers and file name for error messages. */
export interface RowContext {
  readonly file: string;
  /** Row number a user sees for data row `index`. */
  rowNumber(index: number): number;
}

/** A declared column type: a kind, or datetime with the format its text uses. */
export type DeclaredType = ColumnKind | { kind: "datetime"; format: DateFormat };

/** The kind of a declared type. */
export function declaredKind(t: DeclaredType): ColumnKind {
  return typeof t === "string" ? t : t.kind;
}

const TRUE_WORDS = new Set(["true", "yes", "y", "t", "1"]);
const FALSE_WORDS = new Set(["false", "no", "n", "f", "0"]);

/** true / false for a boolean spelling (any case), or undefined. */
export function booleanWord(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return undefined;
}

function badValue(ctx: RowContext, column: string, index: number, code: IngestError["code"], problem: string, fix: string): IngestError {
  return new IngestError({ code, file: ctx.file, row: ctx.rowNumber(index), column, problem, fix });
}

/** Numeric column from a dictionary column: every entry must be a number. */
function codesToNumeric(col: CategoricalColumn, ctx: RowContext): NumericColumn {
  const dict = col.dictionary;
  const parsed = new Float64Array(dict.length);
  const bad = new Uint8Array(dict.length);
  const infinite = new Uint8Array(dict.length);
  let anyBad = false;
  let anyInfinite = false;
  for (let k = 0; k < dict.length; k++) {
    const v = parseNumber((dict[k] as string).trim());
    parsed[k] = v;
    if (Number.isNaN(v)) {
      bad[k] = 1;
      anyBad = true;
    } else if (!Number.isFinite(v)) {
      infinite[k] = 1;
      anyInfinite = true;
    }
  }
  if (anyBad || anyInfinite) {
    const iBad = anyBad ? firstRowWithCode(col.codes, bad) : -1;
    const iInf = anyInfinite ? firstRowWithCode(col.codes, infinite) : -1;
    if (iBad >= 0 && (iInf < 0 || iBad < iInf)) {
      const text = dict[col.codes[iBad] as number] as string;
      const hint = numberFormatHint(text.trim());
      throw badValue(ctx, col.name, iBad, "text_in_numeric", `${quoteValue(text)} is not a number, and this column must hold numbers.`, hint || "Fix the value or leave the cell empty.");
    }
    if (iInf >= 0) throw infiniteValueError(ctx, col.name, iInf, dict[col.codes[iInf] as number] as string);
  }
  const values = new Float64Array(col.codes.length);
  for (let i = 0; i < values.length; i++) {
    const c = col.codes[i] as number;
    values[i] = c < 0 ? Number.NaN : (parsed[c] as number);
  }
  return { name: col.name, kind: "numeric", values };
}

/** The error for an infinite number in a numeric column. */
export function infiniteValueError(ctx: RowContext, column: string, index: number, text: string): IngestError {
  return badValue(
    ctx,
    column,
    index,
    "infinite_value",
    `${quoteValue(text)} is infinite; metrics cannot use infinite values.`,
    "Replace it with a finite number, or leave the cell empty if the value is unknown.",
  );
}

/** Dictionary column from any column: numbers written out, booleans spelled, datetimes as ISO 8601. */
function toCodes(col: Column, kind: "categorical" | "id"): CategoricalColumn {
  if (!isNumericStorage(col)) return { name: col.name, kind, codes: col.codes, dictionary: col.dictionary };
  const n = col.values.length;
  const codes = new Int32Array(n);
  const dict = new Map<string, number>();
  const entries: string[] = [];
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(col.values[i] as number)) {
      codes[i] = -1;
      continue;
    }
    const s = cellText(col, i);
    let k = dict.get(s);
    if (k === undefined) {
      k = entries.length;
      dict.set(s, k);
      entries.push(s);
    }
    codes[i] = k;
  }
  return { name: col.name, kind, codes, dictionary: entries };
}

function toBoolean(col: Column, ctx: RowContext): NumericColumn {
  const fix = "Write every value as true/false, yes/no or 1/0, or leave the cell empty.";
  if (isNumericStorage(col)) {
    if (col.kind === "datetime") throw badValue(ctx, col.name, 0, "bad_boolean", "This column holds dates, not true/false values.", "Choose another type for it.");
    for (let i = 0; i < col.values.length; i++) {
      const v = col.values[i] as number;
      if (!Number.isNaN(v) && v !== 0 && v !== 1) throw badValue(ctx, col.name, i, "bad_boolean", `${quoteValue(String(v))} is not a true/false value.`, fix);
    }
    return { name: col.name, kind: "boolean", values: col.values };
  }
  const dict = col.dictionary;
  const map = new Float64Array(dict.length);
  const bad = new Uint8Array(dict.length);
  let anyBad = false;
  let trueText: string | undefined;
  let falseText: string | undefined;
  for (let k = 0; k < dict.length; k++) {
    const b = booleanWord(dict[k] as string);
    if (b === undefined) {
      bad[k] = 1;
      anyBad = true;
    } else {
      map[k] = b ? 1 : 0;
      if (b) trueText ??= (dict[k] as string).trim();
      else falseText ??= (dict[k] as string).trim();
    }
  }
  if (anyBad) {
    const i = firstRowWithCode(col.codes, bad);
    if (i >= 0) throw badValue(ctx, col.name, i, "bad_boolean", `${quoteValue(dict[col.codes[i] as number] as string)} is not a true/false value.`, fix);
  }
  const values = new Float64Array(col.codes.length);
  for (let i = 0; i < values.length; i++) {
    const c = col.codes[i] as number;
    values[i] = c < 0 ? Number.NaN : (map[c] as number);
  }
  return { name: col.name, kind: "boolean", values, booleanText: { true: trueText ?? "true", false: falseText ?? "false" } };
}

const FORMAT_WORDS: Record<DateFormat, string> = {
  iso: "ISO 8601 dates (2026-05-14 or 2026-05-14T08:30:00Z)",
  dmy: "day-month-year dates (14-05-2026)",
  mdy: "month-day-year dates (05/14/2026)",
  epoch: "Unix timestamps",
};

function toDatetime(col: Column, ctx: RowContext, format: DateFormat | undefined): NumericColumn {
  if (isNumericStorage(col)) {
    if (col.kind === "datetime") return col;
    if (col.kind === "boolean") throw badValue(ctx, col.name, 0, "bad_timestamp", "This column holds true/false values, not timestamps.", "Choose the column that holds the time of each row.");
    const values = new Float64Array(col.values.length);
    for (let i = 0; i < values.length; i++) values[i] = epochToMs(col.values[i] as number);
    return { name: col.name, kind: "datetime", values };
  }
  const dict = col.dictionary;
  let fmt = format;
  if (fmt === undefined) {
    const guess = guessDateFormat(dict);
    if (guess.kind === "ambiguous") {
      throw new IngestError({
        code: "bad_timestamp",
        file: ctx.file,
        column: col.name,
        problem: "The dates in this column could be day-month-year or month-day-year: no day is above 12.",
        fix: "Write the dates as YYYY-MM-DD, or declare the format (day-month-year or month-day-year) when you confirm the column.",
      });
    }
    fmt = guess.kind === "format" ? guess.format : "iso";
  }
  const parsed = new Float64Array(dict.length);
  const bad = new Uint8Array(dict.length);
  let anyBad = false;
  for (let k = 0; k < dict.length; k++) {
    const t = parseTimestamp(dict[k] as string, fmt);
    parsed[k] = t;
    if (Number.isNaN(t)) {
      bad[k] = 1;
      anyBad = true;
    }
  }
  if (anyBad) {
    const i = firstRowWithCode(col.codes, bad);
    if (i >= 0) {
      throw badValue(
        ctx,
        col.name,
        i,
        "bad_timestamp",
        `${quoteValue(dict[col.codes[i] as number] as string)} is not a valid timestamp; the column holds ${FORMAT_WORDS[fmt]}.`,
        "Fix the value (for example 2026-05-14 or 2026-05-14T08:30:00Z) or leave the cell empty.",
      );
    }
  }
  const values = new Float64Array(col.codes.length);
  for (let i = 0; i < values.length; i++) {
    const c = col.codes[i] as number;
    values[i] = c < 0 ? Number.NaN : (parsed[c] as number);
  }
  return { name: col.name, kind: "datetime", values };
}

/** `column` as the declared type; throws an {@link IngestError} at the first value that does not fit. */
export function convertColumn(column: Column, declared: DeclaredType, ctx: RowContext): Column {
  const kind = declaredKind(declared);
  const format = typeof declared === "string" ? undefined : declared.format;
  if (kind === column.kind && format === undefined) return column;
  switch (kind) {
    case "numeric":
      if (isNumericStorage(column)) return { name: column.name, kind: "numeric", values: column.values };
      return codesToNumeric(column, ctx);
    case "categorical":
    case "id":
      return toCodes(column, kind);
    case "boolean":
      return toBoolean(column, ctx);
    case "datetime":
      if (format !== undefined && !isNumericStorage(column)) return toDatetime(column, ctx, format);
      if (format !== undefined && format !== "epoch" && isNumericStorage(column) && column.kind !== "datetime") {
        return toDatetime(toCodes(column, "categorical"), ctx, format);
      }
      return toDatetime(column, ctx, format);
  }
}
