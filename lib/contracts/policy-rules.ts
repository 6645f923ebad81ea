// The rules a model's policy sets, as stored and edited (lib/governance/policy-rules.ts holds the defaults and
// the parsing; lib/governance judges with them; the policy page and lib/narrative read them).
// A plain data shape (no I/O): any layer may import it.
import type { FairnessQuestion } from "./snapshot-types";

export interface MinimumRows {
  /** labelled rows for performance */
  performance: number;
  /** rows of each class for a binary model's performance */
  perClass: number;
  /** rows on each side for drift */
  drift: number;
  /** rows per group for fairness */
  perGroup: number;
  /** rows in a rate's denominator for fairness */
  denominator: number;
}

export interface DriftThresholds {
  /** p-value tests (K-S, chi-square, Z) drift below this */
  pValue: number;
  /** distances (Wasserstein, Jensen-Shannon, PSI, ...) drift at or above this */
  distance: number;
  /** share of drifted columns that counts as the whole data set drifting */
  datasetShare: number;
  /** per-method overrides, keyed by Evidently's stattest name (ks, chisquare, z, wasserstein, jensenshannon, psi, ...) */
  perMethod: Record<string, number>;
}

export interface PolicyRules {
  version: number;
  /** the metric the light and the charts follow */
  primaryMetric: string;
  /** binary: predicted "yes" when the score is at least this */
  decisionThreshold: number;
  /** relative drop against the reference value: amber above `amber`, red above `red` (whole interval) */
  relativeTolerance: { amber: number; red: number };
  /** optional absolute floors (higher-is-better metrics) or ceilings (lower-is-better) */
  metricFloors: Record<string, number>;
  driftThresholds: DriftThresholds;
  minimumRows: MinimumRows;
  /** null: not asked yet (binary models then judge selection rates) */
  fairnessQuestion: FairnessQuestion | null;
  /** Aequitas tau: disparities inside [tau, 1/tau] hold */
  fairnessTolerance: number;
  approvalsRequired: number;
  /** what a row is, in the owner's words ("applicants"); default "rows" */
  rowNoun: string;
}
