"use client";
// The smallest change to up to three marked inputs that changes the model's answer, searched in a few batched
// worker calls (lib/what-if/counterfactual.ts), said in one sentence with a button that applies it.
import { useId, useState } from "react";
import { inputClass } from "@/components/ui/field";
import type { WhatIfValue } from "@/lib/contracts/what-if";
import { WHATIF_ANALYSIS_LABELS, WHATIF_ANALYSIS_WORDS, counterfactualSentence, searchTimeSentence, type CounterfactualOutcome } from "@/lib/narrative";
import { casesToColumns, type BatchOutputs } from "@/lib/what-if/batch";
import { COUNTERFACTUAL_MAX_FEATURES, reachesGoal, searchCounterfactual, type ChangeableInput, type CounterfactualGoal } from "@/lib/what-if/counterfactual";
import { distanceColumns } from "@/lib/what-if/distance";
import { parseNumber } from "./case-model";
import type { AnalysisContext } from "./analysis-context";

type Outcome =
  | { kind: "found"; sentence: string; changes: { index: number; value: WhatIfValue }[]; ms: number; calls: number; rows: number }
  | { kind: "none"; ms: number; calls: number; rows: number }
  | { kind: "problem"; text: string };

function outcomeOf(setup: AnalysisContext["setup"], goal: CounterfactualGoal, outputs: BatchOutputs): CounterfactualOutcome {
  if (goal.task === "binary") return { task: "binary", yes: !goal.baseYes, positiveLabel: setup.positiveLabel };
  if (goal.task === "multiclass") return { task: "multiclass", label: outputs.labels?.[0] ?? "", was: goal.baseLabel };
  return { task: "regression", value: outputs.value?.[0] ?? Number.NaN, was: Number.NaN };
}

