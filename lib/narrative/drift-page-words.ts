// The drift page's words: what drift is and what to do about it, why each column got its test, the table's
// short labels, and the summaries under the charts of drift over time. Pure.
import type { DriftHistoryColumn, DriftHistoryPoint } from "@/lib/contracts/drift-history";
import type { DriftColumnEntry } from "@/lib/contracts/snapshot-types";
import { listWords } from "./drift-words";
import { formatCount, formatPercent, formatScore } from "./format-number";
import { GLOSSARY, explained } from "./glossary";
import { MODEL_OUTPUT_COLUMN } from "./next-step";
import { inWindow, windowName } from "./window-words";

/** What drift is, why it matters and what to do, in a few short lines (the page's explainer). */
export const DRIFT_EXPLAINER: readonly string[] = [
  `This page is about ${explained("drift")}. It asks if the cases the model sees now look like the cases it was checked on.`,
  "A model learns from past cases. When new cases look different, its answers can get worse, even if the model itself did not change.",
  "Each column gets the test that the Evidently library would pick for it. A column counts as changed when its score passes the policy's limit.",
  "What to do: start with the column that changed most. Ask if the change is real, such as new kinds of customers or a new season. Or is it a fault in the data, such as a broken feed or a new unit?",
  "A fault needs a fix in the data. A real change may mean the model should learn from recent data. Check how well it still does before you decide.",
];

/** Tests whose score is a p-value: a column drifts when the score is at or below the limit. */
const P_VALUE_TESTS = new Set(["ks", "chisquare", "z"]);

export function isPValueTest(method: string): boolean {
  return P_VALUE_TESTS.has(method);
}

/** The test's short name for a table cell ("Wasserstein distance"). */
export const DRIFT_TEST_NAMES: Record<string, string> = {
  ks: "K-S test",
  chisquare: "chi-square test",
  z: "Z-test",
  psi: "PSI",
  kl_div: "Kullback-Leibler score",
  jensenshannon: "Jensen-Shannon distance",
  wasserstein: "normed Wasserstein distance",
  hellinger: "Hellinger distance",
};

export function driftTestName(entry: Pick<DriftColumnEntry, "method" | "stattestName">): string {
  return DRIFT_TEST_NAMES[entry.method] ?? entry.stattestName;
}

/** What the test measures, as a short clause with the term explained. */
function testMeaning(method: string): string {
  switch (method) {
    case "ks":
      return explained("K-S", "The K-S test");
    case "chisquare":
      return explained("chi-square", "The chi-square test");
    case "z":
      return explained("Z-test", "The Z-test");
    case "psi":
      return explained("PSI");
    case "kl_div":
      return explained("Kullback-Leibler", "The Kullback-Leibler score");
    case "jensenshannon":
      return explained("Jensen-Shannon", "The Jensen-Shannon distance");
    case "wasserstein":
      return explained("Wasserstein", "The normed Wasserstein distance");
    case "hellinger":
      return explained("Hellinger", "The Hellinger distance");
    default:
      return "This test";
  }
}

/**
 * Why the column got its test (Evidently's default rule: the reference data's size and the column's kind and
 * number of values), then what the test measures.
 */
export function driftTestReason(entry: Pick<DriftColumnEntry, "method" | "columnType">, referenceRows: number | null): string {
  const rows = referenceRows === null ? null : formatCount(referenceRows);
  const big = rows === null ? "The reference data has more than 1,000 rows" : `The reference data has ${rows} rows, more than 1,000`;
  const small = rows === null ? "The reference data has 1,000 rows or fewer" : `The reference data has ${rows} rows, so 1,000 or fewer`;
  let why: string;
  switch (entry.method) {
    case "wasserstein":
      why = `${big}, and the column holds numbers with more than 5 values.`;
      break;
    case "jensenshannon":
      why =
        entry.columnType === "categorical"
          ? `${big}, and the column holds categories.`
          : `${big}, and the column holds numbers with 5 values or fewer.`;
      break;
    case "ks":
      why = `${small}, and the column holds numbers with more than 5 values.`;
      break;
    case "chisquare":
      why = `${small}, and the column has more than 2 values.`;
      break;
    case "z":
      why = `${small}, and the column has only 2 values.`;
      break;
    default:
      why = "The policy set this test.";
  }
  return `${why} ${testMeaning(entry.method)}.`;
}

/** The rule the score is judged by: "0.1 or more", "0.05 or less", "less than 0.05". */
export function driftLimitWords(entry: Pick<DriftColumnEntry, "method" | "threshold">): string {
  const limit = formatScore(entry.threshold);
  if (!isPValueTest(entry.method)) return `${limit} or more`;
  return entry.method === "ks" ? `${limit} or less` : `less than ${limit}`;
}

/** The table's verdict for one column. */
export function driftVerdictWord(entry: Pick<DriftColumnEntry, "score" | "drifted">, judgeable: boolean): string {
  if (!judgeable) return "Too few rows to judge";
  if (entry.score === null) return "No score";
  return entry.drifted ? "Changed" : "Not changed";
}

/**
 * How far past (or short of) its limit a column is, on one scale for every test: above 1 is past the limit.
 * Distances: score / limit. p-values: limit / score (a smaller p-value is a bigger change).
 */
export function driftSeverity(entry: Pick<DriftColumnEntry, "method" | "score" | "threshold">): number {
  if (entry.score === null || !Number.isFinite(entry.score)) return -1;
  if (isPValueTest(entry.method)) return entry.score <= 0 ? Number.MAX_VALUE : entry.threshold / entry.score;
  return entry.threshold > 0 ? entry.score / entry.threshold : entry.score;
}

