// Plain-English sentences for a snapshot: one per headline number. Pure.
import type { DriftSection, FairnessSection, ScorecardSection, Verdicts } from "../evaluation/snapshot-types";

type Task = "binary" | "multiclass" | "regression";

const pct = (x: number) => Math.round(x * 100);

function range(lower: number | null, upper: number | null, scale: (x: number) => string): string {
  if (lower === null || upper === null) return "";
  return ` (likely between ${scale(lower)} and ${scale(upper)})`;
}

export function describeSnapshot(task: Task, card: ScorecardSection | null, drift: DriftSection, fairness: FairnessSection | null, verdicts: Verdicts): string[] {
  const lines: string[] = [verdicts.overall.reason];
  const metric = (name: string) => card?.metrics.find((m) => m.name === name && m.judgeable && m.value !== null);
  if (task === "binary") {
    const accuracy = metric("accuracy");
    if (accuracy?.value != null) {
      lines.push(`The model is right about ${pct(accuracy.value)} times in 100${range(accuracy.ci?.lower ?? null, accuracy.ci?.upper ?? null, (x) => String(pct(x)))}.`);
    }
    const recall = metric("recall");
    if (recall?.value != null) lines.push(`Of the cases that really were "yes", it found ${pct(recall.value)} in 100.`);
    const precision = metric("precision");
    if (precision?.value != null) lines.push(`When it says "yes", it is right ${pct(precision.value)} times in 100.`);
  }
  if (task === "regression") {
    const mae = metric("mae");
    if (mae?.value != null) lines.push(`On average its estimate is off by ${mae.value.toFixed(1)}${range(mae.ci?.lower ?? null, mae.ci?.upper ?? null, (x) => x.toFixed(1))}.`);
    const r2 = metric("r2");
    if (r2?.value != null) lines.push(`It explains ${pct(Math.max(0, r2.value))}% of the ups and downs in the real values (R²).`);
  }
  if (card && card.labelledRows === 0) lines.push("No true outcomes have arrived for this period yet, so accuracy cannot be checked.");
  lines.push(
    drift.numberOfDriftedColumns === 0
      ? "The incoming data looks like the data the model was checked on."
      : `${drift.numberOfDriftedColumns} of ${drift.numberOfColumns} columns look different from the data the model was checked on.`,
  );
  const output = drift.columns.find((c) => c.isOutput);
  if (output?.drifted) lines.push("The model's answers themselves have shifted compared with the reference data.");
  if (fairness?.missingAttributes.length) {
    lines.push(`The data lacks the group column${fairness.missingAttributes.length > 1 ? "s" : ""} ${fairness.missingAttributes.join(", ")}, so those groups were not compared.`);
  }
  return lines;
}
