// What the fairness and slices page draws, built on the server from the stored slices section: per-group rows with
// intervals, the disparity chart with the tolerance band, and the CSV. Numbers are formatted at the precision the
// page shows. No React, no I/O.
import type { ChartSpec, TableData } from "@/lib/contracts/chart";
import type { SliceColumn, SliceGroup, SliceMetric, SlicesSection, Task } from "@/lib/contracts/snapshot-types";
import {
  SLICE_RATE_LABELS,
  disparityAxisLabel,
  disparityChartSummary,
  formatAmount,
  formatCount,
  formatPercent,
  formatRatio,
  groupDisparityWords,
  otherSliceLabel,
  sliceGroupVerdict,
  sliceRateKeys,
  tooFewRowsWords,
  type GroupState,
} from "@/lib/narrative";

type RateKey = ReturnType<typeof sliceRateKeys>[number];

export interface RateCell {
  /** "60.9%" */
  value: string;
  /** "56.1% to 65.5%"; null without an interval */
  range: string | null;
  /** the rate's denominator, for "too few rows" */
  judgeable: boolean;
}

export interface GroupRowView {
  group: string;
  rows: string;
  share: string;
  rates: (RateCell | null)[];
  /** "0.91"; null for the reference group or without a gap */
  disparity: string | null;
  disparityRange: string | null;
  state: GroupState;
  /** how the verdict is coloured: a fairness gap is red (outside) or amber (may be chance); other slices stay neutral */
  tone: "bad" | "warn" | "good" | "neutral";
  verdict: string;
  /** why there is no verdict ("Too few rows to judge: 12 applicants ...") */
  note: string | null;
}

export interface SliceView {
  name: string;
  kind: SliceColumn["kind"];
  referenceGroup: string | null;
  rateHeaders: { key: RateKey; label: string; unit?: string }[];
  rows: GroupRowView[];
  csv: TableData;
  chart: { spec: ChartSpec; table: TableData; summary: string } | null;
}

function toneOf(state: GroupState, kind: SliceColumn["kind"]): GroupRowView["tone"] {
  if (state === "inside") return "good";
  if (state !== "outside" && state !== "chance") return "neutral";
  if (kind === "other") return "neutral";
  return state === "outside" ? "bad" : "warn";
}

function formatRate(key: RateKey, value: number, against: readonly number[] = []): string {
  return key === "mae" || key === "meanPrediction" ? formatAmount(value, undefined, against) : formatPercent(value, against);
}

function rateCell(group: SliceGroup, key: RateKey): RateCell | null {
  const rate = group[key];
  if (!rate || rate.value === null) return null;
  return {
    value: formatRate(key, rate.value),
    range: rate.lower !== null && rate.upper !== null ? `${formatRate(key, rate.lower, [rate.value])} to ${formatRate(key, rate.upper, [rate.value])}` : null,
    judgeable: rate.judgeable,
  };
}