/** Columns sorted by how far past their limit they are, the biggest change first. */
export function sortBySeverity<T extends Pick<DriftColumnEntry, "method" | "score" | "threshold" | "column">>(columns: readonly T[]): T[] {
  return [...columns].sort((a, b) => driftSeverity(b) - driftSeverity(a) || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0));
}

/** "age", or "the model's output". */
export function driftColumnName(column: string): string {
  return column === MODEL_OUTPUT_COLUMN ? "the model's output" : column;
}

/** The words under the chart of the share of changed columns per window. */
export function driftShareOverTimeSummary(points: readonly DriftHistoryPoint[]): string {
  const judged = points.filter((p) => !p.isReference && p.judgeable);
  if (judged.length === 0) return `There is no new data to check for ${explained("drift")} yet.`;
  const last = judged[judged.length - 1]!;
  const limit = last.driftShare;
  const f = (x: number) => formatPercent(x, [limit]);
  const lines = [`The chart shows the share of columns with ${explained("drift")} in each period of data.`];
  if (judged.length === 1) lines.push(`${windowName(last.windowLabel)} has ${f(last.shareOfDriftedColumns)}.`);
  else {
    const first = judged[0]!;
    lines.push(
      `It was ${f(first.shareOfDriftedColumns)} ${inWindow(first.windowLabel, last.windowLabel)}, and it is ${f(last.shareOfDriftedColumns)} ${inWindow(last.windowLabel, first.windowLabel)}.`,
    );
  }
  const over = judged.filter((p) => p.shareOfDriftedColumns >= p.driftShare);
  lines.push(`The policy's limit for the whole data is ${formatPercent(limit)}.`);
  lines.push(
    over.length === 0
      ? "No period reached it."
      : over.length === judged.length
        ? `Every period reached it.`
        : `${formatCount(over.length)} of ${formatCount(judged.length)} periods reached it: ${listWords(over.map((p) => windowName(p.windowLabel, last.windowLabel)))}.`,
  );
  const small = points.filter((p) => !p.isReference && !p.judgeable).length;
  if (small > 0) lines.push(`${formatCount(small)} period${small === 1 ? " has" : "s have"} too few rows to judge.`);
  return lines.join(" ");
}

export interface ScoreLine {
  column: string;
  method: string;
  threshold: number;
  /** oldest first; null where the window has no score */
  points: { windowLabel: string; score: number | null }[];
}

/** The words under a chart of several columns' scores over time, with the limit drawn. */
export function driftScoreLinesSummary(lines: readonly ScoreLine[]): string {
  const first = lines[0];
  if (!first) return `No column has a score for ${explained("drift")} yet.`;
  const pValue = isPValueTest(first.method);
  const limit = formatScore(first.threshold);
  const out = [
    `The chart shows the score of ${lines.length === 1 ? "1 column" : `${formatCount(lines.length)} columns`} in each period, with the limit of ${limit} drawn as a line.`,
    pValue ? `Each score is a p-value (${GLOSSARY["p-value"]}), so a column has changed when its line drops below the limit.` : `A column has changed when its line rises above the limit.`,
  ];
  for (const line of lines.slice(0, 5)) {
    const scored = line.points.filter((p): p is { windowLabel: string; score: number } => p.score !== null);
    const last = scored[scored.length - 1];
    if (!last) continue;
    const past = pValue ? last.score <= line.threshold : last.score >= line.threshold;
    out.push(`${capital(driftColumnName(line.column))} is at ${formatScore(last.score, [line.threshold])} ${inWindow(last.windowLabel)}, ${past ? "past" : "inside"} the limit.`);
  }
  return out.join(" ");
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Score lines for the `count` most changed input columns of the picked window, grouped so one chart holds one kind of limit. */
export function scoreLineGroups(history: readonly DriftHistoryPoint[], picked: readonly DriftHistoryColumn[], count = 5): ScoreLine[][] {
  const top = sortBySeverity(picked.filter((c) => !c.isOutput && c.score !== null)).slice(0, count);
  const production = history.filter((p) => !p.isReference);
  const groups = new Map<string, ScoreLine[]>();
  for (const c of top) {
    const key = `${isPValueTest(c.method) ? "p" : "d"}:${c.threshold}`;
    const line: ScoreLine = {
      column: c.column,
      method: c.method,
      threshold: c.threshold,
      points: production.map((p) => ({ windowLabel: p.windowLabel, score: p.judgeable ? (p.columns.find((x) => x.column === c.column)?.score ?? null) : null })),
    };
    const list = groups.get(key);
    if (list) list.push(line);
    else groups.set(key, [line]);
  }
  return [...groups.values()];
}

/** The heading of the drift table. */
export function driftTableCaption(columns: number, drifted: number): string {
  return `Every column, the biggest change first. ${formatCount(drifted)} of ${formatCount(columns)} ${columns === 1 ? "has" : "have"} changed.`;
}

/** Shown instead of a verdict when a side has too few rows. */
export function driftTooFewRowsNote(reference: number, current: number, minimum: number): string {
  return `Too few rows to judge: the reference data has ${formatCount(reference)} rows and this data has ${formatCount(current)}. The policy asks for at least ${formatCount(minimum)} on each side. The scores below are shown, but not judged.`;
}
