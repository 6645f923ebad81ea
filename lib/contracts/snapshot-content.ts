// A snapshot row's JSON columns <-> SnapshotContent. Pure: the data layer reads rows, this shapes them.
// Version 2 content keeps the version 1 columns (scorecard, drift, fairness, verdicts, narrative) and puts
// what is new (distributions, slices, data quality, the reference flag) into `details`.
import { SNAPSHOT_SCHEMA_VERSION, type SnapshotContent } from "./snapshot-types";

export interface StoredSnapshotRow {
  scorecard: unknown;
  drift: unknown;
  fairness: unknown;
  verdicts: unknown;
  narrative: unknown;
  schemaVersion: number;
  details: unknown;
}

interface StoredDetails {
  distributions?: SnapshotContent["distributions"];
  slices?: SnapshotContent["slices"];
  dataQuality?: SnapshotContent["dataQuality"];
  isReference?: boolean;
}

export function snapshotContentFromRow(row: StoredSnapshotRow): SnapshotContent {
  const details = (row.details ?? {}) as StoredDetails;
  const content: SnapshotContent = {
    schemaVersion: row.schemaVersion,
    scorecard: (row.scorecard ?? null) as SnapshotContent["scorecard"],
    drift: row.drift as SnapshotContent["drift"],
    fairness: (row.fairness ?? null) as SnapshotContent["fairness"],
    verdicts: row.verdicts as SnapshotContent["verdicts"],
    narrative: (row.narrative ?? []) as string[],
  };
  if (row.schemaVersion >= 2) {
    content.distributions = details.distributions ?? [];
    content.slices = details.slices ?? null;
    content.dataQuality = details.dataQuality ?? null;
    content.isReference = details.isReference ?? false;
  }
  return content;
}

/** The JSON columns of a new snapshot row (before Prisma's Json conversion). */
export function snapshotRowFromContent(content: SnapshotContent): Omit<StoredSnapshotRow, "details"> & { details: StoredDetails } {
  return {
    scorecard: content.scorecard,
    drift: content.drift,
    fairness: content.fairness,
    verdicts: content.verdicts,
    narrative: content.narrative,
    schemaVersion: content.schemaVersion ?? SNAPSHOT_SCHEMA_VERSION,
    details: {
      ...(content.distributions ? { distributions: content.distributions } : {}),
      ...(content.slices !== undefined ? { slices: content.slices } : {}),
      ...(content.dataQuality !== undefined ? { dataQuality: content.dataQuality } : {}),
      ...(content.isReference !== undefined ? { isReference: content.isReference } : {}),
    },
  };
}

/** True when the snapshot predates version 2: the pages say "evaluate again to see this" for what it lacks. */
export function isLegacySnapshot(content: SnapshotContent): boolean {
  return (content.schemaVersion ?? 1) < 2;
}
