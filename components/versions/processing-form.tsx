"use client";
// Changes a version's declared processing through PUT /api/v1/models/{id}/versions/{v}/processing: the scaler as JSON
// (pasted or read from a file), worked-out columns as "name = formula" lines, the output transform and what the
// answer means. The server checks everything and answers with the reason when it refuses.
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import {
  MEANINGS_BY_TASK,
  TRANSFORMS_BY_TASK,
  type OutputMeaning,
  type OutputMeaningKind,
  type OutputTransform,
  type OutputTransformKind,
  type ProcessingView,
} from "@/lib/contracts/processing";
import { MEANING_CHOICES, PROCESSING_LABELS, PROCESSING_WORDS, TRANSFORM_CHOICES } from "@/lib/narrative/processing-words";
import { Button } from "../ui/button";
import { inputClass } from "../ui/field";
import { Notice } from "../ui/notice";

type MeaningChoice = OutputMeaningKind | "unset";

function scalerText(view: ProcessingView): string {
  const s = view.processing.standardise;
  if (s.length === 0) return "";
  // One column per line: {"age": {"mean": 40, "scale": 12}, ...}
  return `{\n${s.map((e) => `  ${JSON.stringify(e.column)}: {"mean": ${JSON.stringify(e.mean)}, "scale": ${JSON.stringify(e.scale)}}`).join(",\n")}\n}`;
}

/** "name = formula" lines as the API's list; a line without "=" is reported by its number. */
function derivedFrom(text: string): { name: string; formula: string }[] | { badLine: number } {
  const out: { name: string; formula: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const at = line.indexOf("=");
    if (at < 0) return { badLine: i + 1 };
    out.push({ name: line.slice(0, at).trim(), formula: line.slice(at + 1).trim() });
  }
  return out;
}

function errorMessage(body: unknown, status: number): string {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === "string" ? message : `HTTP ${status}`;
}

