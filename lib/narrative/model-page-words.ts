// The words of the model pages (header, overview, performance, versions): page titles, the confusion matrix and
// the calibration chart in plain sentences, metric changes against the comparison, version states. Pure.
import type { ModelView } from "@/lib/contracts/model-view";
import type { VersionStatus } from "@/lib/contracts/model-health";
import type { RegressionSpread, ScorecardSection } from "@/lib/contracts/snapshot-types";
import { formatMetricValue } from "./format-metric";
import { formatAmount, formatCount, formatPercent } from "./format-number";
import { explained } from "./glossary";
import { capitalize, metricName } from "./metric-words";
import { inWindow, windowName } from "./window-words";

/** The document title of a model page: "Income screener: Performance". */
export function modelPageTitle(modelName: string, page: string): string {
  return `${modelName}: ${page}`;
}

/** The lines beside the light in the model header. */
export function modelHeaderWords(model: Pick<ModelView, "live" | "shown" | "lightWindow">): { version: string; lightWindow: string | null } {
  let version: string;
  if (model.live) version = `Live: version ${model.live.version}`;
  else if (model.shown) version = `No version is live yet. Shown: version ${model.shown.version} (${VERSION_STATUS_WORDS[model.shown.status].toLowerCase()}).`;
  else version = "No version uploaded yet";
  return { version, lightWindow: model.lightWindow ? `Latest data: ${windowName(model.lightWindow)}` : null };
}

export const VERSION_STATUS_WORDS: Record<VersionStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  changes_requested: "Changes asked for",
  rejected: "Rejected",
  live: "Live",
  retired: "Retired",
};

/** What each state means, in one sentence. */
export const VERSION_STATUS_MEANING: Record<VersionStatus, string> = {
  draft: "Uploaded and checked, but not yet sent for review.",
  in_review: "Waiting for a reviewer to sign it off.",
  approved: "Signed off. It can go live.",
  changes_requested: "A reviewer asked for changes before it can go on.",
  rejected: "A reviewer turned it down. It is kept as a record.",
  live: "The version in use now.",
  retired: "No longer in use. It is kept as a record.",
};

export function versionsLead(count: number, live: number | null): string {
  const base = count === 1 ? "This model has one version." : `This model has ${formatCount(count)} versions.`;
  return live === null ? `${base} None of them is live yet.` : `${base} Version ${live} is the one in use now.`;
}

export function versionUploadedWords(by: string | null, at: Date): string {
  const day = at.toISOString().slice(0, 10);
  return by ? `Uploaded by ${by} on ${day}` : `Uploaded on ${day}`;
}

export function versionResultsWords(results: number, shown: boolean): string {
  const count = results === 0 ? "No results yet" : results === 1 ? "1 result" : `${formatCount(results)} results`;
  return shown ? `${count}. The pages show this version.` : `${count}.`;
}

// ---------------------------------------------------------------- the window and comparison pickers

export const VIEW_PICKER_WORDS = {
  window: "Period shown",
  compare: "Compare with",
  reference: "The reference data",
  previous: "The period before",
  submit: "Show",
  unknownWindow: "The link named a period this model does not have. It shows the latest period instead.",
} as const;

/** The reference data's name in a list: "Reference data", with its own label when that says more. */
export function referenceName(label: string): string {
  return label.trim().toLowerCase() === "reference data" ? "Reference data" : `Reference data (${label})`;
}

/** "2026-07" -> "July 2026"; the reference data by `referenceName`, with "replaced" when newer reference data took its place. */
export function windowOptionLabel(label: string, isReference: boolean, replacedAt?: Date): string {
  if (!isReference) return windowName(label);
  return replacedAt ? `${referenceName(label)}, replaced on ${replacedAt.toISOString().slice(0, 10)}` : referenceName(label);
}

/** Beside reference data in the timeline, when the model has had more than one. */
export function referenceStatusWords(replacedAt: Date | undefined): string {
  return replacedAt
    ? `Replaced on ${replacedAt.toISOString().slice(0, 10)}. Newer data is no longer compared with it.`
    : "In use: new data is compared with this.";
}

/** Under the pickers: what is shown against what. */
export function viewCaption(current: { label: string; isReference: boolean } | null, comparison: { label: string; isReference: boolean } | null, compare: "reference" | "previous"): string {
  if (!current) return "No data has been judged yet.";
  if (current.isReference) return "This is the reference data: the data the model was checked on. There is nothing to compare it with.";
  const shown = windowName(current.label);
  if (!comparison) return compare === "previous" ? `${shown} is the first period, so there is no period before it to compare with.` : `${shown} has no reference data to compare with.`;
  return `This is ${shown}. It is compared with ${comparison.isReference ? "the reference data" : windowName(comparison.label, current.label)}.`;
}

// ---------------------------------------------------------------- overview

