// Warm child process for checking uploaded files (data: lib/ingest/check-data-file.ts; late labels:
// check-labels-file.ts): requests in, one answer each out over IPC; it stages the columnar copies itself. It never opens the database. The parent (untrusted-check.ts) stops
// it at its deadline or past its memory cap.
import fs from "node:fs";
import { IngestError, type IngestErrorInit } from "@/lib/ingest";
import { checkDataFile, type CheckedDataFile, type DataFileCheck } from "@/lib/ingest/check-data-file";
import { stageUpload, type StagedFile } from "@/lib/storage/artifacts";
import { serveRequests } from "./child-process";
import { checkLabelsFile, type CheckedLabelsFile, type LabelsFileCheck } from "./check-labels-file";

export type CheckedAndStaged = Omit<CheckedDataFile, "columnar"> & { columnar: StagedFile | null };
export type CheckRequest = { kind: "data"; check: DataFileCheck } | { kind: "labels"; check: LabelsFileCheck };
export type CheckAnswer =
  | { ok: true; kind: "data"; result: CheckedAndStaged }
  | { ok: true; kind: "labels"; result: CheckedLabelsFile }
  | { ok: false; refusal: IngestErrorInit | null; message: string };

async function* readFile(path: string): AsyncGenerator<Uint8Array> {
  const stream = fs.createReadStream(path);
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } finally {
    stream.destroy();
  }
}

serveRequests<CheckRequest, never, CheckAnswer>(
  async (request) => {
    if (request.kind === "labels") return { ok: true, kind: "labels", result: await checkLabelsFile(request.check, readFile) };
    const { columnar, ...checked } = await checkDataFile(request.check, readFile);
    return { ok: true, kind: "data", result: { ...checked, columnar: columnar ? await stageUpload(columnar, Number.MAX_SAFE_INTEGER) : null } };
  },
  (error) => {
    if (error instanceof IngestError) {
      const { code, file, row, column, problem, fix } = error;
      return { ok: false, refusal: { code, file, problem, fix, ...(row !== undefined ? { row } : {}), ...(column !== undefined ? { column } : {}) }, message: error.message };
    }
    return { ok: false, refusal: null, message: error instanceof Error ? error.message : String(error) };
  },
);
