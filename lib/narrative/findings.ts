// What the verdict rules found, as data. lib/governance/verdicts.ts builds these and decides the lights;
// the wording modules of lib/narrative turn them into sentences. Types only.
import type { DataQualityProblem, Light, SliceColumn, SliceMetric, Task } from "@/lib/contracts/snapshot-types";

/** What every sentence builder needs to know about the model. */
export interface WordingContext {
  task: Task;
  /** what a row is, in the owner's words ("applicants"); "rows" by default */
  rowNoun: string;
  /** the target's unit for error metrics ("$", "days") */
  unit?: string;
}

export type JudgedLight = Exclude<Light, "gray">;

/** One metric's value and interval. */
export interface Reading {
  metric: string;
  value: number;
  lower: number | null;
  upper: number | null;
}

/** The relative rule: the drop against the version's own reference value. */
export interface RelativeCheck {
  reference: number;
  higherIsBetter: boolean;
  /** (reference - current) / max(|reference|, 0.1) for higher-is-better; the other way round otherwise */
  drop: number;
  /** the drop's interval (from the current metric's interval); equal to `drop` without one */
  dropLow: number;
  dropHigh: number;
  amber: number;
  red: number;
  light: JudgedLight;
}

/** An absolute floor (higher-is-better) or ceiling (lower-is-better). */
export interface FloorCheck {
  reading: Reading;
  limit: number;
  higherIsBetter: boolean;
  light: JudgedLight;
}

export type PerformanceFinding =
  | { kind: "noLabels" }
  | { kind: "tooFewRows"; rows: number; minimum: number; perClass?: { minimum: number; positives: number; negatives: number } }
  | { kind: "metricMissing"; metric: string }
  | { kind: "noBaseline"; reading: Reading }
  | {
      kind: "judged";
      reading: Reading;
      isReference: boolean;
      relative: RelativeCheck | null;
      floors: FloorCheck[];
      light: JudgedLight;
      /** the rules said red, but the reference data is never "action needed" */
      capped: boolean;
    };

export type DriftFinding =
  | { kind: "reference" }
  | { kind: "tooFewRows"; reference: number; current: number; minimum: number }
  | { kind: "noColumns" }
  | {
      kind: "judged";
      light: JudgedLight;
      drifted: number;
      total: number;
      /** the policy's share of drifted columns that counts as the whole data set drifting */
      datasetShare: number;
      datasetDrift: boolean;
      /** the most drifted input columns, furthest past their threshold first */
      topColumns: string[];
      /** drifted input columns beyond `topColumns` */
      moreColumns: number;
      output: "drifted" | "stable" | "absent";
    };

/** One group's gap against its column's reference group. */
export interface GroupGap {
  column: Pick<SliceColumn, "name" | "columns" | "kind">;
  group: string;
  referenceGroup: string;
  disparity: number;
  within: boolean;
  /** outside the band for the whole 95% interval of the group's rate (not only its point value) */
  clearlyOutside?: boolean;
}

export type FairnessFinding =
  | { kind: "noSensitive" }
  | { kind: "noLabels" }
  | { kind: "missingAttributes"; attributes: string[] }
  | { kind: "tooFewRows"; minimum: number; groups: { column: string; group: string; rows: number }[] }
  | {
      kind: "judged";
      metric: SliceMetric;
      tolerance: number;
      light: JudgedLight;
      /** groups outside the band, furthest first */
      outside: GroupGap[];
      /** the judged group nearest the edge of the band (when none is outside) */
      closest: GroupGap | null;
      judgedGroups: number;
      unjudgedGroups: number;
      missingAttributes: string[];
      isReference: boolean;
    };

export type DataQualityFinding =
  | { kind: "notChecked" }
  | { kind: "clean"; rows: number }
  | { kind: "problems"; problems: DataQualityProblem[]; light: JudgedLight; isReference: boolean };
