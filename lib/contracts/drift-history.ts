// The drift of each window of one model version, as the drift page's charts read it over time
// (components/drift builds it from the stored snapshots). A plain data shape (no I/O): any layer may import it.

/** One column's stored drift result in one window. */
export interface DriftHistoryColumn {
  column: string;
  method: string;
  score: number | null;
  threshold: number;
  drifted: boolean;
  isOutput: boolean;
}

/** One window's stored drift section, reduced to what the charts draw. */
export interface DriftHistoryPoint {
  snapshotId: string;
  windowId: string;
  windowLabel: string;
  isReference: boolean;
  /** false when either side was below the policy's minimum rows (no share is drawn for it) */
  judgeable: boolean;
  numberOfColumns: number;
  numberOfDriftedColumns: number;
  shareOfDriftedColumns: number;
  /** the policy's share of drifted columns that counts as the whole data drifting */
  driftShare: number;
  columns: DriftHistoryColumn[];
}
