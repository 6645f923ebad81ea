// Reading and checking an uploaded data file against the model (pure: no database, no files): decode it, confirm
// the column roles, check every value, split it into periods, and encode its columnar copy. Runs in a child process
// (lib/jobs/check-file-child.ts) so that a large or hostile file never stalls the server; lib/db/uploads.ts does the rest.
import type { ResolvedRoles } from "../contracts/column-roles";
import type { UploadPreview } from "../contracts/upload-preview";
import { applySchema, type ConfirmedRoles } from "./apply-schema";
import { IngestError } from "./ingest-error";
import { ingestFile } from "./ingest-file";
import type { IngestLimits } from "./limits";
import { splitWindows } from "./split-windows";
import { encodeTable } from "./table-codec";

export interface DataFileCheck {
  fileName: string;
  /** the staged upload's path */
  path: string;
  limits: IngestLimits;
  kind: "reference" | "production";
  splitBy: "none" | "day" | "week" | "month";
  /** the columns the uploader named (form fields or API parameters) */
  chosen: { label?: string | undefined; id?: string | undefined; timestamp?: string | undefined; prediction?: string | undefined; score?: string | undefined };
  model: { task: "binary" | "multiclass" | "regression"; positiveLabel: string | null; requiredColumns: string[]; referenceLabel: string | null };
  /** the single period's name when the file is not split ("Reference data", or the upload's date) */
  singleLabel: string;
  /** a preview checks and answers without staging the columnar copy */
  preview: boolean;
}

export interface CheckedDataFile {
  rows: number;
  format: string;
  columns: UploadPreview["columns"];
  roles: ResolvedRoles;
  reasons: UploadPreview["reasons"];
  windows: { label: string; startMs: number | null; endMs: number | null }[];
  warnings: string[];
  /** the columnar copy (null for a preview) */
  columnar: Uint8Array | null;
}

export async function checkDataFile(request: DataFileCheck, read: (path: string) => AsyncIterable<Uint8Array>): Promise<CheckedDataFile> {
  const { fileName, model, chosen } = request;
  const parsed = await ingestFile(fileName, read(request.path), {
    limits: request.limits,
    roles: { ...(model.referenceLabel ? { label: model.referenceLabel } : {}), features: model.requiredColumns },
  });
  const suggested = parsed.schema.roles;
  const roles: ConfirmedRoles = {
    label: chosen.label ?? suggested.label?.column,
    id: chosen.id ?? suggested.id?.column,
    timestamp: chosen.timestamp ?? suggested.timestamp?.column,
    prediction: chosen.prediction ?? (model.task === "binary" ? undefined : suggested.prediction?.column),
    scores: chosen.score ? [chosen.score] : [],
    features: model.requiredColumns.filter((c) => parsed.table.columns.some((col) => col.name === c)),
  };
  for (const key of ["label", "id", "timestamp", "prediction"] as const) if (roles[key] === undefined) delete roles[key];
  const checked = applySchema(parsed.table, {
    roles,
    model: {
      task: model.task,
      ...(model.positiveLabel ? { positiveLabel: model.positiveLabel } : {}),
      features: model.requiredColumns.map((name) => ({ name })),
    },
  });
  if (request.kind === "reference" && !checked.roles.label) {
    throw new IngestError({
      code: "label_empty",
      file: fileName,
      problem: "The reference data needs the true outcome of each row, and no label column was found.",
      fix: 'Add the outcome column (for example "label" or "target"), or name it with ?label=COLUMN.',
    });
  }
  let windows: CheckedDataFile["windows"];
  if (request.kind === "production" && request.splitBy !== "none") {
    if (!checked.roles.timestamp) {
      throw new IngestError({
        code: "missing_timestamp",
        file: fileName,
        problem: `To split the file by ${request.splitBy}, each row needs a date, and no timestamp column was found.`,
        fix: "Add a timestamp column (ISO 8601, e.g. 2026-05-14T09:30:00Z), name it with ?timestamp=COLUMN, or upload without splitting.",
      });
    }
    windows = splitWindows(checked.table, checked.roles.timestamp, request.splitBy).map((w) => ({ label: w.label, startMs: w.startMs, endMs: w.endMs }));
  } else {
    windows = [{ label: request.singleLabel, startMs: null, endMs: null }];
  }
  const reasons: UploadPreview["reasons"] = {};
  for (const key of ["label", "id", "timestamp", "prediction"] as const) {
    const why = chosen[key] ? "chosen by you" : suggested[key]?.reason;
    if (why && checked.roles[key]) reasons[key] = why;
  }
  return {
    rows: checked.table.rowCount,
    format: parsed.details.format,
    columns: parsed.schema.columns.map((c) => ({ name: c.name, kind: c.kind, missing: c.missing, reasons: c.reasons })),
    roles: checked.roles,
    reasons,
    windows,
    warnings: [...parsed.schema.warnings, ...checked.warnings],
    columnar: request.preview ? null : encodeTable(checked.table),
  };
}
