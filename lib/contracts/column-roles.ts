// The roles of a data set's columns once resolved against the table: stored with the data set,
// answered by uploads and read by the jobs. A plain data shape (no I/O): any layer may import it.

/** Roles resolved against the table. */
export interface ResolvedRoles {
  label?: string;
  prediction?: string;
  scores: string[];
  timestamp?: string;
  id?: string;
  features: string[];
}
