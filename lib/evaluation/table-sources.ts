// Where a job's tables come from. The server sends only these descriptions to the compute child
// (compute-child.ts), which reads, splits and encodes the tables itself: a large upload's rows never pass through
// the server's memory or the IPC channel.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { splitWindows, type WindowPeriod } from "@/lib/ingest/split-windows";
import { sliceTable } from "@/lib/ingest/slice-table";
import { encodeTable } from "@/lib/ingest/table-codec";
import type { Table } from "@/lib/ingest/table";
import { JobFailure } from "@/lib/jobs/types";
import { stagingDir, type StagedFile } from "@/lib/storage/artifacts";
import { readStagedTable, readTable } from "@/lib/storage/tables";

export type TableSource =
  /** a stored columnar copy (a window or reference already in the store) */
  | { kind: "stored"; sha256: string; name: string }
  /** a checked upload's staged columnar copy, whole */
  | { kind: "staged"; path: string; sha256: string; name: string }
  /** the rows of one period of a staged columnar copy, split by its timestamp column */
  | { kind: "period"; path: string; name: string; column: string; splitBy: WindowPeriod; label: string };

export interface ResolvedTable {
  table: Table;
  /** sha256 of the table's columnar copy (the window's identity in snapshots' input hashes) */
  sha256: string;
  /** a period's own columnar copy, staged here for the job's commit to promote (null: the copy exists already) */
  staged: StagedFile | null;
}

/** What a job's commit needs to know of each table it read, without the rows. */
export interface TableSummary {
  sha256: string;
  rows: number;
  columns: { name: string; kind: string }[];
  staged: StagedFile | null;
}

export function summarize(resolved: ResolvedTable): TableSummary {
  return { sha256: resolved.sha256, rows: resolved.table.rowCount, columns: resolved.table.columns.map((c) => ({ name: c.name, kind: c.kind })), staged: resolved.staged };
}

/** Writes bytes to the staging folder under a fresh name (promoted at commit, swept if the job never commits). */
function stageBytes(bytes: Uint8Array): StagedFile {
  const dir = stagingDir();
  fs.mkdirSync(dir, { recursive: true });
  const tempPath = path.join(dir, randomUUID());
  fs.writeFileSync(tempPath, bytes, { flag: "wx" });
  return { tempPath, sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.byteLength };
}

/** Reads each file once per request, splits it once per (column, period) and keeps what it resolved. */
export class TableSources {
  private readonly files = new Map<string, Table>();
  private readonly splits = new Map<string, Map<string, Int32Array>>();
  private readonly done = new Map<string, ResolvedTable>();
  /** milliseconds spent reading, splitting and encoding */
  readMs = 0;

  resolve(source: TableSource): ResolvedTable {
    const id = JSON.stringify(source);
    const known = this.done.get(id);
    if (known) return known;
    const start = performance.now();
    try {
      const resolved = this.read(source);
      this.done.set(id, resolved);
      return resolved;
    } finally {
      this.readMs += performance.now() - start;
    }
  }

  private read(source: TableSource): ResolvedTable {
    if (source.kind === "stored") return { table: this.file(`stored:${source.sha256}`, () => readTable(source.sha256, source.name)), sha256: source.sha256, staged: null };
    const whole = this.file(`staged:${source.path}`, () => readStagedTable(source.path, source.name));
    if (source.kind === "staged") return { table: whole, sha256: source.sha256, staged: null };
    const splitKey = `${source.path}\n${source.column}\n${source.splitBy}`;
    let split = this.splits.get(splitKey);
    if (!split) {
      split = new Map(splitWindows(whole, source.column, source.splitBy).map((w) => [w.label, w.rows]));
      this.splits.set(splitKey, split);
    }
    const rows = split.get(source.label);
    if (!rows) throw new JobFailure(`The period ${source.label} is missing from the stored data. Upload the file again.`);
    const table = sliceTable(whole, rows);
    const staged = stageBytes(encodeTable(table));
    return { table, sha256: staged.sha256, staged };
  }

  private file(key: string, read: () => Table): Table {
    let table = this.files.get(key);
    if (!table) {
      table = read();
      this.files.set(key, table);
    }
    return table;
  }
}
