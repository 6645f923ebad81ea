// What the drift page draws, built on the server from the stored snapshot: chart specs and tables (plain data for
// components/charts), with every number formatted at the precision the page shows. No React, no I/O.
import type { ChartSpec, TableData } from "@/lib/contracts/chart";
import type { DriftHistoryPoint } from "@/lib/contracts/drift-history";
import type { WindowSummary } from "@/lib/contracts/model-health";
import type { ColumnDistribution, DriftColumnEntry, DriftSection, SnapshotContent } from "@/lib/contracts/snapshot-types";
import {
  driftColumnName,
  driftHistogramSummary,
  driftLimitWords,
  driftScoreLinesSummary,
  driftShareOverTimeSummary,
  driftTestName,
  driftTestReason,
  driftVerdictWord,
  formatCount,
  formatAmount,
  formatPercent,
  formatScore,
  isPValueTest,
  windowName,
  type ScoreLine,
} from "@/lib/narrative";

/** One row of the drift table, as shown. */
export interface DriftRowView {
  column: string;
  /** "age", or "the model's output" */
  name: string;
  isOutput: boolean;
  columnType: "numeric" | "categorical";
  test: string;
  why: string;
  score: string;
  threshold: string;
  /** "0.1 or more" */
  rule: string;
  verdict: string;
  drifted: boolean;
  /** a histogram or category bars are stored for this column */
  hasChart: boolean;
}

export interface HistogramView {
  column: string;
  title: string;
  summary: string;
  spec: ChartSpec;
  table: TableData;
}

/** The drift score as the table shows it (3 decimals, more when needed to stay on the right side of the limit). */
export function shownScore(entry: Pick<DriftColumnEntry, "score" | "threshold">): string {
  return entry.score === null ? "–" : formatScore(entry.score, [entry.threshold]);
}

export function driftRows(drift: DriftSection, distributions: readonly ColumnDistribution[], sorted: readonly DriftColumnEntry[]): DriftRowView[] {
  const judgeable = drift.judgeable ?? true;
  const charts = new Set(distributions.map((d) => d.column));
  return sorted.map((c) => ({
    column: c.column,
    name: driftColumnName(c.column),
    isOutput: c.isOutput,
    columnType: c.columnType,
    test: `${driftTestName(c)}${c.method === "jensenshannon" ? " (base e)" : ""}`,
    why: driftTestReason(c, drift.rows?.reference ?? null),
    score: shownScore(c),
    threshold: formatScore(c.threshold),
    rule: driftLimitWords(c),
    verdict: driftVerdictWord(c, judgeable),
    drifted: judgeable && c.drifted,
    hasChart: charts.has(c.column),
  }));
}

