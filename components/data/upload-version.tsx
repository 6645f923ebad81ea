"use client";

import { useId, useState } from "react";
import { columnOrderFromText } from "@/lib/contracts/input-mapping";
import { parseCutOff, rawScoreUploadProcessing, type RawScoreUploadChoice } from "@/lib/contracts/processing";
import { mappingProposedWords } from "@/lib/narrative/input-mapping-words";
import { PROCESSING_WORDS } from "@/lib/narrative/processing-words";
import { inputClass } from "../ui/field";
import { FileUpload } from "./file-upload";

function queryOf(text: string, processing: string | null): string {
  const { featureNames, inputMapping } = columnOrderFromText(text);
  const parts: string[] = [];
  if (inputMapping) parts.push(`inputMapping=${encodeURIComponent(JSON.stringify(inputMapping))}`);
  else if (featureNames?.length) parts.push(`featureNames=${encodeURIComponent(featureNames.join(","))}`);
  if (processing) parts.push(`processing=${encodeURIComponent(processing)}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

export function UploadVersion({ modelId, yesNo = false }: { modelId: string; yesNo?: boolean }) {
  const id = useId();
  const [columnOrder, setColumnOrder] = useState("");
  const [rawScore, setRawScore] = useState(false);
  const [keepScore, setKeepScore] = useState(false);
  const [cutOffText, setCutOffText] = useState("0");
  const cutOff = parseCutOff(cutOffText);
  const choice: RawScoreUploadChoice = !rawScore ? { kind: "none" } : keepScore ? { kind: "cut-off", threshold: cutOff } : { kind: "sigmoid" };
  const badCutOff = choice.kind === "cut-off" && choice.threshold === null;
  return (
    <div className="space-y-3">
      <FileUpload
        label="Model file (.onnx)"
        hint="Export your model to ONNX (skl2onnx, onnxmltools, torch.onnx). Sightline reads it and runs it on a few test rows before accepting it."
        accept=".onnx"
        endpoint={`/api/v1/models/${modelId}/versions${queryOf(columnOrder, rawScoreUploadProcessing(choice))}`}
        refusal={badCutOff ? PROCESSING_WORDS.rawScoreBadCutOff : null}
        buttonText="Upload version"
        options={
          <>
            {yesNo ? (
              <div className="max-w-xl text-sm">
                <label className="flex items-start gap-2 text-slate-800">
                  <input type="checkbox" className="mt-1" checked={rawScore} onChange={(e) => setRawScore(e.target.checked)} />
                  <span>{PROCESSING_WORDS.rawScoreUpload}</span>
                </label>
                {rawScore ? (
                  <fieldset className="mt-2 space-y-2 pl-6">
                    <legend className="sr-only">{PROCESSING_WORDS.rawScoreChoice}</legend>
                    <div>
                      <label className="flex items-start gap-2 text-slate-800">
                        <input type="radio" className="mt-1" name={`${id}-raw`} checked={!keepScore} onChange={() => setKeepScore(false)} aria-describedby={`${id}-raw-hint`} />
                        <span>{PROCESSING_WORDS.rawScoreSigmoid}</span>
                      </label>
                      <p id={`${id}-raw-hint`} className="mt-1 pl-6 text-xs text-slate-600">
                        {PROCESSING_WORDS.rawScoreUploadHint}
                      </p>
                    </div>
                    <div>
                      <label className="flex items-start gap-2 text-slate-800">
                        <input type="radio" className="mt-1" name={`${id}-raw`} checked={keepScore} onChange={() => setKeepScore(true)} aria-describedby={`${id}-cut-hint`} />
                        <span>{PROCESSING_WORDS.rawScoreCutOff}</span>
                      </label>
                      {keepScore ? (
                        <div className="mt-1 pl-6">
                          <label htmlFor={`${id}-cut`} className="block text-xs font-medium text-slate-800">
                            {PROCESSING_WORDS.rawScoreCutOffLabel}
                          </label>
                          <div className="w-32">
                            <input
                              id={`${id}-cut`}
                              type="text"
                              inputMode="decimal"
                              className={`mt-1 ${inputClass}${badCutOff ? " border-red-600" : ""}`}
                              value={cutOffText}
                              onChange={(e) => setCutOffText(e.target.value)}
                              aria-invalid={badCutOff ? true : undefined}
                              aria-describedby={`${id}-cut-hint`}
                            />
                          </div>
                          {badCutOff ? <p className="mt-1 text-xs text-red-800">{PROCESSING_WORDS.rawScoreBadCutOff}</p> : null}
                        </div>
                      ) : null}
                      <p id={`${id}-cut-hint`} className="mt-1 pl-6 text-xs text-slate-600">
                        {PROCESSING_WORDS.rawScoreCutOffHint}
                      </p>
                    </div>
                  </fieldset>
                ) : null}
              </div>
            ) : null}
            <details className="text-sm">
              <summary className="cursor-pointer text-slate-700">The model does not name its columns, or has several inputs?</summary>
              <div className="mt-2 max-w-xl">
                <label htmlFor={`${id}-order`} className="block text-sm font-medium text-slate-800">
                  Column order (optional)
                </label>
                <textarea
                  id={`${id}-order`}
                  data-testid="column-order"
                  rows={3}
                  className={`mt-1 ${inputClass}`}
                  placeholder={"age, income, tenure_months\nor one line per model input:\nnumbers: age, income\nregion: region_code"}
                  value={columnOrder}
                  onChange={(e) => setColumnOrder(e.target.value)}
                  aria-describedby={`${id}-order-hint`}
                />
                <p id={`${id}-order-hint`} className="mt-1 text-xs text-slate-500">
                  For a model with one table input, list your columns in the order the model expects, split by commas. For a model with several
                  inputs, write one line per input: its name, a colon, then its columns. Sightline proposes the rest; you can change it on the
                  version page until you send the version for review.
                </p>
              </div>
            </details>
          </>
        }
        onDone={(body) => {
          const created = body as { version?: number; inputMapping?: Record<string, unknown> };
          return mappingProposedWords(created.version ?? 0, Object.keys(created.inputMapping ?? {}).length || 1);
        }}
      />
    </div>
  );
}
