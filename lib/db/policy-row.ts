// The columns of a policy row for given rules (model creation, policy changes and the seed share it).
import type { PolicyRules } from "@/lib/contracts/policy-rules";
import type { ModelTask } from "@/lib/prisma/generated/enums";
import { toJson } from "./json";

/** The parts of a policy row for given rules (shared by model creation, policy changes and the seed). */
export function policyRowData(task: ModelTask, rules: Omit<PolicyRules, "version">) {
  return {
    primaryMetric: rules.primaryMetric,
    metricFloors: toJson(rules.metricFloors),
    driftThresholds: toJson(rules.driftThresholds),
    fairnessTolerance: rules.fairnessTolerance,
    approvalsRequired: rules.approvalsRequired,
    rules: toJson({
      decisionThreshold: rules.decisionThreshold,
      relativeTolerance: rules.relativeTolerance,
      minimumRows: rules.minimumRows,
      fairnessQuestion: task === "binary" ? rules.fairnessQuestion : null,
      rowNoun: rules.rowNoun,
    }),
  };
}