export function CounterfactualPanel({ context }: { context: AnalysisContext }) {
  const { setup, scoreBatch } = context;
  const id = useId();
  const [marked, setMarked] = useState<number[]>([]);
  const [target, setTarget] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const candidates = setup.features.flatMap((f, i) => (f.kind === "free" ? [] : [i]));

  const toggle = (index: number, on: boolean) => setMarked((old) => (on ? [...old.filter((i) => i !== index), index].slice(0, COUNTERFACTUAL_MAX_FEATURES) : old.filter((i) => i !== index)));

  async function find() {
    if (marked.length === 0) {
      setOutcome({ kind: "problem", text: WHATIF_ANALYSIS_WORDS.counterfactualPickOne });
      return;
    }
    const targetNumber = parseNumber(target);
    if (setup.task === "regression" && targetNumber === null) {
      setOutcome({ kind: "problem", text: WHATIF_ANALYSIS_WORDS.counterfactualNeedTarget });
      return;
    }
    setBusy(true);
    const start = performance.now();
    try {
      const base = context.values.slice();
      const baseAnswer = (await scoreBatch(casesToColumns(setup.features, [base]))).outputs;
      let goal: CounterfactualGoal;
      if (setup.task === "binary") goal = { task: "binary", threshold: setup.decisionThreshold ?? 0.5, baseYes: (baseAnswer.score?.[0] ?? 0) >= (setup.decisionThreshold ?? 0.5) };
      else if (setup.task === "multiclass") goal = { task: "multiclass", baseLabel: baseAnswer.labels?.[0] ?? "" };
      else goal = { task: "regression", target: targetNumber!, upward: (baseAnswer.value?.[0] ?? 0) < targetNumber! };
      const changeable: ChangeableInput[] = marked.flatMap((index): ChangeableInput[] => {
        const f = setup.features[index]!;
        if (f.kind === "numeric") return [{ index, kind: "numeric", low: f.p01, high: f.p99, integer: f.integer }];
        if (f.kind === "categorical") return [{ index, kind: "categorical", values: f.categories.map((c) => c.value) }];
        return [];
      });
      const result = await searchCounterfactual({
        base,
        changeable,
        columns: distanceColumns(setup.features),
        evaluate: async (cases) => {
          const answer = await scoreBatch(casesToColumns(setup.features, cases));
          return cases.map((_, r) => reachesGoal(goal, answer.outputs, r));
        },
      });
      if (!result.found) {
        setOutcome({ kind: "none", ms: performance.now() - start, calls: result.calls + 1, rows: result.rows + 1 });
        return;
      }
      const after = (await scoreBatch(casesToColumns(setup.features, [result.found.values]))).outputs;
      const said = outcomeOf(setup, goal, after);
      const words = said.task === "regression" ? { ...said, was: baseAnswer.value?.[0] ?? Number.NaN } : said;
      const sentence = counterfactualSentence(
        result.found.changes.map((c) => ({ feature: setup.features[c.index]!.name, from: c.from, to: c.to })),
        words,
      );
      setOutcome({
        kind: "found",
        sentence,
        changes: result.found.changes.map((c) => ({ index: c.index, value: c.to })),
        ms: performance.now() - start,
        calls: result.calls + 2,
        rows: result.rows + 2,
      });
    } catch (e) {
      setOutcome({ kind: "problem", text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      <p className="max-w-2xl text-sm text-slate-700">{WHATIF_ANALYSIS_WORDS.counterfactualLead}</p>
      <fieldset className="min-w-0">
        <legend className="text-sm font-medium text-slate-800">{WHATIF_ANALYSIS_LABELS.changeable}</legend>
        <div className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
          {candidates.map((i) => {
            const on = marked.includes(i);
            const full = !on && marked.length >= COUNTERFACTUAL_MAX_FEATURES;
            return (
              <div key={i} className="flex min-w-0 items-center gap-2">
                <input
                  id={`${id}-m${i}`}
                  type="checkbox"
                  className="h-4 w-4 shrink-0"
                  checked={on}
                  disabled={full}
                  onChange={(e) => toggle(i, e.target.checked)}
                  data-changeable={setup.features[i]!.name}
                />
                <label htmlFor={`${id}-m${i}`} className={`min-w-0 break-words text-sm ${full ? "text-slate-500" : "text-slate-800"}`}>
                  {setup.features[i]!.name}
                </label>
              </div>
            );
          })}
        </div>
        {marked.length >= COUNTERFACTUAL_MAX_FEATURES ? <p className="mt-1 text-xs text-slate-600">{WHATIF_ANALYSIS_WORDS.counterfactualTooMany}</p> : null}
      </fieldset>
      {setup.task === "regression" ? (
        <div className="max-w-xs">
          <label htmlFor={`${id}-target`} className="block text-sm font-medium text-slate-800">
            {WHATIF_ANALYSIS_WORDS.counterfactualTarget}
          </label>
          <input id={`${id}-target`} type="number" inputMode="decimal" step="any" className={`mt-1 ${inputClass}`} value={target} onChange={(e) => setTarget(e.target.value)} data-testid="whatif-counterfactual-target" />
        </div>
      ) : null}
      <button
        type="button"
        onClick={() => void find()}
        disabled={busy}
        className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        data-testid="whatif-counterfactual-find"
      >
        {busy ? WHATIF_ANALYSIS_LABELS.searching : WHATIF_ANALYSIS_WORDS.counterfactualFind}
      </button>
      <div aria-live="polite" data-testid="whatif-counterfactual" data-ms={outcome && outcome.kind !== "problem" ? outcome.ms.toFixed(2) : undefined} data-outcome={outcome?.kind}>
        {outcome?.kind === "found" ? (
          <div className="space-y-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2">
            <p className="text-sm font-medium text-slate-900" data-testid="whatif-counterfactual-sentence">
              {outcome.sentence}
            </p>
            <button
              type="button"
              onClick={() => context.applyValues(outcome.changes)}
              className="rounded-md border border-sky-700 bg-white px-3 py-1.5 text-sm font-medium text-sky-800 hover:bg-sky-100"
              data-testid="whatif-counterfactual-apply"
            >
              {WHATIF_ANALYSIS_WORDS.counterfactualApply}
            </button>
            <p className="text-xs text-slate-600">{searchTimeSentence(outcome.ms, outcome.calls, outcome.rows)}</p>
          </div>
        ) : outcome?.kind === "none" ? (
          <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
            <p className="text-sm font-medium text-slate-900">{WHATIF_ANALYSIS_WORDS.counterfactualNone}</p>
            <p className="text-sm text-slate-700">{WHATIF_ANALYSIS_WORDS.counterfactualNoneDetail}</p>
            <p className="text-xs text-slate-600">{searchTimeSentence(outcome.ms, outcome.calls, outcome.rows)}</p>
          </div>
        ) : outcome?.kind === "problem" ? (
          <p className="text-sm text-red-800">{outcome.text}</p>
        ) : null}
      </div>
    </div>
  );
}
