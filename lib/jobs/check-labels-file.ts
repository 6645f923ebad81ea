// Checking a file of late labels (row ids and true outcomes) against the stored windows, in the warm checker child
// (check-file-child.ts): decode it, join it onto each window's columnar copy by id, stage the joined copies.
import { IngestError, encodeTable, findColumn, ingestFile, joinLabels, type IngestLimits, type Table } from "@/lib/ingest";
import { discardStaged, stageUpload, type StagedFile } from "@/lib/storage/artifacts";
import { readTable } from "@/lib/storage/tables";

export interface LabelsFileCheck {
  fileName: string;
  /** the staged upload's path */
  path: string;
  limits: IngestLimits;
  /** the model's label column, and the file's (when the uploader named another) */
  targetLabel: string;
  labelsLabel: string;
  /** the file's id column when the uploader named one (else each window's own) */
  labelsId: string | null;
  windows: { id: string; label: string; tablePath: string; idColumn: string }[];
}

export interface CheckedLabelsFile {
  matchedRows: number;
  totalIds: number;
  windows: { windowId: string; label: string; matched: number; staged: StagedFile }[];
  unmatchedExamples: string[];
}

function renameColumn(table: Table, from: string, to: string): Table {
  if (from === to) return table;
  return { ...table, columns: table.columns.map((c) => (c.name === from ? { ...c, name: to } : c)) };
}

export async function checkLabelsFile(request: LabelsFileCheck, read: (path: string) => AsyncIterable<Uint8Array>): Promise<CheckedLabelsFile> {
  const { fileName, targetLabel, labelsLabel } = request;
  const parsed = await ingestFile(fileName, read(request.path), { limits: request.limits });
  if (!findColumn(parsed.table, labelsLabel)) {
    throw new IngestError({
      code: "unknown_column",
      file: fileName,
      column: labelsLabel,
      problem: `The label column "${labelsLabel}" is not in the file.`,
      fix: `Name the outcome column "${targetLabel}" as in your data, or say which column it is with ?label=COLUMN.`,
    });
  }
  const labels = renameColumn(parsed.table, labelsLabel, targetLabel);
  let matchedRows = 0;
  const windows: CheckedLabelsFile["windows"] = [];
  let unmatchedExamples: string[] = [];
  try {
    for (const w of request.windows) {
      const labelsId = request.labelsId ?? w.idColumn;
      if (!findColumn(labels, labelsId)) {
        throw new IngestError({
          code: "unknown_column",
          file: fileName,
          column: labelsId,
          problem: `The id column "${labelsId}" is not in the file.`,
          fix: `Name the id column "${w.idColumn}" as in your data, or say which column it is with ?id=COLUMN.`,
        });
      }
      const joined = joinLabels(readTable(w.tablePath, w.label), labels, { targetId: w.idColumn, labelsId, label: targetLabel });
      unmatchedExamples = joined.unmatchedExamples;
      if (joined.matched === 0) continue;
      matchedRows += joined.matched;
      windows.push({ windowId: w.id, label: w.label, matched: joined.matched, staged: await stageUpload(encodeTable(joined.table), Number.MAX_SAFE_INTEGER) });
    }
  } catch (error) {
    for (const w of windows) discardStaged(w.staged);
    throw error;
  }
  return { matchedRows, totalIds: labels.rowCount, windows, unmatchedExamples };
}
