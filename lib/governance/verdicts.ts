// Traffic lights against the model's own policy. Pure.
import type { DriftSection, FairnessSection, Light, ScorecardSection, Verdict, Verdicts } from "@/lib/evaluation/snapshot-types";

export interface PolicyRules {
  version: number;
  /** metric name -> lowest acceptable value (higher is better for every floor we allow) */
  metricFloors: Record<string, number>;
  driftThresholds: { pValue: number; distance: number; datasetShare: number };
  fairnessTolerance: number;
}

const RANK: Record<Light, number> = { gray: 0, green: 1, amber: 2, red: 3 };

export const METRIC_WORDS: Record<string, string> = {
  accuracy: "accuracy",
  precision: "precision",
  recall: "recall",
  f1: "F1 score",
  rocAuc: "ROC AUC",
  logLoss: "log loss",
  brier: "Brier score",
  calibrationError: "calibration error",
  mae: "mean absolute error",
  rmse: "root mean squared error",
  mape: "mean absolute percentage error",
  r2: "R²",
};

import { formatMetric } from "./format-metric";

function worst(verdicts: Verdict[]): Verdict {
  return verdicts.reduce((a, b) => (RANK[b.light] > RANK[a.light] ? b : a));
}

export function judgePerformance(policy: PolicyRules, card: ScorecardSection | null): Verdict {
  if (!card) return { light: "gray", reason: "No labels yet, so the model's accuracy cannot be checked. Upload the true outcomes when you have them." };
  if (card.labelledRows === 0) return { light: "gray", reason: "None of these rows has a true outcome yet, so accuracy cannot be checked." };
  const verdicts: Verdict[] = [];
  for (const [name, floor] of Object.entries(policy.metricFloors)) {
    const metric = card.metrics.find((m) => m.name === name);
    if (!metric) continue;
    const word = METRIC_WORDS[name] ?? name;
    if (!metric.judgeable || metric.value === null) {
      verdicts.push({ light: "gray", reason: `Too few rows to judge the ${word}.` });
    } else if (metric.value < floor) {
      verdicts.push({ light: "red", reason: `The ${word} is ${formatMetric(metric.value, floor)}, below the policy's floor of ${floor}.` });
    } else if (metric.ci?.lower !== null && metric.ci?.lower !== undefined && metric.ci.lower < floor) {
      verdicts.push({
        light: "amber",
        reason: `The ${word} is ${formatMetric(metric.value, floor)}, at or above the floor of ${floor}, but it could be below it: the likely range goes down to ${formatMetric(metric.ci.lower, floor)}.`,
      });
    } else {
      verdicts.push({ light: "green", reason: `The ${word} is ${formatMetric(metric.value, floor)}, at or above the policy's floor of ${floor}.` });
    }
  }
  if (verdicts.length === 0) return { light: "gray", reason: "The policy sets no floor for these metrics." };
  const judged = verdicts.filter((v) => v.light !== "gray");
  return judged.length ? worst(judged) : verdicts[0]!;
}

export function judgeDrift(drift: DriftSection): Verdict {
  if (drift.numberOfColumns === 0) return { light: "gray", reason: "No column could be compared with the reference data." };
  const inputs = drift.columns.filter((c) => c.drifted && !c.isOutput).map((c) => c.column);
  const share = `${drift.numberOfDriftedColumns} of ${drift.numberOfColumns} columns`;
  if (drift.datasetDrift) {
    return { light: "red", reason: `The data has changed a lot: ${share} differ from the reference data (${inputs.slice(0, 3).join(", ")}${inputs.length > 3 ? ` and ${inputs.length - 3} more` : ""}).` };
  }
  if (drift.numberOfDriftedColumns > 0) {
    return { light: "amber", reason: `Some data has changed: ${share} differ from the reference data.` };
  }
  return { light: "green", reason: "The data looks like the reference data: no column has changed noticeably." };
}

/** `whyNone` says why there is no fairness section (no groups chosen, no labels, a number-predicting model). */
export function judgeFairness(fairness: FairnessSection | null, whyNone = "No groups could be compared."): Verdict {
  if (!fairness) return { light: "gray", reason: whyNone };
  if (fairness.attributes.length === 0) {
    return {
      light: "gray",
      reason: fairness.missingAttributes.length
        ? `The data lacks the group columns ${fairness.missingAttributes.join(", ")}, so groups could not be compared.`
        : "No groups could be compared.",
    };
  }
  const low = Math.round(fairness.tau * 100) / 100;
  const high = Math.round((1 / fairness.tau) * 100) / 100;
  const outside: string[] = [];
  let judged = 0;
  for (const attr of fairness.attributes) {
    for (const g of attr.groups) {
      if (!g.judgeable || g.parity === null) continue;
      judged++;
      if (!g.parity) outside.push(`${attr.attribute} = ${g.group}`);
    }
  }
  if (judged === 0) return { light: "gray", reason: "Too few rows in each group to judge fairness." };
  if (outside.length) {
    return {
      light: "red",
      reason: `Some groups are picked much more or less often than the reference group (outside ${low}–${high} times its rate): ${outside.slice(0, 3).join("; ")}${outside.length > 3 ? ` and ${outside.length - 3} more` : ""}.`,
    };
  }
  return { light: "green", reason: `Every group is picked at a rate within ${low}–${high} times the reference group's.` };
}

export function judge(
  policy: PolicyRules,
  card: ScorecardSection | null,
  drift: DriftSection,
  fairness: FairnessSection | null,
  whyNoFairness?: string,
): Verdicts {
  const performance = judgePerformance(policy, card);
  const driftVerdict = judgeDrift(drift);
  const fairnessVerdict = judgeFairness(fairness, whyNoFairness);
  const parts = [performance, driftVerdict, fairnessVerdict];
  const judged = parts.filter((v) => v.light !== "gray");
  const overall: Verdict = judged.length
    ? { ...worst(judged) }
    : { light: "gray", reason: "Not enough information yet to judge this model." };
  return { overall, performance, drift: driftVerdict, fairness: fairnessVerdict, policyVersion: policy.version };
}
