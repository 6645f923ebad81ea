// What the judge (lib/governance/verdicts.ts) and the snapshot's narrative (lib/narrative) read about one window.
// A plain data shape (no I/O): any layer may import it.
import type { PolicyRules } from "./policy-rules";
import type { DataQualitySection, DriftSection, ScorecardSection, SlicesSection, Task } from "./snapshot-types";

export interface JudgeInput {
  task: Task;
  policy: PolicyRules;
  isReference: boolean;
  /** e.g. "2026-07" or "reference data" */
  windowLabel: string;
  scorecard: ScorecardSection | null;
  /** the same version on the reference (null when the window IS the reference or unknown) */
  referenceScorecard: ScorecardSection | null;
  previous: { windowLabel: string; scorecard: ScorecardSection | null; drift: DriftSection | null } | null;
  drift: DriftSection;
  slices: SlicesSection | null;
  dataQuality: DataQualitySection | null;
  hasLabelColumn: boolean;
  /** the sensitive attributes the model declares; when absent, read from the slices section */
  sensitiveAttributes?: readonly string[];
  /** the target's unit for error metrics ("$", "days") */
  targetUnit?: string;
}
