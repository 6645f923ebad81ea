// Short captions the health pages show next to results. Pure.
import { formatMetricValue } from "./format-metric";
import { formatCount } from "./format-number";
import { windowName } from "./window-words";

/** "June 2026 · 1,234 rows · judged against policy version 3" */
export function snapshotCaption(windowLabel: string, rows: number, policyVersion: number, rowNoun = "rows"): string {
  return `${windowName(windowLabel)} · ${formatCount(rows)} ${rowNoun} · judged against policy version ${policyVersion}`;
}

/** The line above the scorecard table. */
export function scorecardCaption(labelledRows: number, rowNoun = "rows"): string {
  return `${formatCount(labelledRows)} ${rowNoun} with a known outcome. The range is where the true value likely lies (95% confidence).`;
}

/** "policy floor 80%" or, for a lower-is-better metric, "policy ceiling 0.5". */
export function limitCaption(metric: string, limit: number, higherIsBetter: boolean, unit?: string): string {
  return `policy ${higherIsBetter ? "floor" : "ceiling"} ${formatMetricValue(metric, limit, unit ? { unit } : {})}`;
}

/** An interval on the metric's scale: "83.1% – 87.4%" (rounded so it stays on the right side of `against`). */
export function intervalCaption(metric: string, lower: number, upper: number, against: readonly number[] = [], unit?: string): string {
  const f = (x: number) => formatMetricValue(metric, x, { against, ...(unit ? { unit } : {}) });
  return `${f(lower)} – ${f(upper)}`;
}

/** Shown where a snapshot from before version 2 lacks distributions, groups and data quality. */
export const LEGACY_SNAPSHOT_NOTE =
  "This result is old. It was made before Sightline checked data quality and each group. Evaluate again to see this. An owner can do that on the policy page.";

/** A category model's per-class table, in words. */
export function classTableCaption(classes: number): string {
  return `How well the model does for each of the ${classes} categories. Found: of the rows that really are in the category, the share the model put there. Right when picked: of the rows the model put there, the share that belong there.`;
}
