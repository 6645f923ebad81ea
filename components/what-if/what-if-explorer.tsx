"use client";
// The what-if page's client half: the case editor and the model's live answer. The case stays in this page and
// its worker; nothing about it is sent to the server.
import { useCallback, useEffect, useId, useMemo, useState } from "react";
import type { WhatIfFeature, WhatIfSetup, WhatIfValue } from "@/lib/contracts/what-if";
import {
  WHATIF_LABELS,
  WHATIF_WORDS,
  backendLabel,
  binaryPredictionSentence,
  callTimeSentence,
  classPredictionSentence,
  numberPredictionSentence,
  offGpuSentence,
  rawScorePredictionSentence,
  unusualCaseWarning,
  WHATIF_ANALYSIS_WORDS,
} from "@/lib/narrative";
import { unusualCase, unusualCaseReference } from "@/lib/what-if/distance";
import { inputClass } from "@/components/ui/field";
import type { AnalysisContext } from "./analysis-context";
import { AnalysisPanel } from "./analysis-panel";
import { caseValues, caseWarnings, columnsOf, medianCase, rangeTexts, rowCase, shareText, valueText } from "./case-model";
import { CounterfactualPanel } from "./counterfactual-panel";
import { PdpPanel } from "./pdp-panel";
import { RunningCostPanel } from "./running-cost-panel";
import { SampleAnswersPanel } from "./sample-answers-panel";
import { ThresholdPanel } from "./threshold-panel";
import { useWhatIfWorker, type PredictionState } from "./use-what-if-worker";

function answerOf(setup: WhatIfSetup, result: PredictionState): { headline: string; detail: string } | null {
  const p = result.prediction;
  if (setup.task === "binary" && p.score !== null && setup.rawScore) return rawScorePredictionSentence(p.score, setup.decisionThreshold ?? 0, setup.positiveLabel);
  if (setup.task === "binary" && p.score !== null) return binaryPredictionSentence(p.score, setup.decisionThreshold ?? 0.5, setup.positiveLabel);
  if (setup.task === "regression" && p.value !== null) return numberPredictionSentence(p.value, setup.unit ?? undefined, setup.outcomeColumn);
  if (p.label !== null) return classPredictionSentence(p.label, p.labelProbability);
  return null;
}