/** Everything the page shows for one slice column. `targetName` names the unit of an error ("count"). */
export function sliceView(column: SliceColumn, slices: SlicesSection, task: Task, rowNoun: string, targetName: string | null): SliceView {
  const metric: SliceMetric = slices.metric;
  const tau = slices.tolerance;
  const band = [tau, 1 / tau, 1];
  const keys = sliceRateKeys(task, metric).filter((k) => column.groups.some((g) => g[k] !== undefined));
  const unitOf = (k: RateKey) => (k === "mae" || k === "meanPrediction" ? (targetName ?? "the target's unit") : "%");
  const rateHeaders = keys.map((key) => ({ key, label: SLICE_RATE_LABELS[key].label, unit: unitOf(key) }));
  const verdicts = new Map(column.groups.map((g) => [g.group, sliceGroupVerdict(column, g, metric, tau)]));

  const rows: GroupRowView[] = column.groups.map((g) => {
    const v = verdicts.get(g.group)!;
    const showGap = v.state !== "reference" && v.state !== "tooFew" && g.disparity !== null && Number.isFinite(g.disparity);
    return {
      group: g.group,
      rows: formatCount(g.rows),
      share: formatPercent(g.share),
      rates: keys.map((k) => rateCell(g, k)),
      disparity: showGap ? formatRatio(g.disparity as number, band) : v.state === "reference" ? "1" : null,
      disparityRange: showGap && v.interval ? `${formatRatio(v.interval.lower, band)} to ${formatRatio(v.interval.upper, band)}` : null,
      state: v.state,
      tone: toneOf(v.state, column.kind),
      verdict:
        column.kind === "other" && (v.state === "outside" || v.state === "chance") && g.disparity !== null ? otherSliceLabel(metric, g.disparity, v.state === "chance") : v.label,
      note: v.state === "tooFew" ? tooFewRowsWords(g, metric, slices, rowNoun) : null,
    };
  });

  const csv: TableData = {
    columns: [
      { label: "Group" },
      { label: "Rows", numeric: true },
      { label: "Share of rows", numeric: true },
      ...keys.flatMap((k) => [
        { label: SLICE_RATE_LABELS[k].label, unit: unitOf(k), numeric: true },
        { label: `${SLICE_RATE_LABELS[k].label}, 95% low`, numeric: true },
        { label: `${SLICE_RATE_LABELS[k].label}, 95% high`, numeric: true },
        { label: `${SLICE_RATE_LABELS[k].label}, rows counted`, numeric: true },
      ]),
      { label: `Times the reference group (${column.referenceGroup ?? "none"})`, numeric: true },
      { label: "Verdict" },
    ],
    rows: column.groups.map((g, i) => [
      g.group,
      g.rows,
      g.share,
      ...keys.flatMap((k) => {
        const r = g[k];
        return [r?.value ?? null, r?.lower ?? null, r?.upper ?? null, r?.denominator ?? null];
      }),
      g.disparity,
      rows[i]!.verdict,
    ]),
    rowKeys: column.groups.map((g) => g.group),
  };

  return { name: column.name, kind: column.kind, referenceGroup: column.referenceGroup, rateHeaders, rows, csv, chart: disparityChart(column, slices, verdicts) };
}

function disparityChart(column: SliceColumn, slices: SlicesSection, verdicts: Map<string, ReturnType<typeof sliceGroupVerdict>>): SliceView["chart"] {
  if (column.referenceGroup === null) return null;
  const tau = slices.tolerance;
  const band = [tau, 1 / tau, 1];
  const shown = column.groups.filter((g) => {
    const v = verdicts.get(g.group)!;
    return v.state !== "tooFew" && v.state !== "noGap" && g.disparity !== null && Number.isFinite(g.disparity);
  });
  if (shown.length < 2) return null;
  const low = Math.min(tau, 1 / tau);
  const high = Math.max(tau, 1 / tau);
  const top = Math.max(high * 1.1, ...shown.map((g) => Math.min(verdicts.get(g.group)!.interval?.upper ?? (g.disparity as number), 10)));
  const spec: ChartSpec = {
    kind: "bar",
    horizontal: true,
    categories: shown.map((g) => g.group),
    xAxis: { label: "Group" },
    yAxis: { label: disparityAxisLabel(column.referenceGroup), domain: [0, Math.ceil(top * 4) / 4] },
    series: [
      {
        name: "Times the reference group",
        values: shown.map((g) => g.disparity as number),
        lower: shown.map((g) => verdicts.get(g.group)!.interval?.lower ?? null),
        upper: shown.map((g) => verdicts.get(g.group)!.interval?.upper ?? null),
      },
    ],
    referenceBand: { from: low, to: high, label: `band ${formatRatio(low)} to ${formatRatio(high)}` },
    referenceLines: [{ y: 1, label: column.referenceGroup }],
  };
  const table: TableData = {
    columns: [{ label: "Group" }, { label: "Times the reference group", numeric: true }, { label: "95% low", numeric: true }, { label: "95% high", numeric: true }, { label: "Verdict" }],
    rows: shown.map((g) => {
      const v = verdicts.get(g.group)!;
      return [
        g.group,
        { text: formatRatio(g.disparity as number, band), value: g.disparity },
        v.interval ? { text: formatRatio(v.interval.lower, band), value: v.interval.lower } : null,
        v.interval ? { text: formatRatio(v.interval.upper, band), value: v.interval.upper } : null,
        groupDisparityWords(g, v, tau),
      ];
    }),
    rowKeys: shown.map((g) => g.group),
  };
  return { spec, table, summary: disparityChartSummary({ column, metric: slices.metric, tolerance: tau }) };
}
