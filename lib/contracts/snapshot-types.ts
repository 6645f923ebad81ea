// The content of a Snapshot (stored as JSON): what the pages and the API read.
// Version 1 (before schemaVersion existed) held scorecard, drift, fairness, verdicts and narrative.
// Version 2 adds distributions, slices, data quality and verdicts with next steps; a version 1
// snapshot still renders, and what it lacks says "evaluate again to see this".
// Pages and components may import this module (it holds types and constants only).

export const SNAPSHOT_SCHEMA_VERSION = 2;

export type Light = "green" | "amber" | "red" | "gray";
export type Task = "binary" | "multiclass" | "regression";

export interface IntervalEntry {
  lower: number | null;
  upper: number | null;
  confidence: number;
  resamples: number;
  method: string;
}

export interface MetricEntry {
  name: string;
  /** what scikit-learn (or torchmetrics) function gives the same number */
  peer: string;
  value: number | null;
  ci: IntervalEntry | null;
  judgeable: boolean;
  /** "too few rows to judge" when not judgeable */
  note?: string;
  higherIsBetter: boolean;
}

/** One class of a category model (sklearn classification_report's row). */
export interface ClassEntry {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** true rows of this class */
  support: number;
  /** rows the model put in this class */
  predicted: number;
}

export interface ScorecardSection {
  rows: number;
  /** rows without a label are left out of the scorecard */
  labelledRows: number;
  positives?: number;
  threshold?: number;
  confusion?: { tp: number; fp: number; tn: number; fn: number };
  metrics: MetricEntry[];
  /**
   * Binary versions declared "a raw score with a cut-off" (issue 11): the scores are not chances, so `threshold` is
   * the declared cut-off and the measures that need a chance (log loss, Brier score, calibration) are left out.
   */
  rawScore?: boolean;
  /** Reliability curve (sklearn calibration_curve, 10 uniform bins): stated chance vs share that came true. */
  calibration?: { peer: string; bins: { meanScore: number; fractionPositive: number; rows: number }[] };
  /** Version 2: false when the window is below the policy's minimum rows for performance (the part is grey). */
  judgeable?: boolean;
  /** Version 2: the minimum the policy asks for, and what the window has ("too few rows to judge"). */
  minimum?: { labelledRows: number; perClass?: number };
  /** Version 2, category models: classes in sorted order, per-class table and confusion matrix (rows true, columns predicted). */
  classes?: string[];
  perClass?: ClassEntry[];
  confusionMatrix?: number[][];
  /** Version 2, number models: the model's answers along the real values, and every row's error (aggregates only). */
  spread?: RegressionSpread;
}

export interface RegressionSpread {
  /**
   * The labelled rows in order of their real value, cut into (up to 20) groups of equal size: per group the mean real
   * value and the model's answers' median and 10th to 90th percentile (NumPy's linear method).
   */
  bins: { actual: number; predictedMedian: number; predictedLow: number; predictedHigh: number; rows: number }[];
  /** numpy.histogram(predicted - real, bins=20) over every labelled row: a positive error means the model said more */
  errors: { edges: number[]; counts: number[] };
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
  /** Version 2: false when either side is below the policy's minimum rows for drift. */
  judgeable?: boolean;
  /** Version 2: rows on each side, and the minimum the policy asks for. */
  rows?: { reference: number; current: number; minimum: number };
}

/** Version 1 fairness (kept so old snapshots still render). */
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

// ---------------------------------------------------------------- version 2: distributions

/** Box-plot quantiles (linear interpolation, numpy's default) of the non-missing values. */
export interface BoxStats {
  min: number;
  p01: number;
  q1: number;
  median: number;
  q3: number;
  p99: number;
  max: number;
  mean: number;
}

export interface NumericDistribution {
  kind: "numeric";
  /** bin edges from the reference (bins are half-open [e_i, e_i+1) except the last, which is closed) */
  edges: number[];
  /** counts per bin; current values outside the reference range go to `below` / `above` */
  reference: number[];
  current: number[];
  below: { reference: number; current: number };
  above: { reference: number; current: number };
  missing: { reference: number; current: number };
  box: { reference: BoxStats | null; current: BoxStats | null };
}

export interface CategoricalDistribution {
  kind: "categorical";
  /** the reference's most frequent categories (at most 20), then "other" for the rest */
  categories: string[];
  reference: number[];
  current: number[];
  other: { reference: number; current: number };
  missing: { reference: number; current: number };
}

export type ColumnDistribution = { column: string; role: "input" | "output" | "label" } & (NumericDistribution | CategoricalDistribution);

// ---------------------------------------------------------------- version 2: slices

/** The fairness question of the policy, asked in plain words when the model is created. */
export type FairnessQuestion = "help" | "burden" | "equal";

/** The metric a slice disparity is judged on. */
export type SliceMetric = "truePositiveRate" | "falsePositiveRate" | "selectionRate" | "accuracy" | "mae";

export interface RateEntry {
  value: number | null;
  /** Wilson interval (95%) for rates; normal approximation for errors and means */
  lower: number | null;
  upper: number | null;
  /** the rate's denominator (rows for selection rate and accuracy, true positives + false negatives for TPR, ...) */
  denominator: number;
  judgeable: boolean;
}

