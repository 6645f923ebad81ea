// Which data columns feed each model input, stored on the model version (ModelVersion.inputMapping). A plain data
// shape with its zod schema (no I/O): the upload API, the version page's form and the scoring jobs share it.
import { z } from "zod";

const ColumnName = z.string().trim().min(1, "Name a column.").max(200, "A column name has at most 200 characters.");
const InputName = z.string().min(1).max(200);

/**
 * Per model input: the columns in order for an `[N, F]` input, or the one column for an input that takes one value
 * per row. Example: `{"numbers": ["age", "income"], "region": "region_code"}`.
 */
export const InputMappingSchema = z
  .record(InputName, z.union([ColumnName, z.array(ColumnName).min(1, "List at least one column.").max(4096)]))
  .refine((m) => Object.keys(m).length > 0, "Map at least one model input.")
  .refine((m) => Object.keys(m).length <= 256, "A model may have at most 256 inputs.");

export type InputMapping = z.infer<typeof InputMappingSchema>;

/** How an input takes its values: several columns in order (`[N, F]`) or one column (`[N]`, `[N, 1]`). */
export type InputSlotKind = "columns" | "column";

/** Where a mapping entry came from when Sightline proposed it. */
export type InputMappingSource = "given" | "metadata" | "input name" | "edited";

/** One model input on the version page's "Inputs" section. */
export interface InputMappingRow {
  input: string;
  kind: InputSlotKind;
  /** values per row the model takes; null when the model file does not say */
  width: number | null;
  /** ONNX type, e.g. `tensor(float)[N, 3]` */
  typeText: string;
  /** the columns, in order (one for a per-column input) */
  columns: string[];
}

export interface VersionInputsView {
  modelId: string;
  version: number;
  rows: InputMappingRow[];
  /** true while the signed-in person may change the mapping (owner or analyst, version not yet submitted) */
  canEdit: boolean;
  /** why the mapping cannot be changed now (null when it can, or when the role only reads) */
  lockedReason: string | null;
  /** true when the version was stored before mappings were stored: the shown mapping is the one it is scored with */
  derived: boolean;
}

/** The edit form's fields: one text field per input, named `input:<name>`, columns separated by commas. */
export const INPUT_FIELD_PREFIX = "input:";

/** Splits a field's text ("age, income") into column names. */
export function columnsFromText(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/**
 * The upload form's "Column order" field: either one list of columns (`age, income`) for the model's only
 * several-column input, or one line per input (`numbers: age, income`). Returns what the upload API takes.
 */
export function columnOrderFromText(text: string): { featureNames?: string[]; inputMapping?: InputMapping } {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0) return {};
  const perInput = lines.map((line) => /^(.+?):(?:\s+(.*))?$/.exec(line));
  if (perInput.every((m) => m !== null)) {
    const mapping: Record<string, string[]> = {};
    for (const m of perInput) if (m?.[1]) mapping[m[1].trim()] = columnsFromText(m[2] ?? "");
    return { inputMapping: mapping };
  }
  return { featureNames: columnsFromText(lines.join(",")) };
}