/** `threads`: the WASM thread count to ask for (the benchmark's one-thread run); the runtime's default otherwise. */
export function WhatIfExplorer({ setup, threads }: { setup: WhatIfSetup; threads?: number }) {
  const [texts, setTexts] = useState<string[]>(() => medianCase(setup.features));
  const [start, setStart] = useState("median");
  const [preferWasm, setPreferWasm] = useState(false);
  const { state, result, error, predict, scoreBatch, readTimings } = useWhatIfWorker(setup.modelUrl, setup.prepareOptions, preferWasm, threads);
  const warnings = useMemo(() => caseWarnings(setup.features, texts), [setup.features, texts]);
  const values = useMemo(() => caseValues(setup.features, texts), [setup.features, texts]);
  // The unusual-case flag: prepared once per sample (its leave-one-out distances), then one pass per edit.
  const unusualReference = useMemo(() => (setup.sample ? unusualCaseReference(setup.features, setup.sample.rows) : null), [setup.features, setup.sample]);
  const unusual = useMemo(() => (unusualReference ? unusualCase(values, unusualReference) : null), [unusualReference, values]);
  const baseId = useId();

  useEffect(() => {
    if (state.status === "ready") predict(columnsOf(setup.features, texts));
  }, [state.status, texts, predict, setup.features]);

  const chooseStart = (value: string) => {
    setStart(value);
    if (value === "median") setTexts(medianCase(setup.features));
    else {
      const row = setup.sample?.rows[Number(value)];
      if (row) setTexts(rowCase(row));
    }
  };
  const setText = (index: number, value: string) => setTexts((old) => old.map((t, i) => (i === index ? value : t)));
  const applyValues = useCallback(
    (changes: { index: number; value: WhatIfValue }[]) => {
      setTexts((old) => old.map((t, i) => {
        const change = changes.find((c) => c.index === i);
        return change ? valueText(change.value) : t;
      }));
    },
    [],
  );
  const answer = result ? answerOf(setup, result) : null;
  const label = state.status === "ready" ? backendLabel(state.backend, state.threads, state.offGpu.length) : null;
  const ready = state.status === "ready";
  const context: AnalysisContext = { setup, values, prediction: result?.prediction ?? null, scoreBatch, readTimings, backendLabel: label, applyValues };

  return (
    <div className="space-y-4">
      {/* The answer card sticks beside the case only (its own grid), never over the panels below. */}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <section aria-labelledby={`${baseId}-case`} className="min-w-0 rounded-lg border border-slate-200 bg-white p-5 shadow-sm lg:col-span-2">
          <h3 id={`${baseId}-case`} className="font-semibold text-slate-900">
            {WHATIF_LABELS.caseHeading}
          </h3>
          <div className="mt-3">
            <label htmlFor={`${baseId}-start`} className="block text-sm font-medium text-slate-800">
              {WHATIF_LABELS.startFrom}
            </label>
            <select id={`${baseId}-start`} className={`mt-1 ${inputClass}`} value={start} onChange={(e) => chooseStart(e.target.value)} data-testid="whatif-start">
              <option value="median">{WHATIF_WORDS.medianCase}</option>
              {(setup.sample?.rows ?? []).map((_, i) => (
                <option key={i} value={String(i)}>
                  {WHATIF_WORDS.sampleRow(i + 1)}
                </option>
              ))}
            </select>
            {setup.rowsWithheld ? <p className="mt-1 text-xs text-slate-600">{WHATIF_WORDS.rowsWithheld}</p> : null}
            {!setup.hasReference ? <p className="mt-1 text-xs text-slate-600">{WHATIF_WORDS.noReference}</p> : null}
          </div>
          <div className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2">
            {setup.features.map((f, i) => (
              <FeatureInput key={f.name} id={`${baseId}-f${i}`} feature={f} text={texts[i] ?? ""} warned={warnings.some((w) => w.index === i)} onChange={(v) => setText(i, v)} />
            ))}
          </div>
        </section>
        <section aria-labelledby={`${baseId}-answer`} className="order-first min-w-0 self-start rounded-lg border border-slate-200 bg-white p-5 shadow-sm lg:sticky lg:top-4 lg:order-none">
          <h3 id={`${baseId}-answer`} className="font-semibold text-slate-900">
            {WHATIF_LABELS.predictionHeading}
          </h3>
          <div
            data-testid="whatif-prediction"
            data-score={result ? String(result.prediction.score ?? result.prediction.value ?? "") : undefined}
            data-result={result ? String(result.id) : undefined}
            aria-live="polite"
            aria-atomic="true"
            className="mt-2"
          >
            {state.status === "failed" ? (
              <p className="text-sm text-red-800">{WHATIF_WORDS.failed(state.message)}</p>
            ) : error ? (
              <p className="text-sm text-red-800">{WHATIF_WORDS.failed(error)}</p>
            ) : answer ? (
              <>
                <p className="text-2xl font-semibold text-slate-900" data-testid="whatif-headline">
                  {answer.headline}
                </p>
                <p className="mt-1 text-sm text-slate-700">{answer.detail}</p>
              </>
            ) : (
              <p className="text-sm text-slate-600">{WHATIF_WORDS.loading}</p>
            )}
          </div>
          {warnings.length > 0 ? (
            <div role="status" className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="whatif-warnings">
              <ul className="list-disc space-y-1 pl-4">
                {warnings.map((w) => (
                  <li key={w.index}>{w.text}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {unusual?.unusual && setup.sample ? (
            <div role="status" className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="whatif-unusual" data-distance={unusual.distance.toFixed(3)} data-threshold={unusual.threshold.toFixed(3)}>
              <p>{unusualCaseWarning(setup.sample.rows.length, unusual.differences.map((d) => setup.features[d.index]!.name))}</p>
            </div>
          ) : null}
          <p
            className="mt-3 text-xs text-slate-600"
            data-testid="whatif-backend"
            data-load-ms={state.status === "ready" ? state.loadMs.toFixed(1) : undefined}
            data-run-ms={result ? result.runMs.toFixed(4) : undefined}
            data-call-ms={result ? result.ms.toFixed(4) : undefined}
            data-off-gpu={state.status === "ready" ? state.offGpu.join(" ") : undefined}
          >
            {label ? (result ? callTimeSentence(label, result.ms) : label) : WHATIF_WORDS.loading}
          </p>
          {state.status === "ready" && state.offGpu.length > 0 ? <p className="mt-1 text-xs text-slate-600">{offGpuSentence(state.offGpu)}</p> : null}
          {state.status === "ready" && state.gpuProblem ? (
            <p className="mt-1 text-xs text-slate-600" data-testid="whatif-gpu-problem" title={state.gpuProblem}>
              {WHATIF_WORDS.gpuProblem}
            </p>
          ) : null}
          <div className="mt-3 flex items-start gap-2">
            <input id={`${baseId}-wasm`} type="checkbox" className="mt-0.5 h-4 w-4" checked={preferWasm} onChange={(e) => setPreferWasm(e.target.checked)} />
            <label htmlFor={`${baseId}-wasm`} className="text-xs text-slate-700">
              {WHATIF_WORDS.useWasm}
            </label>
          </div>
        </section>
      </div>
      {ready ? (
        <div className="min-w-0 space-y-3">
          <AnalysisPanel title={WHATIF_ANALYSIS_WORDS.pdpHeading} testId="whatif-panel-pdp">
            {() => <PdpPanel context={context} />}
          </AnalysisPanel>
          <AnalysisPanel title={WHATIF_ANALYSIS_WORDS.counterfactualHeading} testId="whatif-panel-counterfactual">
            {() => <CounterfactualPanel context={context} />}
          </AnalysisPanel>
          {setup.task === "binary" ? (
            <AnalysisPanel title={WHATIF_ANALYSIS_WORDS.thresholdHeading} testId="whatif-panel-threshold">
              {() => <ThresholdPanel context={context} />}
            </AnalysisPanel>
          ) : null}
          <AnalysisPanel title={WHATIF_ANALYSIS_WORDS.costHeading} testId="whatif-panel-cost">
            {() => <RunningCostPanel context={context} resultId={result?.id ?? null} />}
          </AnalysisPanel>
          {setup.sample && setup.sample.rows.length > 0 ? (
            <AnalysisPanel title={WHATIF_ANALYSIS_WORDS.answersHeading} testId="whatif-panel-answers">
              {() => <SampleAnswersPanel context={context} />}
            </AnalysisPanel>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function FeatureInput({ id, feature, text, warned, onChange }: { id: string; feature: WhatIfFeature; text: string; warned: boolean; onChange: (value: string) => void }) {
  const hintId = `${id}-hint`;
  const border = warned ? " border-amber-500" : "";
  if (feature.kind === "categorical") {
    const known = feature.categories.some((c) => c.value === text);
    const share = feature.categories.find((c) => c.value === text)?.share;
    return (
      <div className="min-w-0">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {feature.name}
        </label>
        <select id={id} value={text} onChange={(e) => onChange(e.target.value)} aria-describedby={hintId} className={`mt-1 ${inputClass}${border}`} data-feature={feature.name}>
          {!known ? <option value={text}>{text === "" ? "—" : text}</option> : null}
          {feature.categories.map((c) => (
            <option key={c.value} value={c.value}>
              {`${c.value} (${shareText(c.share)})`}
            </option>
          ))}
        </select>
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {share === undefined ? "\u00a0" : WHATIF_WORDS.categoryHint(shareText(share))}
        </p>
      </div>
    );
  }
  const range = feature.kind === "numeric" ? rangeTexts(feature) : null;
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {feature.name}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={text}
        onChange={(e) => onChange(e.target.value)}
        {...(feature.kind === "numeric" ? { min: feature.min, max: feature.max, step: feature.integer ? 1 : "any" } : { step: "any" })}
        aria-describedby={range ? hintId : undefined}
        aria-invalid={warned ? true : undefined}
        className={`mt-1 ${inputClass}${border}`}
        data-feature={feature.name}
      />
      {range ? (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {WHATIF_WORDS.rangeHint(range.low, range.high, range.min, range.max)}
        </p>
      ) : null}
    </div>
  );
}
