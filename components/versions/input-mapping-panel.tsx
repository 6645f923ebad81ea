// The "Inputs" section of a version page: which columns of the data feed each model input, in words, and the form
// to change them (owners and analysts, until the version is submitted for review).
import type { VersionInputsView } from "@/lib/contracts/input-mapping";
import { INPUTS_DERIVED_NOTE, INPUTS_INTRO, INPUTS_READ_ONLY_ROLE, INPUTS_TITLE, inputRowWords, inputTakesSentence } from "@/lib/narrative/input-mapping-words";
import { Card } from "../ui/card";
import { Notice } from "../ui/notice";
import { InputMappingForm } from "./input-mapping-form";

export function InputMappingPanel({ view }: { view: VersionInputsView }) {
  return (
    <Card>
      <h3 className="text-base font-semibold" id="inputs">
        {INPUTS_TITLE}
      </h3>
      <p className="mt-1 text-sm text-slate-700">{INPUTS_INTRO}</p>
      {view.derived ? <p className="mt-1 text-sm text-slate-600">{INPUTS_DERIVED_NOTE}</p> : null}
      <ul className="mt-3 space-y-2" data-testid="input-mapping">
        {view.rows.map((row) => (
          <li key={row.input} className="min-w-0 rounded-md border border-slate-200 px-3 py-2 text-sm" data-testid="input-mapping-row" data-input={row.input}>
            <p className="break-words text-slate-900">{inputRowWords(row)}</p>
            <p className="mt-0.5 break-words text-xs text-slate-600" title={`ONNX type: ${row.typeText}`}>
              {inputTakesSentence(row)}
            </p>
          </li>
        ))}
      </ul>
      <div className="mt-3">
        {view.canEdit ? (
          <InputMappingForm view={view} />
        ) : view.lockedReason ? (
          <Notice tone="info">
            <span data-testid="input-mapping-locked">{view.lockedReason}</span>
          </Notice>
        ) : (
          <p className="text-xs text-slate-600">{INPUTS_READ_ONLY_ROLE}</p>
        )}
      </div>
    </Card>
  );
}
