"use client";
// Threshold and cost (yes/no models with labelled example rows): the sample is scored once in one batch; a slider
// moves the cut-off and the counts, precision, recall and the cost of mistakes follow, overall and per group.
import { useEffect, useId, useMemo, useState } from "react";
import { DataTable, type TableData } from "@/components/charts";
import { inputClass } from "@/components/ui/field";
import {
  WHATIF_ANALYSIS_LABELS,
  WHATIF_ANALYSIS_WORDS,
  cheapestThresholdSentence,
  countOf,
  groupWords,
  thresholdSliderLabel,
  formatAmount,
  formatCount,
  formatPercent,
  mistakeCostSentence,
  precisionRecallSentence,
  rawScoreThresholdNote,
  thresholdCountsSentence,
  thresholdRowsSentence,
} from "@/lib/narrative";
import { casesToColumns } from "@/lib/what-if/batch";
import { cheapestThreshold, thresholdReport } from "@/lib/what-if/threshold-cost";
import { parseNumber } from "./case-model";
import type { AnalysisContext } from "./analysis-context";

export function ThresholdPanel({ context }: { context: AnalysisContext }) {
  const { setup } = context;
  // A raw score with a declared cut-off: a slider in chances (0 to 1) would be wrong, and the cut-off lives on the version.
  if (setup.rawScore) {
    return (
      <p className="text-sm text-slate-700" data-testid="whatif-threshold-raw-score">
        {rawScoreThresholdNote(setup.decisionThreshold ?? 0, setup.positiveLabel)}
      </p>
    );
  }
  if (!setup.sample) return <p className="text-sm text-slate-700">{WHATIF_ANALYSIS_WORDS.thresholdNoRows}</p>;
  if (!setup.sample.outcomes) return <p className="text-sm text-slate-700">{WHATIF_ANALYSIS_WORDS.thresholdNoOutcomes}</p>;
  return <ThresholdBody context={context} outcomes={setup.sample.outcomes} rows={setup.sample.rows} />;
}

