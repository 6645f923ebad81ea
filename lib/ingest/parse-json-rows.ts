/**
 * JSON rows (as an API client pushes a window): an array of objects whose values are strings,
 * numbers, booleans or null. Columns are the keys in first-seen order; a key absent from a row is
 * a missing value. Values go through the same cell reader as CSV (missing markers, number
 * detection, inference). Row numbers in errors count array items from 1.
 */
import { z } from "zod";
import { type BuildOptions, buildTable } from "./build-table";
import { ColumnBuilder } from "./column-builder";
import { IngestError } from "./ingest-error";
import type { IngestResult } from "./ingest-result";
import { type IngestLimits, cellTooLongError, resolveLimits, tooManyColumnsError, tooManyRowsError } from "./limits";
import { MissingMatcher } from "./missing-values";

/** Options of {@link parseJsonRows}. */
export interface JsonRowsOptions extends BuildOptions {
  file: string;
  missingValues?: readonly string[];
  limits?: Partial<IngestLimits>;
}

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const rowSchema = z.record(z.string(), cell);

/** Parse JSON rows (already `JSON.parse`d, untrusted) into a table with inferred kinds. */
export function parseJsonRows(value: unknown, options: JsonRowsOptions): IngestResult {
  const file = options.file;
  const limits = resolveLimits(options.limits);
  if (!Array.isArray(value)) {
    throw new IngestError({ code: "unsupported_format", file, problem: "The JSON body is not a list of rows.", fix: 'Send an array of objects, one per row, such as [{"age": 39, "sex": "Male"}].' });
  }
  if (value.length === 0) throw new IngestError({ code: "empty_file", file, problem: "The list of rows is empty.", fix: "Send at least one row." });
  if (value.length > limits.maxRows) throw tooManyRowsError(file, limits);
  const missing = new MissingMatcher(options.missingValues);
  const builders = new Map<string, ColumnBuilder>();
  for (let i = 0; i < value.length; i++) {
    const parsed = rowSchema.safeParse(value[i]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const key = issue?.path[0];
      throw new IngestError({
        code: "unsupported_format",
        file,
        row: i + 1,
        ...(typeof key === "string" ? { column: key } : {}),
        problem: typeof key === "string" ? "This value is not a string, number, boolean or null." : "This row is not an object of column names and values.",
        fix: 'Send each row as an object of plain values, such as {"age": 39, "sex": "Male"}.',
      });
    }
    for (const [key, v] of Object.entries(parsed.data)) {
      let b = builders.get(key);
      if (b === undefined) {
        if (builders.size === limits.maxColumns) throw tooManyColumnsError(file, limits, builders.size + 1);
        b = new ColumnBuilder(key, missing, value.length);
        for (let k = 0; k < i; k++) b.push("");
        builders.set(key, b);
      }
      const text = v === null ? "" : String(v);
      if (text.length > limits.maxCellChars) throw cellTooLongError(file, limits, i + 1, key);
      b.push(text);
    }
    for (const b of builders.values()) if (b.length === i) b.push("");
  }
  const raw = [...builders.values()].map((b) => b.finish());
  const { table, schema } = buildTable(raw, { file, format: "json", rowCount: value.length, firstRowNumber: 1 }, options);
  return { table, schema, details: { format: "json", bytes: 0 } };
}
