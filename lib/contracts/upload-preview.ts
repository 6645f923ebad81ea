// What a data upload answers (lib/db/uploads.ts builds it; components/data and the API show it).
// A plain data shape (no I/O): any layer may import it.
import type { ResolvedRoles } from "./column-roles";

/** What a check-only upload (`?preview=1`) answers: the columns, their kinds and the roles that would be used. */
export interface UploadPreview {
  preview: true;
  rows: number;
  columns: { name: string; kind: string; missing: number; reasons: string[] }[];
  roles: ResolvedRoles;
  /** why each role was suggested */
  reasons: Partial<Record<"label" | "id" | "timestamp" | "prediction", string>>;
  windows: string[];
  warnings: string[];
  /** what must be fixed (by choosing a column) before the upload can go ahead */
  problems: string[];
}

/** An upload that passed the checks: the job that stores and evaluates it. */
export interface AcceptedUpload {
  jobId: string;
  rows: number;
  windows: string[];
  roles: ResolvedRoles;
  warnings: string[];
}
