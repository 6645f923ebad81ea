// The policy a new model starts with. Owners change it later; every change is a new, audited version.
export type TaskKind = "binary" | "multiclass" | "regression";

export interface PolicyDefaults {
  metricFloors: Record<string, number>;
  driftThresholds: { pValue: number; distance: number; datasetShare: number };
  fairnessTolerance: number;
  approvalsRequired: number;
}

export function defaultPolicy(task: TaskKind): PolicyDefaults {
  const metricFloors: Record<string, number> =
    task === "regression" ? { r2: 0.5 } : task === "binary" ? { accuracy: 0.8, rocAuc: 0.75 } : { accuracy: 0.7 };
  return {
    metricFloors,
    // METRICS.md defaults: p-value tests 0.05, distances 0.1, dataset drift when half the columns drift.
    driftThresholds: { pValue: 0.05, distance: 0.1, datasetShare: 0.5 },
    fairnessTolerance: 0.8,
    approvalsRequired: 1,
  };
}