export function ProcessingForm({ modelId, version, view }: { modelId: string; version: number; view: ProcessingView }) {
  const router = useRouter();
  const id = useId();
  const { transform, meaning } = view.processing;
  const [scaler, setScaler] = useState(() => scalerText(view));
  const [derived, setDerived] = useState(() => view.processing.derived.map((d) => `${d.name} = ${d.formula}`).join("\n"));
  const [transformKind, setTransformKind] = useState<OutputTransformKind>(transform.kind);
  const [affineMean, setAffineMean] = useState(transform.kind === "affine" ? String(transform.mean) : "");
  const [affineScale, setAffineScale] = useState(transform.kind === "affine" ? String(transform.scale) : "");
  const [meaningKind, setMeaningKind] = useState<MeaningChoice>(meaning?.kind ?? "unset");
  const [threshold, setThreshold] = useState(meaning?.kind === "raw_score" ? String(meaning.threshold) : "0");
  const [unit, setUnit] = useState(meaning?.kind === "number" ? meaning.unit : "");
  const [state, setState] = useState<{ ok: true } | { ok: false; message: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function readFile(file: File | undefined) {
    if (file) setScaler(await file.text());
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let standardise: unknown = [];
    if (scaler.trim() !== "") {
      try {
        standardise = JSON.parse(scaler) as unknown;
      } catch {
        setState({ ok: false, message: PROCESSING_WORDS.failed(PROCESSING_WORDS.badJson) });
        return;
      }
    }
    const lines = derivedFrom(derived);
    if ("badLine" in lines) {
      setState({ ok: false, message: PROCESSING_WORDS.failed(PROCESSING_WORDS.badLine(lines.badLine)) });
      return;
    }
    const outputTransform: OutputTransform =
      transformKind === "affine" ? { kind: "affine", mean: Number(affineMean), scale: Number(affineScale) } : { kind: transformKind };
    const outputMeaning: OutputMeaning | null =
      meaningKind === "unset"
        ? null
        : meaningKind === "raw_score"
          ? { kind: "raw_score", threshold: Number(threshold) }
          : meaningKind === "number"
            ? { kind: "number", unit }
            : { kind: meaningKind };
    setPending(true);
    setState(null);
    try {
      const response = await fetch(`/api/v1/models/${encodeURIComponent(modelId)}/versions/${version}/processing`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ derived: lines, standardise, transform: outputTransform, meaning: outputMeaning }),
      });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) setState({ ok: false, message: PROCESSING_WORDS.failed(errorMessage(body, response.status)) });
      else {
        setState({ ok: true });
        router.refresh();
      }
    } finally {
      setPending(false);
    }
  }

  const field = (name: string) => `${id}-${name}`;
  return (
    <details className="rounded-md border border-slate-200">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-sky-800">{PROCESSING_LABELS.edit}</summary>
      <form className="space-y-4 border-t border-slate-200 p-3" onSubmit={submit} data-testid="processing-form">
        <div>
          <CodeField id={field("scaler")} name="standardise" label={PROCESSING_LABELS.scalerLabel} help={PROCESSING_WORDS.scalerHelp} rows={5} value={scaler} onChange={setScaler} />
          <label htmlFor={field("scaler-file")} className="mt-2 block text-xs font-medium text-slate-700">
            {PROCESSING_LABELS.scalerFile}
          </label>
          <input
            id={field("scaler-file")}
            type="file"
            accept="application/json,.json"
            onChange={(e) => void readFile(e.target.files?.[0])}
            className="mt-1 block w-full min-w-0 text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
          />
        </div>
        <div>
          <CodeField
            id={field("derived")}
            name="derived"
            label={PROCESSING_LABELS.derivedLabel}
            help={PROCESSING_WORDS.derivedHelp}
            rows={3}
            value={derived}
            onChange={setDerived}
            placeholder="ratio = income / max(debt, 1)"
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="min-w-0">
            <label htmlFor={field("transform")} className="block text-sm font-medium text-slate-800">
              {PROCESSING_LABELS.transformLabel}
            </label>
            <select id={field("transform")} name="transform" value={transformKind} onChange={(e) => setTransformKind(e.target.value as OutputTransformKind)} className={`mt-1 ${inputClass}`}>
              {TRANSFORMS_BY_TASK[view.task].map((kind) => (
                <option key={kind} value={kind}>
                  {TRANSFORM_CHOICES[kind]}
                </option>
              ))}
            </select>
            {transformKind === "affine" ? (
              <div className="mt-2 grid grid-cols-2 gap-2">
                <div>
                  <label htmlFor={field("affine-mean")} className="block text-xs font-medium text-slate-700">
                    {PROCESSING_LABELS.meanHeader}
                  </label>
                  <input id={field("affine-mean")} name="affineMean" inputMode="decimal" required value={affineMean} onChange={(e) => setAffineMean(e.target.value)} className={`mt-1 ${inputClass}`} />
                </div>
                <div>
                  <label htmlFor={field("affine-scale")} className="block text-xs font-medium text-slate-700">
                    {PROCESSING_LABELS.scaleHeader}
                  </label>
                  <input id={field("affine-scale")} name="affineScale" inputMode="decimal" required value={affineScale} onChange={(e) => setAffineScale(e.target.value)} className={`mt-1 ${inputClass}`} />
                </div>
              </div>
            ) : null}
          </div>
          <div className="min-w-0">
            <label htmlFor={field("meaning")} className="block text-sm font-medium text-slate-800">
              {PROCESSING_LABELS.meaningLabel}
            </label>
            <select id={field("meaning")} name="meaning" value={meaningKind} onChange={(e) => setMeaningKind(e.target.value as MeaningChoice)} className={`mt-1 ${inputClass}`}>
              {(["unset", ...MEANINGS_BY_TASK[view.task]] as const).map((kind) => (
                <option key={kind} value={kind}>
                  {MEANING_CHOICES[kind]}
                </option>
              ))}
            </select>
            {meaningKind === "raw_score" ? (
              <div className="mt-2">
                <label htmlFor={field("threshold")} className="block text-xs font-medium text-slate-700">
                  {PROCESSING_LABELS.thresholdLabel}
                </label>
                <input id={field("threshold")} name="threshold" inputMode="decimal" required value={threshold} onChange={(e) => setThreshold(e.target.value)} className={`mt-1 ${inputClass}`} />
              </div>
            ) : null}
            {meaningKind === "number" ? (
              <div className="mt-2">
                <label htmlFor={field("unit")} className="block text-xs font-medium text-slate-700">
                  {PROCESSING_LABELS.unitLabel}
                </label>
                <input id={field("unit")} name="unit" required value={unit} onChange={(e) => setUnit(e.target.value)} className={`mt-1 ${inputClass}`} placeholder="EUR" />
              </div>
            ) : null}
          </div>
        </div>
        {state?.ok ? <Notice tone="success">{PROCESSING_WORDS.saved}</Notice> : null}
        {state && !state.ok ? (
          <Notice tone="error">
            <span data-testid="processing-error">{state.message}</span>
          </Notice>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? PROCESSING_LABELS.saving : PROCESSING_LABELS.save}
        </Button>
      </form>
    </details>
  );
}

/** A labelled monospace text area with its help line (JSON, formulas). */
function CodeField(props: { id: string; name: string; label: string; help: string; rows: number; value: string; onChange: (value: string) => void; placeholder?: string }) {
  return (
    <>
      <label htmlFor={props.id} className="block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <p id={`${props.id}-help`} className="mt-1 break-words text-xs text-slate-600">
        {props.help}
      </p>
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={`${props.id}-help`}
        className={`mt-1 font-mono ${inputClass}`}
        spellCheck={false}
        placeholder={props.placeholder}
      />
    </>
  );
}