export const OVERVIEW_WORDS = {
  overTimeLead: "One row per batch of data. Open a row to see that period on every page. The reference data is what the model was checked on before it went live.",
  noData:
    "No data has arrived for this model yet, so there is nothing to judge. Once a model version and its test data are uploaded, this page shows how often the model is right, whether the incoming cases have changed, and whether it treats every group alike.",
} as const;

export function primaryChartTitle(metric: string): string {
  return `${capitalize(metricName(metric))} over time`;
}

// ---------------------------------------------------------------- performance tiles

/** "Down 2.1 points from the reference data (87.3%)" style line for a metric tile. */
export function metricChangeWords(metric: string, current: number, before: number, beforeLabel: string, currentLabel: string, unit?: string): string {
  const where = inWindow(beforeLabel, currentLabel);
  const was = formatMetricValue(metric, before, { unit, against: [current] });
  if (current === before) return `The same as ${where} (${was}).`;
  const up = current > before;
  return `${up ? "Up" : "Down"} from ${was} ${where}.`;
}

export function intervalWords(metric: string, lower: number, upper: number, unit?: string): string {
  return `The true value likely lies between ${formatMetricValue(metric, lower, { unit })} and ${formatMetricValue(metric, upper, { unit })}.`;
}

// ---------------------------------------------------------------- confusion matrix in words

/**
 * The yes/no confusion counts as "of 100" sentences: how many real yes cases the model finds, how many real no cases
 * it flags by mistake, and how often a yes from it is right. `positive` is the answer that counts as yes (">50K").
 */
export function confusionSentences(confusion: NonNullable<ScorecardSection["confusion"]>, positive: string, rowNoun = "rows"): string[] {
  const { tp, fp, tn, fn } = confusion;
  const lines: string[] = [];
  const per100 = (part: number, whole: number) => Math.round((part / whole) * 100);
  if (tp + fn > 0) lines.push(`Of 100 ${rowNoun} whose real answer is ${positive}, the model finds ${per100(tp, tp + fn)}.`);
  if (fp + tn > 0) lines.push(`Of 100 ${rowNoun} whose real answer is not ${positive}, it wrongly says ${positive} for ${per100(fp, fp + tn)}.`);
  if (tp + fp > 0) lines.push(`When the model says ${positive}, it is right ${per100(tp, tp + fp)} times in 100.`);
  return lines;
}

export function confusionCountsCaption(total: number, rowNoun = "rows"): string {
  return `Counts of ${formatCount(total)} ${rowNoun} with a known outcome, split by the real answer and the model's answer.`;
}

// ---------------------------------------------------------------- calibration

/**
 * "When it says about 80%, it is right 76% of the time." for the bin whose stated chance is nearest to 80% (among
 * bins with at least `minRows` rows); null when no bin qualifies.
 */
export function calibrationSentence(bins: readonly { meanScore: number; fractionPositive: number; rows: number }[], minRows = 30): string | null {
  const usable = bins.filter((b) => b.rows >= minRows);
  if (usable.length === 0) return null;
  const pick = usable.reduce((a, b) => (Math.abs(b.meanScore - 0.8) < Math.abs(a.meanScore - 0.8) ? b : a));
  const said = Math.round(pick.meanScore * 100);
  const right = formatPercent(pick.fractionPositive, [pick.meanScore]);
  return `When it says about ${said}%, it is right ${right} of the time.`;
}

export function calibrationLead(rowNoun = "rows"): string {
  return `The chart checks its ${explained("calibration")}. Each dot groups the ${rowNoun} by the chance the model gave, and shows how often the answer really was yes. Dots on the dashed line mean the chances can be taken at face value.`;
}

export function calibrationSummary(bins: readonly { meanScore: number; fractionPositive: number; rows: number }[], rowNoun = "rows"): string {
  const lines = [calibrationLead(rowNoun)];
  const sentence = calibrationSentence(bins);
  if (sentence) lines.push(sentence);
  const off = bins.filter((b) => b.rows >= 30).reduce<{ gap: number; bin: (typeof bins)[number] | null }>(
    (acc, b) => (Math.abs(b.fractionPositive - b.meanScore) > acc.gap ? { gap: Math.abs(b.fractionPositive - b.meanScore), bin: b } : acc),
    { gap: 0, bin: null },
  );
  if (off.bin && off.gap >= 0.05) {
    const said = Math.round(off.bin.meanScore * 100);
    lines.push(`It is furthest off near ${said}%, where it is right ${formatPercent(off.bin.fractionPositive, [off.bin.meanScore])} of the time.`);
  }
  return lines.join(" ");
}

// ---------------------------------------------------------------- category models

