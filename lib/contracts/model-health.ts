// A model's health as the pages and the API read it (lib/db/snapshots.ts builds it; components/health shows it).
// A plain data shape (no I/O): any layer may import it.
import type { SnapshotContent, Verdicts } from "./snapshot-types";

/** The states of a model version (the VersionStatus enum of prisma/schema.prisma). */
export type VersionStatus = "draft" | "in_review" | "approved" | "changes_requested" | "rejected" | "live" | "retired";

export interface WindowSummary {
  snapshotId: string;
  windowId: string;
  windowLabel: string;
  /** the uploaded file the window came from */
  fileName: string;
  isReference: boolean;
  startsAt: Date | null;
  /** the window's end; its upload time when it has no dates */
  endsAt: Date;
  uploadedAt: Date;
  rowCount: number;
  inputHash: string;
  createdAt: Date;
  schemaVersion: number;
  verdicts: Verdicts;
  /** reference data that newer reference data replaced: when (the newer one's upload); absent for the one in use */
  replacedAt?: Date;
}

export interface WindowSnapshot extends WindowSummary {
  content: SnapshotContent;
}

export interface ModelHealth {
  version: { id: string; version: number; status: VersionStatus } | null;
  /** the current snapshot per window of the shown version: the reference first, then oldest window first */
  windows: WindowSummary[];
  /** the latest production window's snapshot (the reference's when there is none), in full */
  latest: WindowSnapshot | null;
}
