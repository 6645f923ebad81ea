"use client";
// Partial dependence with ICE lines: one input swept over 50 values for up to 200 example rows and this case, in
// one batched worker call; drawn through the project's chart wrapper (average bold, rows thin, this case dashed).
import { useEffect, useId, useState } from "react";
import { Chart, type ChartSpec, type TableCell, type TableData } from "@/components/charts";
import { inputClass } from "@/components/ui/field";
import type { WhatIfFeature, WhatIfValue } from "@/lib/contracts/what-if";
import { WHATIF_ANALYSIS_LABELS, WHATIF_ANALYSIS_WORDS, answerAxisLabel, formatAmount, formatPercent, pdpChartTitle, pdpSummary, sweepTimeSentence } from "@/lib/narrative";
import { casesToColumns, curveValue } from "@/lib/what-if/batch";
import { featureGrid } from "@/lib/what-if/grid";
import { averageLine, iceLines, lineRange, linesToDraw, pdpCases, pdpRows } from "@/lib/what-if/partial-dependence";
import type { AnalysisContext } from "./analysis-context";

interface Sweep {
  feature: WhatIfFeature;
  grid: (number | string)[];
  /** sample row numbers (1-based, as the "Start from" list names them) of the swept rows */
  rowNumbers: number[];
  rowLines: (number | null)[][];
  caseLine: (number | null)[];
  average: (number | null)[];
  ms: number;
  className: string | null;
}

function sweepable(features: readonly WhatIfFeature[]): number[] {
  return features.flatMap((f, i) => (f.kind === "free" || featureGrid(f).length < 2 ? [] : [i]));
}

/** Sweeps input `index` for `values` (this case) and up to 200 example rows, in one batch. */
async function computeSweep({ setup, scoreBatch }: Pick<AnalysisContext, "setup" | "scoreBatch">, index: number, values: WhatIfValue[], label: string | null): Promise<Sweep> {
  const feature = setup.features[index]!;
  const start = performance.now();
  const grid = featureGrid(feature);
  const sampleIndexes = pdpRows((setup.sample?.rows ?? []).map((_, i) => i));
  const bases: WhatIfValue[][] = [values, ...sampleIndexes.map((i) => setup.sample!.rows[i]!)];
  const cases = pdpCases(bases, index, grid);
  const answer = await scoreBatch(casesToColumns(setup.features, cases));
  const className = setup.task === "multiclass" ? (label ?? answer.outputs.labels?.[0] ?? null) : null;
  const lines = iceLines(
    cases.map((_, r) => curveValue(answer.outputs, r, setup.task, className)),
    bases.length,
    grid.length,
  );
  const rowLines = lines.slice(1);
  return {
    feature,
    grid,
    rowNumbers: sampleIndexes.map((i) => i + 1),
    rowLines,
    caseLine: lines[0] ?? [],
    average: rowLines.length > 0 ? averageLine(rowLines) : (lines[0] ?? []),
    ms: performance.now() - start,
    className,
  };
}

interface SweepRequest {
  featureIndex: number;
  /** the case when the sweep was asked for; later edits wait for "Draw again" */
  values: WhatIfValue[];
  label: string | null;
}