/** The table's CSV: the stored numbers, not the rounded text. */
export function driftTableData(drift: DriftSection, rows: readonly DriftRowView[]): TableData {
  const byColumn = new Map(drift.columns.map((c) => [c.column, c]));
  return {
    columns: [{ label: "Column" }, { label: "Test" }, { label: "Score", numeric: true }, { label: "Limit", numeric: true }, { label: "Counts as changed at" }, { label: "Verdict" }, { label: "Why this test" }],
    rows: rows.map((r) => {
      const c = byColumn.get(r.column);
      return [r.name, r.test, { text: r.score, value: c?.score ?? null }, { text: r.threshold, value: c?.threshold ?? null }, r.rule, r.verdict, r.why];
    }),
    rowKeys: rows.map((r) => r.column),
  };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

/** A bin's label: "17 to 21.56" (the last bin includes its upper edge). */
function binLabel(lo: number, hi: number): string {
  return `${formatAmount(lo, undefined, [hi])} to ${formatAmount(hi, undefined, [lo])}`;
}

/** The reference-against-current histogram (numbers) or category bars, as shares of each side's non-missing values. */
export function histogramView(distribution: ColumnDistribution, drift: DriftColumnEntry | null): HistogramView {
  const name = driftColumnName(distribution.column);
  const labels: string[] = [];
  const ref: number[] = [];
  const cur: number[] = [];
  if (distribution.kind === "numeric") {
    const first = distribution.edges[0];
    const last = distribution.edges[distribution.edges.length - 1];
    if (first !== undefined && (distribution.below.reference > 0 || distribution.below.current > 0)) {
      labels.push(`below ${formatAmount(first)}`);
      ref.push(distribution.below.reference);
      cur.push(distribution.below.current);
    }
    distribution.reference.forEach((count, i) => {
      labels.push(binLabel(distribution.edges[i] as number, distribution.edges[i + 1] as number));
      ref.push(count);
      cur.push(distribution.current[i] ?? 0);
    });
    if (last !== undefined && (distribution.above.reference > 0 || distribution.above.current > 0)) {
      labels.push(`above ${formatAmount(last)}`);
      ref.push(distribution.above.reference);
      cur.push(distribution.above.current);
    }
  } else {
    distribution.categories.forEach((category, i) => {
      labels.push(category);
      ref.push(distribution.reference[i] ?? 0);
      cur.push(distribution.current[i] ?? 0);
    });
    if (distribution.other.reference > 0 || distribution.other.current > 0) {
      labels.push("other");
      ref.push(distribution.other.reference);
      cur.push(distribution.other.current);
    }
  }
  const refTotal = sum(ref);
  const curTotal = sum(cur);
  const refShares = ref.map((n) => (refTotal > 0 ? n / refTotal : 0));
  const curShares = cur.map((n) => (curTotal > 0 ? n / curTotal : 0));
  const spec: ChartSpec = {
    kind: "bar",
    categories: labels,
    xAxis: { label: distribution.kind === "numeric" ? "Range of values" : "Category" },
    yAxis: { label: "Share of rows", ticks: "percent" },
    series: [
      { name: "Reference data", values: refShares },
      { name: "Now", values: curShares },
    ],
    horizontal: distribution.kind === "categorical",
  };
  const rows: TableData["rows"] = labels.map((label, i) => [
    label,
    { text: formatCount(ref[i] ?? 0), value: ref[i] ?? 0 },
    { text: formatPercent(refShares[i] ?? 0), value: refShares[i] ?? 0 },
    { text: formatCount(cur[i] ?? 0), value: cur[i] ?? 0 },
    { text: formatPercent(curShares[i] ?? 0), value: curShares[i] ?? 0 },
  ]);
  if (distribution.missing.reference > 0 || distribution.missing.current > 0) {
    rows.push(["missing", { text: formatCount(distribution.missing.reference), value: distribution.missing.reference }, "–", { text: formatCount(distribution.missing.current), value: distribution.missing.current }, "–"]);
  }
  return {
    column: distribution.column,
    title: distribution.column === "(model output)" ? "The model's output: reference data and now" : `${name}: reference data and now`,
    summary: driftHistogramSummary(distribution, drift),
    spec,
    table: {
      columns: [
        { label: distribution.kind === "numeric" ? "Range" : "Category" },
        { label: "Reference rows", numeric: true },
        { label: "Reference share", unit: "%", numeric: true },
        { label: "Rows now", numeric: true },
        { label: "Share now", unit: "%", numeric: true },
      ],
      rows,
      rowKeys: labels.concat(rows.length > labels.length ? ["missing"] : []),
    },
  };
}

/** The share of changed columns per window, with the policy's limit for the whole data. */
export function shareOverTime(history: readonly DriftHistoryPoint[]): { spec: ChartSpec; table: TableData; summary: string } {
  const production = history.filter((p) => !p.isReference);
  const last = production[production.length - 1];
  const limit = last?.driftShare ?? 0.5;
  const spec: ChartSpec = {
    kind: "line",
    xType: "category",
    xAxis: { label: "" },
    yAxis: { label: "Columns changed", ticks: "percent", domain: [0, 1] },
    series: [{ name: "Share of columns changed", points: production.map((p) => ({ x: windowName(p.windowLabel), y: p.judgeable ? p.shareOfDriftedColumns : null })) }],
    referenceLines: [{ y: limit, label: `limit ${formatPercent(limit)}` }],
  };
  const table: TableData = {
    columns: [{ label: "Period" }, { label: "Columns changed", numeric: true }, { label: "Columns checked", numeric: true }, { label: "Share changed", unit: "%", numeric: true }, { label: "Whole data changed" }],
    rows: production.map((p) =>
      p.judgeable
        ? [
            windowName(p.windowLabel),
            { text: formatCount(p.numberOfDriftedColumns), value: p.numberOfDriftedColumns },
            { text: formatCount(p.numberOfColumns), value: p.numberOfColumns },
            { text: formatPercent(p.shareOfDriftedColumns, [p.driftShare]), value: p.shareOfDriftedColumns },
            p.shareOfDriftedColumns >= p.driftShare ? "Yes" : "No",
          ]
        : [windowName(p.windowLabel), null, { text: formatCount(p.numberOfColumns), value: p.numberOfColumns }, null, "Too few rows to judge"],
    ),
    rowKeys: production.map((p) => p.windowLabel),
  };
  return { spec, table, summary: driftShareOverTimeSummary(history) };
}

/** One chart of score lines (columns that share one kind of limit), with the limit drawn. */
export function scoreLinesView(lines: readonly ScoreLine[]): { spec: ChartSpec; table: TableData; summary: string; pValue: boolean } {
  const first = lines[0]!;
  const pValue = isPValueTest(first.method);
  const labels = first.points.map((p) => p.windowLabel);
  const spec: ChartSpec = {
    kind: "line",
    xType: "category",
    xAxis: { label: "" },
    yAxis: { label: pValue ? "p-value" : "Score", ...(pValue ? { domain: [0, 1] as [number, number] } : {}) },
    series: lines.map((l) => ({ name: driftColumnName(l.column), points: l.points.map((p) => ({ x: windowName(p.windowLabel), y: p.score })) })),
    referenceLines: [{ y: first.threshold, label: `limit ${formatScore(first.threshold)}` }],
  };
  const table: TableData = {
    columns: [{ label: "Period" }, ...lines.map((l) => ({ label: driftColumnName(l.column), numeric: true }))],
    rows: labels.map((label, i) => [
      windowName(label),
      ...lines.map((l) => {
        const s = l.points[i]?.score ?? null;
        return s === null ? null : { text: formatScore(s, [l.threshold]), value: s };
      }),
    ]),
    rowKeys: labels,
  };
  return { spec, table, summary: driftScoreLinesSummary(lines), pValue };
}

/** Each window's stored drift, reduced to what the charts over time draw (windows in the order given). */
export function driftHistory(windows: readonly WindowSummary[], contents: ReadonlyMap<string, SnapshotContent>): DriftHistoryPoint[] {
  const out: DriftHistoryPoint[] = [];
  for (const w of windows) {
    const drift = contents.get(w.snapshotId)?.drift;
    if (!drift) continue;
    out.push({
      snapshotId: w.snapshotId,
      windowId: w.windowId,
      windowLabel: w.windowLabel,
      isReference: w.isReference,
      judgeable: drift.judgeable ?? true,
      numberOfColumns: drift.numberOfColumns,
      numberOfDriftedColumns: drift.numberOfDriftedColumns,
      shareOfDriftedColumns: drift.shareOfDriftedColumns,
      driftShare: drift.driftShare,
      columns: drift.columns.map((c) => ({ column: c.column, method: c.method, score: c.score, threshold: c.threshold, drifted: c.drifted, isOutput: c.isOutput })),
    });
  }
  return out;
}
