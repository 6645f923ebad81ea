// Columnar copies of uploaded data (the `.sltb` artifacts): read back as tables for scoring and evaluation.
import fs from "node:fs";
import { decodeTable } from "@/lib/ingest";
import type { Table } from "@/lib/ingest/table";
import { readArtifact } from "./artifacts";

export const TABLE_EXTENSION = ".sltb";

export function readTable(sha256: string, name: string): Table {
  return decodeTable(readArtifact(sha256, TABLE_EXTENSION), name);
}

export function readStagedTable(path: string, name: string): Table {
  const buffer = fs.readFileSync(path);
  return decodeTable(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), name);
}