export function PdpPanel({ context }: { context: AnalysisContext }) {
  const { setup, scoreBatch } = context;
  const id = useId();
  const choices = sweepable(setup.features);
  const [request, setRequest] = useState<SweepRequest>(() => ({
    featureIndex: choices.find((i) => setup.features[i]?.kind === "numeric") ?? choices[0] ?? -1,
    values: context.values,
    label: context.prediction?.label ?? null,
  }));
  const [answered, setAnswered] = useState<{ request: SweepRequest; sweep: Sweep | null; error: string | null } | null>(null);
  const featureIndex = request.featureIndex;
  const busy = answered?.request !== request;
  const sweep = answered?.sweep ?? null;
  const error = answered?.request === request ? answered.error : null;

  useEffect(() => {
    if (request.featureIndex < 0) return;
    let live = true;
    computeSweep({ setup, scoreBatch }, request.featureIndex, request.values, request.label)
      .then((result) => {
        if (live) setAnswered({ request, sweep: result, error: null });
      })
      .catch((e: unknown) => {
        if (live) setAnswered({ request, sweep: null, error: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      live = false;
    };
    // The sweep follows the request (and the case it holds), not every edit of the case.
  }, [request, setup, scoreBatch]);

  const ask = (index: number) => setRequest({ featureIndex: index, values: context.values, label: context.prediction?.label ?? null });

  if (featureIndex < 0) return <p className="text-sm text-slate-600">{WHATIF_ANALYSIS_WORDS.pdpWorking}</p>;
  return (
    <div className="space-y-3">
      <p className="max-w-2xl text-sm text-slate-700">{WHATIF_ANALYSIS_WORDS.pdpLead}</p>
      {setup.rowsWithheld ? <p className="text-sm text-slate-600">{WHATIF_ANALYSIS_WORDS.pdpNoRows}</p> : null}
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0">
          <label htmlFor={`${id}-feature`} className="block text-sm font-medium text-slate-800">
            {WHATIF_ANALYSIS_LABELS.input}
          </label>
          <select id={`${id}-feature`} className={`mt-1 ${inputClass}`} value={featureIndex} onChange={(e) => ask(Number(e.target.value))} data-testid="whatif-pdp-feature">
            {choices.map((i) => (
              <option key={i} value={i}>
                {setup.features[i]!.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => ask(featureIndex)} disabled={busy} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60">
          {WHATIF_ANALYSIS_WORDS.pdpDrawAgain}
        </button>
      </div>
      {error ? <p className="text-sm text-red-800">{error}</p> : null}
      <div aria-busy={busy} data-testid="whatif-pdp" data-ms={sweep ? sweep.ms.toFixed(2) : undefined} data-rows={sweep ? String(sweep.grid.length * (sweep.rowLines.length + 1)) : undefined}>
        {sweep ? <SweepChart sweep={sweep} context={context} /> : <p className="text-sm text-slate-600">{WHATIF_ANALYSIS_WORDS.pdpWorking}</p>}
      </div>
    </div>
  );
}

function SweepChart({ sweep, context }: { sweep: Sweep; context: AnalysisContext }) {
  const { setup } = context;
  // A yes/no version declared a raw score: its answers are scores, not chances (no percent axis).
  const percent = setup.task !== "regression" && !setup.rawScore;
  const show = (v: number | null): TableCell => (v === null ? "—" : { text: percent ? formatPercent(v) : formatAmount(v), value: v });
  const numeric = sweep.feature.kind === "numeric";
  const drawn = linesToDraw(sweep.rowLines);
  const points = (line: readonly (number | null)[]) => sweep.grid.map((x, g) => ({ x, y: line[g] ?? null }));
  const hasRows = sweep.rowLines.length > 0;
  const series: Extract<ChartSpec, { kind: "line" }>["series"] = [
    ...drawn.map((i) => ({ name: WHATIF_ANALYSIS_LABELS.row(sweep.rowNumbers[i]!), points: points(sweep.rowLines[i]!), thin: true })),
    ...(hasRows ? [{ name: WHATIF_ANALYSIS_LABELS.average, points: points(sweep.average) }] : []),
    { name: WHATIF_ANALYSIS_LABELS.thisCase, points: points(sweep.caseLine), dashed: hasRows },
  ];
  const answer = answerAxisLabel(setup.task, setup.positiveLabel, sweep.className, setup.rawScore === true);
  const spec: ChartSpec = {
    kind: "line",
    xType: numeric ? "number" : "category",
    xAxis: { label: sweep.feature.name, ...(numeric ? { domain: [sweep.grid[0] as number, sweep.grid[sweep.grid.length - 1] as number] } : {}) },
    yAxis: percent ? { label: answer, ticks: "percent", domain: [0, 1] } : { label: answer },
    series,
    dots: !numeric,
  };
  const followed = hasRows ? sweep.average : sweep.caseLine;
  const range = lineRange(followed);
  const summary = range
    ? pdpSummary({
        feature: sweep.feature.name,
        answer,
        percent,
        low: { value: range.min, at: sweep.grid[range.minAt]! },
        high: { value: range.max, at: sweep.grid[range.maxAt]! },
        rows: sweep.rowLines.length,
        drawn: drawn.length,
      })
    : WHATIF_ANALYSIS_WORDS.pdpWorking;
  const lowest = sweep.grid.map((_, g) => Math.min(...sweep.rowLines.map((l) => l[g] ?? Number.POSITIVE_INFINITY)));
  const highest = sweep.grid.map((_, g) => Math.max(...sweep.rowLines.map((l) => l[g] ?? Number.NEGATIVE_INFINITY)));
  const table: TableData = {
    columns: [
      { label: sweep.feature.name },
      ...(hasRows ? [{ label: WHATIF_ANALYSIS_LABELS.average, numeric: true }] : []),
      { label: WHATIF_ANALYSIS_LABELS.thisCase, numeric: true },
      ...(hasRows ? [{ label: WHATIF_ANALYSIS_LABELS.lowestRow, numeric: true }, { label: WHATIF_ANALYSIS_LABELS.highestRow, numeric: true }] : []),
    ],
    rows: sweep.grid.map((x, g) => [
      typeof x === "number" ? { text: String(x), value: x } : x,
      ...(hasRows ? [show(sweep.average[g] ?? null)] : []),
      show(sweep.caseLine[g] ?? null),
      ...(hasRows ? [show(Number.isFinite(lowest[g]!) ? lowest[g]! : null), show(Number.isFinite(highest[g]!) ? highest[g]! : null)] : []),
    ]),
    rowKeys: sweep.grid.map((x) => String(x)),
  };
  return (
    <div className="space-y-2">
      <Chart title={pdpChartTitle(answer, sweep.feature.name)} summary={summary} spec={spec} table={table} height={300} headingLevel={4} testId="whatif-pdp-chart" />
      <p className="text-xs text-slate-600">{sweepTimeSentence(sweep.grid.length, sweep.rowLines.length + 1, sweep.ms)}</p>
    </div>
  );
}
