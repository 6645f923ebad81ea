"use client";

import { useActionState, useId, useState } from "react";
import { saveInputMappingAction, type InputMappingState } from "@/app/(app)/models/[id]/versions/[v]/input-mapping-actions";
import { INPUT_FIELD_PREFIX, type VersionInputsView } from "@/lib/contracts/input-mapping";
import { INPUTS_FIELD_HINT, inputTakesWords } from "@/lib/narrative/input-mapping-words";
import { Button } from "../ui/button";
import { inputClass } from "../ui/field";
import { Notice } from "../ui/notice";

/** One field per model input, prefilled with its columns; saving checks the counts and runs one test row. */
export function InputMappingForm({ view }: { view: VersionInputsView }) {
  const [state, action, pending] = useActionState<InputMappingState, FormData>(saveInputMappingAction.bind(null, view.modelId, view.version), null);
  const id = useId();
  // Controlled fields: a refused mapping stays in the fields to fix (a form action would reset them).
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(view.rows.map((r) => [r.input, r.columns.join(", ")])));
  return (
    <details className="rounded-md border border-slate-200 p-3" data-testid="input-mapping-edit">
      <summary className="cursor-pointer text-sm font-medium text-sky-800">Change the columns</summary>
      <form action={action} className="mt-3 space-y-3">
        {view.rows.map((row, i) => (
          <div key={row.input}>
            <label htmlFor={`${id}-${i}`} className="block break-words text-sm font-medium text-slate-800">
              {row.input} <span className="font-normal text-slate-600">({inputTakesWords(row)})</span>
            </label>
            <input
              id={`${id}-${i}`}
              name={`${INPUT_FIELD_PREFIX}${row.input}`}
              value={texts[row.input] ?? ""}
              onChange={(e) => setTexts((t) => ({ ...t, [row.input]: e.target.value }))}
              aria-describedby={`${id}-hint`}
              className={`mt-1 ${inputClass}`}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
        ))}
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {INPUTS_FIELD_HINT}
        </p>
        <Button type="submit" disabled={pending}>
          {pending ? "Checking…" : "Save the mapping"}
        </Button>
        <div aria-live="polite" data-testid="input-mapping-result">
          {state ? state.ok ? <Notice tone="success">{state.message}</Notice> : <Notice tone="error">{state.error}</Notice> : null}
        </div>
      </form>
    </details>
  );
}