export interface SliceGroup {
  group: string;
  rows: number;
  /** share of the window's rows */
  share: number;
  // binary models (at the policy's decision threshold)
  selectionRate?: RateEntry;
  truePositiveRate?: RateEntry;
  falsePositiveRate?: RateEntry;
  precision?: RateEntry;
  /** binary and category models */
  accuracy?: RateEntry;
  // number models
  mae?: RateEntry;
  meanPrediction?: RateEntry;
  /** the judged metric of this group divided by the reference group's (Aequitas; x/0 capped at 10, 0/0 null) */
  disparity: number | null;
  /** inside the tolerance band; null when not judged */
  withinTolerance: boolean | null;
  /** false below the policy's minimum rows per group or in the judged rate's denominator */
  judgeable: boolean;
}

export interface SliceColumn {
  /** display name: "sex", or "sex × age_band" for an intersection */
  name: string;
  columns: string[];
  kind: "sensitive" | "intersection" | "other";
  /** numeric columns are cut into 5 quantile bins of the reference; these are the edges */
  binEdges?: number[];
  /** the largest group (Aequitas' default); null when no group is judgeable */
  referenceGroup: string | null;
  groups: SliceGroup[];
  /** the judgeable group whose disparity is furthest outside (or closest to the edge of) the band */
  worstGroup: string | null;
  light: Light;
}

export interface SlicesSection {
  metric: SliceMetric;
  question: FairnessQuestion | null;
  /** tau: a disparity within [tau, 1/tau] holds (the four-fifths convention by default) */
  tolerance: number;
  minimumRows: number;
  minimumDenominator: number;
  columns: SliceColumn[];
  /** sensitive attributes the policy names that the data lacks */
  missingAttributes: string[];
  /** rows that had a label and a model answer (the slices' base) */
  rows: number;
}

// ---------------------------------------------------------------- version 2: data quality

export interface Provenance {
  fileName: string;
  sha256: string;
  uploadedBy: string | null;
  uploadedAt: string;
  rows: number;
}

export interface DataQualitySection {
  rows: number;
  /** every checked column, with its missing count and share */
  missing: { column: string; count: number; share: number }[];
  /** share of each label value (null without a label column); numbers: null */
  classBalance: { label: string; count: number; share: number }[] | null;
  /** each group of each sensitive column: share now, share in the reference, change in percentage points */
  groupShares: { column: string; group: string; share: number; referenceShare: number; changePoints: number }[];
  /** exact duplicate rows over the feature columns */
  duplicates: { count: number; share: number };
  /** single features that alone separate the label suspiciously well */
  leakage: { column: string; method: "roc_auc" | "spearman"; score: number }[];
  /** columns of the reference that this data lacks, and columns it has that the reference did not */
  missingColumns: string[];
  newColumns: string[];
  provenance: Provenance | null;
  /** the problems found, worst first; the narrative words them */
  problems: DataQualityProblem[];
}

export type DataQualityProblem =
  | { kind: "missing"; column: string; share: number; referenceShare: number }
  | { kind: "duplicates"; count: number; share: number }
  | { kind: "leakage"; column: string; method: "roc_auc" | "spearman"; score: number }
  | { kind: "missingColumns"; columns: string[] }
  | { kind: "groupShift"; column: string; group: string; share: number; referenceShare: number }
  | { kind: "classBalance"; label: string; share: number; referenceShare: number };

// ---------------------------------------------------------------- verdicts

/** What to do next, as data; lib/narrative words it. */
export type NextStep =
  | { kind: "none" }
  | { kind: "uploadLabels" }
  | { kind: "uploadMoreData"; rows: number; minimum: number }
  | { kind: "lookAtDrift"; column: string }
  | { kind: "lookAtSlice"; column: string; group: string }
  | { kind: "fixData"; problem: DataQualityProblem["kind"]; column?: string }
  | { kind: "askReviewer" }
  | { kind: "retrain" }
  | { kind: "declareSensitive" };

export interface Verdict {
  light: Light;
  /** plain sentences: what was found, with the numbers */
  reason: string;
  /** Version 2: one concrete next step, as a sentence */
  nextStep?: string;
  /** Version 2: the next step as data (pages link it) */
  next?: NextStep;
}

export interface Verdicts {
  overall: Verdict;
  performance: Verdict;
  drift: Verdict;
  fairness: Verdict;
  /** Version 2 */
  dataQuality?: Verdict;
  /** Version 2: what changed since the reference and since the previous window, in words */
  changes?: { sinceReference: string | null; sincePrevious: string | null };
  /** which policy version judged */
  policyVersion: number;
}

export interface SnapshotContent {
  /** absent in version 1 */
  schemaVersion?: number;
  scorecard: ScorecardSection | null;
  drift: DriftSection;
  fairness: FairnessSection | null;
  verdicts: Verdicts;
  narrative: string[];
  /** Version 2 */
  distributions?: ColumnDistribution[];
  slices?: SlicesSection | null;
  dataQuality?: DataQualitySection | null;
  /** Version 2: true for the reference data's own snapshot (the baseline, never "action needed") */
  isReference?: boolean;
}