export function heatmapSummary(classes: readonly string[], matrix: readonly (readonly number[])[]): string {
  const total = matrix.flat().reduce((s, x) => s + x, 0);
  const right = classes.reduce((s, _c, i) => s + (matrix[i]?.[i] ?? 0), 0);
  let worst: { from: string; to: string; n: number } | null = null;
  classes.forEach((from, i) =>
    classes.forEach((to, j) => {
      const n = matrix[i]?.[j] ?? 0;
      if (i !== j && n > 0 && (!worst || n > worst.n)) worst = { from, to, n };
    }),
  );
  const lines = [`Each row is a real category and each column is the model's answer. ${formatCount(right)} of ${formatCount(total)} answers lie on the diagonal, where the model is right.`];
  const w = worst as { from: string; to: string; n: number } | null;
  if (w) lines.push(`The most common mix-up is ${w.from} taken for ${w.to}: ${formatCount(w.n)} times.`);
  return lines.join(" ");
}

// ---------------------------------------------------------------- number models

/** The distributions of what the model predicted and what really happened, compared in words. */
export function predictedActualSummary(predictedMedian: number | null, actualMedian: number | null, unit: string | undefined, windowLabel: string): string {
  const lines = [`The lines compare the spread of the model's predictions with the spread of the real values ${inWindow(windowLabel)}, from low to high.`];
  if (predictedMedian !== null && actualMedian !== null) {
    const f = (x: number, other: number) => formatMetricValue("mae", x, { unit, against: [other] });
    lines.push(`The middle prediction is ${f(predictedMedian, actualMedian)}. The middle real value is ${f(actualMedian, predictedMedian)}.`);
  }
  return lines.join(" ");
}

/** The text beside the chart of the model's answers along the real values (groups of rows, never single rows). */
export function answersAlongSummary(bins: RegressionSpread["bins"], unit: string, windowLabel: string): string {
  const first = bins[0];
  const last = bins[bins.length - 1];
  if (!first || !last) return "";
  const rows = bins.reduce((a, b) => a + b.rows, 0);
  const f = (x: number, other: number) => formatAmount(x, unit, [other]);
  const lines = [
    `The ${formatCount(rows)} rows ${inWindow(windowLabel)} are put in ${bins.length} groups of the same size, from the lowest real values to the highest.`,
    `The line shows the model's middle answer for each group. The shaded band holds the middle 80% of its answers.`,
    `On the dashed line, the answer equals the real value.`,
  ];
  if (bins.length > 1) {
    lines.push(`For the lowest group, real values average ${f(first.actual, first.predictedMedian)} and the middle answer is ${f(first.predictedMedian, first.actual)}.`);
    lines.push(`For the highest group, real values average ${f(last.actual, last.predictedMedian)} and the middle answer is ${f(last.predictedMedian, last.actual)}.`);
  }
  return lines.join(" ");
}

/** The text beside the bars of every row's error. */
export function errorSpreadSummary(errors: RegressionSpread["errors"], unit: string): string {
  const { edges, counts } = errors;
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return "";
  let top = 0;
  counts.forEach((c, i) => {
    if (c > (counts[top] as number)) top = i;
  });
  const from = formatAmount(edges[top] as number, undefined, [edges[top + 1] as number]);
  const to = formatAmount(edges[top + 1] as number, unit, [edges[top] as number]);
  return [
    `Each bar counts the rows whose error falls in its range. The error is the model's answer minus the real value.`,
    `Bars right of zero are rows where the model said too much. Bars left of zero are rows where it said too little.`,
    `The tallest bar, from ${from} to ${to}, holds ${formatCount(counts[top] as number)} of ${formatCount(total)} rows (${formatPercent((counts[top] as number) / total)}).`,
  ].join(" ");
}

export const NOT_STORED_WORDS = {
  regressionPairs:
    "A chart of each prediction against its real value needs the single rows. Sightline keeps only totals of each period, so it shows the two spreads side by side instead.",
  errorDistribution: "This result was stored before Sightline kept the spread of the errors. Evaluate the data again to see it.",
  noCalibration: "This result has no chart of its stated chances. Evaluate the data again to see it.",
  noConfusion: "This result has no counts of right and wrong answers. Evaluate the data again to see them.",
} as const;

/** Number models: Sightline stores no unit for the outcome, so errors are said to be in the outcome column's units. */
export function outcomeUnitNote(labelColumn: string): string {
  return `Errors and values are in the units of ${labelColumn}, the column with the real outcome.`;
}

export const PERFORMANCE_WORDS = {
  tilesTitle: "This period's scorecard",
  overTimeTitle: "Each measure over time",
  overTimeLead: "The shaded band is the 95% range: where the true value likely lies. The dashed line is the value on the reference data.",
  confusionTitle: "Right and wrong answers",
  calibrationTitle: "Can its chances be trusted?",
  classesTitle: "Each category",
  heatmapTitle: "Which categories get mixed up",
  spreadTitle: "Predictions against real values",
  alongTitle: "The model's answers along the real values",
  errorsTitle: "How far off the answers are",
  noScorecard: "There is no scorecard for this period: its rows have no known outcome yet. Upload the outcomes to see how often the model is right.",
} as const;
