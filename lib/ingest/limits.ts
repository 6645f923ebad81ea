/**
 * Size limits of an upload. Exceeding one stops parsing at once with an {@link IngestError} that
 * names the limit and the environment variable an administrator sets to change it. The caller
 * reads the environment (this layer does no I/O) and passes the values in, e.g. with
 * `limitsFromEnv(process.env)`.
 */
import { z } from "zod";
import { IngestError } from "./ingest-error";

/** Upload limits. */
export interface IngestLimits {
  /** Largest file in bytes (default 200 MB). */
  maxBytes: number;
  /** Most data rows (default 5,000,000). */
  maxRows: number;
  /** Most columns (default 500). */
  maxColumns: number;
  /** Longest cell in characters (default 1,000). */
  maxCellChars: number;
}

/** The defaults: 200 MB, 5,000,000 rows, 500 columns, 1,000 characters per cell. */
export const DEFAULT_LIMITS: Readonly<IngestLimits> = Object.freeze({
  maxBytes: 200 * 1024 * 1024,
  maxRows: 5_000_000,
  maxColumns: 500,
  maxCellChars: 1_000,
});

/** The environment variable that sets each limit (`maxBytes` in megabytes). */
export const LIMIT_ENV_VARS: Readonly<Record<keyof IngestLimits, string>> = Object.freeze({
  maxBytes: "SIGHTLINE_MAX_UPLOAD_MB",
  maxRows: "SIGHTLINE_MAX_ROWS",
  maxColumns: "SIGHTLINE_MAX_COLUMNS",
  maxCellChars: "SIGHTLINE_MAX_CELL_CHARS",
});

const positiveInt = z.number().int().positive();
const limitsSchema = z.object({
  maxBytes: positiveInt,
  maxRows: positiveInt,
  maxColumns: positiveInt,
  maxCellChars: positiveInt,
});

/** Defaults overridden by the given values; throws a plain Error on a value that is not a positive integer (a configuration bug). */
export function resolveLimits(partial: Partial<IngestLimits> = {}): IngestLimits {
  const merged = { ...DEFAULT_LIMITS, ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)) };
  const parsed = limitsSchema.safeParse(merged);
  if (!parsed.success) throw new Error(`Invalid ingest limits: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return parsed.data;
}

const envNumber = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, "must be a positive number")
  .transform(Number)
  .pipe(z.number().positive());

/**
 * Limits from environment variables ({@link LIMIT_ENV_VARS}); unset or empty variables keep the
 * default. Throws a plain Error naming the variable when a value is not a positive number.
 */
export function limitsFromEnv(env: Readonly<Record<string, string | undefined>>): IngestLimits {
  const out: Partial<IngestLimits> = {};
  for (const key of Object.keys(LIMIT_ENV_VARS) as (keyof IngestLimits)[]) {
    const name = LIMIT_ENV_VARS[key];
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") continue;
    const parsed = envNumber.safeParse(raw);
    if (!parsed.success) throw new Error(`${name}=${JSON.stringify(raw)} is not a positive number.`);
    out[key] = key === "maxBytes" ? Math.round(parsed.data * 1024 * 1024) : Math.floor(parsed.data);
  }
  return resolveLimits(out);
}

/** "200 MB", "1.5 MB", "512 KB" for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** "5,000,000" for messages. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** The error for a file over `maxBytes`. */
export function fileTooLargeError(file: string, limits: Pick<IngestLimits, "maxBytes">): IngestError {
  return new IngestError({
    code: "file_too_large",
    file,
    problem: `The file is larger than ${formatBytes(limits.maxBytes)}, the upload limit.`,
    fix: `Split it into smaller files (for example one per week), or ask your administrator to raise ${LIMIT_ENV_VARS.maxBytes}.`,
  });
}

/** The error for a file with more than `maxRows` data rows. */
export function tooManyRowsError(file: string, limits: Pick<IngestLimits, "maxRows">): IngestError {
  return new IngestError({
    code: "too_many_rows",
    file,
    problem: `The file has more than ${formatCount(limits.maxRows)} data rows, the limit.`,
    fix: `Split it into smaller files, or ask your administrator to raise ${LIMIT_ENV_VARS.maxRows}.`,
  });
}

/** The error for a file with more than `maxColumns` columns. */
export function tooManyColumnsError(file: string, limits: Pick<IngestLimits, "maxColumns">, found: number): IngestError {
  return new IngestError({
    code: "too_many_columns",
    file,
    problem: `The file has ${formatCount(found)} columns; the limit is ${formatCount(limits.maxColumns)}.`,
    fix: `Remove the columns the model does not use, or ask your administrator to raise ${LIMIT_ENV_VARS.maxColumns}.`,
  });
}

/** The error for a cell longer than `maxCellChars`. */
export function cellTooLongError(file: string, limits: Pick<IngestLimits, "maxCellChars">, row: number, column: string | undefined): IngestError {
  return new IngestError({
    code: "cell_too_long",
    file,
    row,
    ...(column === undefined ? {} : { column }),
    problem: `A value is longer than ${formatCount(limits.maxCellChars)} characters, the limit for one cell.`,
    fix: `Shorten it (free text is not used by the model), or ask your administrator to raise ${LIMIT_ENV_VARS.maxCellChars}.`,
  });
}
