/**
 * Sightline ingest: CSV, Parquet and JSON rows to a columnar table that the metrics engine reads
 * without copying; schema inference with reasons and role suggestions; confirmation of roles and
 * types with validation; time windows; a compact columnar encoding; one error type with the file,
 * row, column, problem and fix. Pure: bytes, strings or web streams in, plain objects and typed
 * arrays out; no file or network I/O, no framework.
 */
export { IngestError, ingestErrorStatus, type IngestErrorCode, type IngestErrorInit, type IngestErrorJson } from "./ingest-error";
export { DEFAULT_LIMITS, LIMIT_ENV_VARS, limitsFromEnv, resolveLimits, type IngestLimits } from "./limits";
export { DEFAULT_MISSING_VALUES } from "./missing-values";
export {
  COLUMN_KINDS,
  cellText,
  findColumn,
  isNumericStorage,
  rowNumberOf,
  type CategoricalColumn,
  type Column,
  type ColumnKind,
  type NumericColumn,
  type Table,
  type TableFormat,
} from "./table";
export type { ByteInput } from "./byte-input";
export type { TextEncoding, TextEncodingOption } from "./text-decoding";
export { DELIMITERS, type Delimiter } from "./detect-delimiter";
export type { FileDetails, IngestResult } from "./ingest-result";
export type { BuildOptions, InferredSchema, InfinityPolicy } from "./build-table";
export type { ColumnProfile } from "./column-profile";
export type { RoleHints, RoleSuggestion, SuggestedRoles } from "./suggest-roles";
export type { DeclaredType } from "./convert-column";
export type { DateFormat } from "./parse-timestamp";
export { parseCsv, type CsvOptions } from "./parse-csv";
export { parseParquet, type ParquetOptions } from "./parse-parquet";
export { parseJsonRows, type JsonRowsOptions } from "./parse-json-rows";
export { ingestFile, type IngestFileOptions } from "./ingest-file";
export { fileExtension, refuseUnreadableBytes, refuseUnreadableName } from "./file-format";
export { applySchema, type ConfirmedRoles, type ModelRequirements, type PreparedTable, type SchemaConfirmation } from "./apply-schema";
export { splitWindows, windowOf, windowTable, type TableWindow, type WindowPeriod } from "./split-windows";
export { rowsWithValue, sliceTable } from "./slice-table";
export { joinLabels, type LabelJoin, type LabelJoinColumns } from "./join-labels";
export { decodeTable, encodeTable } from "./table-codec";
export { binaryTargets, numericValues, sensitiveFeature, windowColumn, windowColumns } from "./metrics-inputs";
