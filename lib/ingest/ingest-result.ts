/** What every reader returns: the table, the inferred schema to confirm, and facts about the file. */
import type { InferredSchema } from "./build-table";
import type { Delimiter } from "./detect-delimiter";
import type { Table, TableFormat } from "./table";
import type { TextEncoding } from "./text-decoding";

/** Facts about the file as read. */
export interface FileDetails {
  format: TableFormat;
  /** Size in bytes (UTF-8 length for a string input). */
  bytes: number;
  delimiter?: Delimiter;
  encoding?: TextEncoding;
  /** The file started with a byte-order mark (dropped). */
  bom?: boolean;
}

/** A parsed file: the table, the inferred schema to confirm, and facts about the file. */
export interface IngestResult {
  table: Table;
  schema: InferredSchema;
  details: FileDetails;
}
