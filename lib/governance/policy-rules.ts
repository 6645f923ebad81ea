// The rules a model's policy sets, with their defaults. Pure: the evaluation judges with these, the policy
// page edits them, and a stored policy of any age parses into them (missing parts take the defaults).
import { z } from "zod";
import type { MinimumRows, PolicyRules } from "@/lib/contracts/policy-rules";
import type { FairnessQuestion, SliceMetric, Task } from "@/lib/contracts/snapshot-types";

export const FAIRNESS_QUESTIONS: readonly FairnessQuestion[] = ["help", "burden", "equal"];

/** Primary metric per task when the policy names none. */
export const DEFAULT_PRIMARY_METRIC: Record<Task, string> = { binary: "rocAuc", multiclass: "macroF1", regression: "mae" };

/** Metrics the performance rule can judge, per task (names as the scorecard stores them). */
export const JUDGED_METRICS: Record<Task, readonly string[]> = {
  binary: ["rocAuc", "accuracy", "precision", "recall", "f1", "logLoss", "brier", "calibrationError"],
  multiclass: ["macroF1", "accuracy", "balancedAccuracy", "weightedF1", "macroPrecision", "macroRecall", "logLoss", "calibrationError"],
  regression: ["mae", "rmse", "r2", "mape"],
};

/** Lower is better for these; higher for every other metric. */
export const LOWER_IS_BETTER: ReadonlySet<string> = new Set(["logLoss", "brier", "calibrationError", "mae", "rmse", "mape"]);

export const DEFAULT_MINIMUM_ROWS: MinimumRows = { performance: 100, perClass: 10, drift: 100, perGroup: 30, denominator: 5 };

/** The slice metric a policy judges fairness on, for a task. */
export function fairnessMetricFor(task: Task, question: FairnessQuestion | null): SliceMetric {
  if (task === "multiclass") return "accuracy";
  if (task === "regression") return "mae";
  if (question === "help") return "truePositiveRate";
  if (question === "burden") return "falsePositiveRate";
  return "selectionRate";
}

export function defaultRules(task: Task): Omit<PolicyRules, "version"> {
  return {
    primaryMetric: DEFAULT_PRIMARY_METRIC[task],
    decisionThreshold: 0.5,
    relativeTolerance: { amber: 0.05, red: 0.1 },
    metricFloors: {},
    // METRICS.md defaults: p-value tests 0.05, distances 0.1, dataset drift when half the columns drift.
    driftThresholds: { pValue: 0.05, distance: 0.1, datasetShare: 0.5, perMethod: {} },
    minimumRows: { ...DEFAULT_MINIMUM_ROWS },
    fairnessQuestion: null,
    fairnessTolerance: 0.8,
    approvalsRequired: 1,
    rowNoun: "rows",
  };
}

const fraction = z.number().min(0).max(1);
const count = z.number().int().min(1).max(1_000_000);

/** The part of the rules kept in the policy's `rules` JSON column (the rest has columns of its own). */
export const storedRulesSchema = z
  .object({
    decisionThreshold: fraction,
    relativeTolerance: z.object({ amber: fraction, red: fraction }),
    minimumRows: z.object({ performance: count, perClass: count, drift: count, perGroup: count, denominator: count }),
    fairnessQuestion: z.enum(["help", "burden", "equal"]).nullable(),
    rowNoun: z.string().trim().min(1).max(40),
  })
  .partial();

export type StoredRules = z.infer<typeof storedRulesSchema>;

const storedDriftSchema = z
  .object({
    pValue: fraction,
    distance: z.number().min(0).max(10),
    datasetShare: fraction,
    perMethod: z.record(z.string(), z.number().min(0).max(10)),
  })
  .partial();

/** A stored policy row (any age) as rules; what it lacks takes the task's defaults. */
export function rulesFromStored(
  task: Task,
  row: {
    version: number;
    primaryMetric?: string | null;
    metricFloors: unknown;
    driftThresholds: unknown;
    fairnessTolerance: number;
    approvalsRequired?: number;
    rules?: unknown;
  },
): PolicyRules {
  const base = defaultRules(task);
  const stored = storedRulesSchema.safeParse(row.rules ?? {});
  const drift = storedDriftSchema.safeParse(row.driftThresholds ?? {});
  const floors = z.record(z.string(), z.number()).safeParse(row.metricFloors ?? {});
  const s = stored.success ? stored.data : {};
  return {
    ...base,
    ...s,
    version: row.version,
    primaryMetric: row.primaryMetric && JUDGED_METRICS[task].includes(row.primaryMetric) ? row.primaryMetric : base.primaryMetric,
    metricFloors: floors.success ? floors.data : {},
    driftThresholds: { ...base.driftThresholds, ...(drift.success ? drift.data : {}) },
    minimumRows: { ...base.minimumRows, ...(s.minimumRows ?? {}) },
    relativeTolerance: s.relativeTolerance ?? base.relativeTolerance,
    fairnessTolerance: row.fairnessTolerance,
    approvalsRequired: row.approvalsRequired ?? base.approvalsRequired,
  };
}
