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
  /** the file has no header row: its first row is data, columns are named column_1, column_2, ... */
  firstRowIsData: boolean;
  /** who sent it: the app's upload form, or a pipeline through the API (refusals use that surface's words) */
  surface: "form" | "api";
}

/** A role set to this ("id=none", or "None" in the form) has no column: nothing is guessed for it. */
export const NO_COLUMN = "none";

export interface CheckedDataFile {
  rows: number;
  format: string;
  columns: UploadPreview["columns"];
  roles: ResolvedRoles;
  reasons: UploadPreview["reasons"];
  windows: { label: string; startMs: number | null; endMs: number | null }[];
  warnings: string[];
  /** what must be fixed before the upload can go ahead (a preview answers with them instead of refusing) */
  problems: string[];
  /** the columnar copy (null for a preview) */
  columnar: Uint8Array | null;
}

/** The role whose column a refusal is about: an id that repeats or is missing, or a label that does not fit the model. */
function roleRefused(error: IngestError, roles: ConfirmedRoles): "label" | "id" | null {
  if (roles.id && (error.code === "duplicate_id" || error.code === "missing_id")) return "id";
  if (roles.label && error.column === roles.label) return "label";
  return null;
}

/** An id column with repeats or gaps, fixed by choosing another id column or none, in the surface's words. */
function idRefusal(error: IngestError, column: string, form: boolean): IngestError {
  return new IngestError({
    code: error.code,
    file: error.file,
    ...(error.row !== undefined ? { row: error.row } : {}),
    column,
    problem: error.problem,
    fix: form
      ? 'Make every id unique, or choose another column under "Row id" below, or "None", then check the file again.'
      : "Make every id unique, or name another id column with the id parameter (?id=COLUMN), or send id=none.",
  });
}

export async function checkDataFile(request: DataFileCheck, read: (path: string) => AsyncIterable<Uint8Array>): Promise<CheckedDataFile> {
  const { fileName, model, chosen } = request;
  const parsed = await ingestFile(fileName, read(request.path), {
    limits: request.limits,
    firstRowIsData: request.firstRowIsData,
    roles: { ...(model.referenceLabel ? { label: model.referenceLabel } : {}), features: model.requiredColumns },
  });
  const suggested = parsed.schema.roles;
  const pick = (key: "label" | "id" | "timestamp" | "prediction", guess: string | undefined) => (chosen[key] === NO_COLUMN ? undefined : (chosen[key] ?? guess));
  const roles: ConfirmedRoles = {
    label: pick("label", suggested.label?.column),
    id: pick("id", suggested.id?.column),
    timestamp: pick("timestamp", suggested.timestamp?.column),
    prediction: pick("prediction", model.task === "binary" ? undefined : suggested.prediction?.column),
    scores: chosen.score && chosen.score !== NO_COLUMN ? [chosen.score] : [],
    features: model.requiredColumns.filter((c) => parsed.table.columns.some((col) => col.name === c)),
  };
  for (const key of ["label", "id", "timestamp", "prediction"] as const) if (roles[key] === undefined) delete roles[key];
  const schemaModel = {
    task: model.task,
    ...(model.positiveLabel ? { positiveLabel: model.positiveLabel } : {}),
    features: model.requiredColumns.map((name) => ({ name })),
  };
  // Refusals that the uploader fixes by choosing a column: a preview lists them with the columns to choose from.
  const form = request.surface === "form";
  const problems: IngestError[] = [];
  // A label or id column whose values do not fit its role: a preview lists the problem (the column stays chosen, so
  // the form shows it with the others to choose from) and checks the rest of the file without that role.
  const tried: ConfirmedRoles = { ...roles };
  const set: Partial<Record<"label" | "id", string>> = {};
  let checked: ReturnType<typeof applySchema> | undefined;
  while (!checked) {
    try {
      checked = applySchema(parsed.table, { roles: tried, model: schemaModel });
    } catch (error) {
      const role = error instanceof IngestError ? roleRefused(error, tried) : null;
      if (!role || !(error instanceof IngestError)) throw error;
      const refusal = role === "id" ? idRefusal(error, tried.id as string, form) : error;
      if (!request.preview) throw refusal;
      problems.push(refusal);
      set[role] = tried[role];
      delete tried[role];
    }
  }
  checked = { ...checked, roles: { ...checked.roles, ...set } };
  if (request.kind === "reference" && !checked.roles.label) {
    problems.push(
      new IngestError({
        code: "label_empty",
        file: fileName,
        problem: "The reference data needs the true outcome of each row, and no label column was found.",
        fix: form ? 'Choose the column with the true outcome under "True outcome" below, then check the file again.' : 'Add the outcome column (for example "label" or "target"), or name it with the label parameter (?label=COLUMN).',
      }),
    );
  }
  let windows: CheckedDataFile["windows"] = [{ label: request.singleLabel, startMs: null, endMs: null }];
  if (request.kind === "production" && request.splitBy !== "none") {
    if (!checked.roles.timestamp) {
      problems.push(
        new IngestError({
          code: "missing_timestamp",
          file: fileName,
          problem: `To split the file by ${request.splitBy}, each row needs a date, and no date column was found.`,
          fix: form
            ? 'Choose the date column under "Date" below, or split "No: the file is one batch", then check the file again.'
            : "Add a timestamp column (ISO 8601, e.g. 2026-05-14T09:30:00Z), name it with the timestamp parameter (?timestamp=COLUMN), or upload with splitBy=none.",
        }),
      );
    } else {
      windows = splitWindows(checked.table, checked.roles.timestamp, request.splitBy).map((w) => ({ label: w.label, startMs: w.startMs, endMs: w.endMs }));
    }
  }
  if (problems.length > 0 && !request.preview) throw problems[0];
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
    problems: problems.map((p) => p.message),
    columnar: request.preview ? null : encodeTable(checked.table),
  };
}
