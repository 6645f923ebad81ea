// The narrative of one snapshot: one sentence per headline number, in plain words. Pure.
// Order: the headline (which names a data problem first), each headline metric with its interval,
// what changed, then performance when it could not be judged, drift, fairness and data quality.
import type { Task, Verdicts } from "@/lib/contracts/snapshot-types";
import type { JudgeInput } from "@/lib/contracts/judge-input";
import { metricSentence } from "./metric-words";

/** The metrics the narrative reads out, after the policy's primary metric. */
export const HEADLINE_METRICS: Record<Task, readonly string[]> = {
  binary: ["accuracy", "recall", "precision"],
  multiclass: ["accuracy", "macroF1"],
  regression: ["mae", "r2"],
};

export function describeSnapshot(input: JudgeInput, verdicts: Verdicts): string[] {
  const lines: string[] = [verdicts.overall.reason];
  const card = input.scorecard;
  const unit = input.targetUnit;
  let read = 0;
  if (card && card.judgeable !== false && card.labelledRows > 0) {
    const names = [...new Set([input.policy.primaryMetric, ...HEADLINE_METRICS[input.task]])];
    for (const name of names) {
      const m = card.metrics.find((x) => x.name === name);
      if (!m || !m.judgeable || m.value === null || !Number.isFinite(m.value)) continue;
      const floor = input.policy.metricFloors?.[name];
      lines.push(metricSentence(name, m.value, m.ci, { ...(unit ? { unit } : {}), against: floor === undefined ? [] : [floor] }));
      read++;
    }
  }
  if (verdicts.changes?.sinceReference) lines.push(verdicts.changes.sinceReference);
  if (verdicts.changes?.sincePrevious) lines.push(verdicts.changes.sincePrevious);
  if (read === 0 || verdicts.performance.light !== "green") lines.push(verdicts.performance.reason);
  lines.push(verdicts.drift.reason, verdicts.fairness.reason);
  if (verdicts.dataQuality && verdicts.dataQuality.light !== "gray") lines.push(verdicts.dataQuality.reason);
  return lines;
}
