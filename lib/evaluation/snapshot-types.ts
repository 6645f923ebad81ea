// The content of a Snapshot (stored as JSON): what the pages and the API read.

export type Light = "green" | "amber" | "red" | "gray";

export interface MetricEntry {
  name: string;
  /** what scikit-learn (or torchmetrics) function gives the same number */
  peer: string;
  value: number | null;
  ci: { lower: number | null; upper: number | null; confidence: number; resamples: number; method: string } | null;
  judgeable: boolean;
  /** "too few rows to judge" when not judgeable */
  note?: string;
  higherIsBetter: boolean;
}

export interface ScorecardSection {
  rows: number;
  /** rows without a label are left out of the scorecard */
  labelledRows: number;
  positives?: number;
  threshold?: number;
  confusion?: { tp: number; fp: number; tn: number; fn: number };
  metrics: MetricEntry[];
  /** Reliability curve (sklearn calibration_curve, 10 uniform bins): stated chance vs share that came true. */
  calibration?: { peer: string; bins: { meanScore: number; fractionPositive: number; rows: number }[] };
}

export interface DriftColumnEntry {
  column: string;
  columnType: "numeric" | "categorical";
  method: string;
  stattestName: string;
  score: number | null;
  threshold: number;
  drifted: boolean;
  unit?: string;
  /** the model's output column (prediction drift) rather than an input */
  isOutput: boolean;
}

export interface DriftSection {
  columns: DriftColumnEntry[];
  numberOfColumns: number;
  numberOfDriftedColumns: number;
  shareOfDriftedColumns: number;
  datasetDrift: boolean;
  driftShare: number;
}

export interface FairnessGroupEntry {
  group: string;
  rows: number;
  selectionRate: number | null;
  truePositiveRate: number | null;
  falsePositiveRate: number | null;
  /** Aequitas disparity of the predicted-positive prevalence against the reference group */
  disparity: number | null;
  parity: boolean | null;
  judgeable: boolean;
  note?: string;
}

export interface FairnessAttributeEntry {
  attribute: string;
  referenceGroup: string | null;
  groups: FairnessGroupEntry[];
  demographicParityRatio: number | null;
  equalizedOddsDifference: number | null;
}

export interface FairnessSection {
  tau: number;
  attributes: FairnessAttributeEntry[];
  /** attributes the policy names that the data lacks */
  missingAttributes: string[];
}

export interface Verdict {
  light: Light;
  /** one plain sentence */
  reason: string;
}

export interface Verdicts {
  overall: Verdict;
  performance: Verdict;
  drift: Verdict;
  fairness: Verdict;
  /** which policy version judged */
  policyVersion: number;
}

export interface SnapshotContent {
  scorecard: ScorecardSection | null;
  drift: DriftSection;
  fairness: FairnessSection | null;
  verdicts: Verdicts;
  narrative: string[];
}