function ThresholdBody({ context, outcomes, rows }: { context: AnalysisContext; outcomes: (boolean | null)[]; rows: NonNullable<AnalysisContext["setup"]["sample"]>["rows"] }) {
  const { setup, scoreBatch } = context;
  const id = useId();
  const policy = setup.decisionThreshold ?? 0.5;
  const [threshold, setThreshold] = useState(policy);
  const [fpText, setFpText] = useState("1");
  const [fnText, setFnText] = useState("1");
  const [scores, setScores] = useState<Float64Array | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    scoreBatch(casesToColumns(setup.features, rows))
      .then((answer) => {
        if (live) setScores(answer.outputs.score);
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, [scoreBatch, setup.features, rows]);

  const costs = useMemo(() => ({ falsePositive: Math.max(0, parseNumber(fpText) ?? 0), falseNegative: Math.max(0, parseNumber(fnText) ?? 0) }), [fpText, fnText]);
  const groups = setup.sample?.groups;
  const report = useMemo(() => (scores ? thresholdReport(scores, outcomes, threshold, costs, groups ?? []) : null), [scores, outcomes, threshold, costs, groups]);
  const cheapest = useMemo(() => (scores ? cheapestThreshold(scores, outcomes, costs) : null), [scores, outcomes, costs]);

  if (error) return <p className="text-sm text-red-800">{error}</p>;
  if (!report || !cheapest) return <p className="text-sm text-slate-600">{WHATIF_ANALYSIS_WORDS.pdpWorking}</p>;
  const o = report.overall;
  const pct = (v: number | null) => (v === null ? "—" : { text: formatPercent(v), value: v });
  const groupTable: TableData = {
    columns: [
      { label: WHATIF_ANALYSIS_LABELS.group },
      { label: WHATIF_ANALYSIS_LABELS.rows, numeric: true },
      { label: WHATIF_ANALYSIS_LABELS.found, numeric: true },
      { label: WHATIF_ANALYSIS_LABELS.falseAlarms, numeric: true },
      { label: WHATIF_ANALYSIS_LABELS.misses, numeric: true },
      { label: WHATIF_ANALYSIS_LABELS.precision, numeric: true },
      { label: WHATIF_ANALYSIS_LABELS.recall, numeric: true },
      { label: WHATIF_ANALYSIS_LABELS.cost, numeric: true },
    ],
    rows: report.groups.map((g) => [
      groupWords(g.column, g.group),
      { text: formatCount(g.rows), value: g.rows },
      { text: countOf(g.tp, g.tp + g.fn), value: g.tp },
      { text: formatCount(g.fp), value: g.fp },
      { text: formatCount(g.fn), value: g.fn },
      pct(g.precision),
      pct(g.recall),
      { text: formatAmount(g.cost), value: g.cost },
    ]),
    rowKeys: report.groups.map((g) => `${g.column}=${g.group}`),
  };

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{thresholdRowsSentence(o.rows)}</p>
      <div className="max-w-xl">
        <label htmlFor={`${id}-t`} className="block text-sm font-medium text-slate-800">
          {thresholdSliderLabel(threshold)}
        </label>
        <input
          id={`${id}-t`}
          type="range"
          min={0}
          max={1}
          step={0.01}
          value={threshold}
          onChange={(e) => setThreshold(Number(e.target.value))}
          aria-valuetext={formatPercent(threshold)}
          className="mt-2 w-full accent-sky-700"
          data-testid="whatif-threshold"
        />
      </div>
      <div className="grid max-w-xl grid-cols-1 gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-fp`} className="block text-sm font-medium text-slate-800">
            {WHATIF_ANALYSIS_WORDS.thresholdCostFalsePositive}
          </label>
          <input id={`${id}-fp`} type="number" min={0} step="any" inputMode="decimal" className={`mt-1 ${inputClass}`} value={fpText} onChange={(e) => setFpText(e.target.value)} aria-describedby={`${id}-cost-hint`} data-testid="whatif-cost-fp" />
        </div>
        <div>
          <label htmlFor={`${id}-fn`} className="block text-sm font-medium text-slate-800">
            {WHATIF_ANALYSIS_WORDS.thresholdCostFalseNegative}
          </label>
          <input id={`${id}-fn`} type="number" min={0} step="any" inputMode="decimal" className={`mt-1 ${inputClass}`} value={fnText} onChange={(e) => setFnText(e.target.value)} aria-describedby={`${id}-cost-hint`} data-testid="whatif-cost-fn" />
        </div>
        <p id={`${id}-cost-hint`} className="text-xs text-slate-600 sm:col-span-2">
          {WHATIF_ANALYSIS_WORDS.thresholdCostHint}
        </p>
      </div>
      <div aria-live="polite" className="space-y-1 text-sm text-slate-800" data-testid="whatif-threshold-result" data-tp={o.tp} data-fp={o.fp} data-tn={o.tn} data-fn={o.fn}>
        <p data-testid="whatif-threshold-counts">{thresholdCountsSentence(threshold, o)}</p>
        <p>{precisionRecallSentence(o.precision, o.recall)}</p>
        <p>{mistakeCostSentence(o.cost, o, costs.falsePositive, costs.falseNegative)}</p>
      </div>
      <p className="text-sm text-slate-700">{cheapestThresholdSentence(cheapest.threshold, cheapest.cost, policy)}</p>
      <p className="text-xs text-slate-600">{WHATIF_ANALYSIS_WORDS.thresholdNothingStored}</p>
      {report.groups.length > 0 ? <DataTable title={WHATIF_ANALYSIS_WORDS.thresholdGroupsTitle} table={groupTable} headingLevel={4} testId="whatif-threshold-groups" minWidth="40rem" /> : null}
    </div>
  );
}
