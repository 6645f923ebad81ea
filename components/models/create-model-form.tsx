"use client";

import { useActionState, useState } from "react";
import { createModelAction, type CreateModelState } from "@/app/(app)/models/new/actions";
import { TASK_LABELS } from "@/lib/governance/task-labels";
import { FairnessQuestion } from "../policy/fairness-question";
import { Button } from "../ui/button";
import { Field, inputClass } from "../ui/field";
import { Notice } from "../ui/notice";

const TASKS = ["binary", "multiclass", "regression"] as const;

export function CreateModelForm() {
  const [state, action, pending] = useActionState<CreateModelState, FormData>(createModelAction, null);
  const [task, setTask] = useState<(typeof TASKS)[number]>("binary");
  const error = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  const value = (name: string) => state?.values?.[name] ?? "";
  return (
    <form action={action} className="max-w-xl space-y-5" noValidate>
      {state && !state.ok && !state.fieldErrors ? <Notice tone="error">{state.error}</Notice> : null}
      <Field id="name" name="name" label="Name" placeholder="Loan fast-track screener" required error={error("name")} defaultValue={value("name")} />
      <div>
        <label htmlFor="purpose" className="block text-sm font-medium text-slate-800">
          What does it decide?
        </label>
        <textarea id="purpose" name="purpose" rows={2} required className={`mt-1 ${inputClass}`}
          placeholder="Decides which loan applications get a fast-track review." aria-invalid={error("purpose") ? true : undefined}
          defaultValue={value("purpose")} />
        {error("purpose") ? <p className="mt-1 text-xs text-red-700">{error("purpose")}</p> : null}
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">What kind of answer does it give?</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {TASKS.map((t) => (
            <label key={t} className={`cursor-pointer rounded-md border p-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-600 ${task === t ? "border-sky-600 bg-sky-50" : "border-slate-300 bg-white"}`}>
              <input type="radio" name="task" value={t} checked={task === t} onChange={() => setTask(t)} className="sr-only" />
              <span className="font-medium">{TASK_LABELS[t].name}</span>
              <span className="mt-1 block text-xs text-slate-600">{TASK_LABELS[t].explain}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {task !== "regression" ? (
        <Field id="positiveLabel" name="positiveLabel" label={task === "binary" ? "Which answer counts as \"yes\"?" : "Category to watch most (optional)"}
          placeholder={task === "binary" ? "for example >50K, 1, approved" : "for example fraud"}
          hint="Exactly as it appears in your data's label column." error={error("positiveLabel")} defaultValue={value("positiveLabel")} />
      ) : null}
      <Field id="sensitiveAttributes" name="sensitiveAttributes" label="Groups to check for fairness (optional)"
        placeholder="sex, age_band, region" hint="Column names in your data, separated by commas. Sightline compares the model's results between the groups in each column."
        error={error("sensitiveAttributes")} defaultValue={value("sensitiveAttributes")} />
      {task === "binary" ? <FairnessQuestion defaultValue={value("fairnessQuestion") ?? ""} error={error("fairnessQuestion")} /> : null}
      <Field id="rowNoun" name="rowNoun" label="What is one row of your data? (optional)" placeholder="for example applicants, orders, hours"
        hint="Sightline uses this word in its sentences, such as &quot;Applicants where sex is Female…&quot;. Leave it empty to say &quot;rows&quot;."
        error={error("rowNoun")} defaultValue={value("rowNoun")} />
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add model"}
      </Button>
    </form>
  );
}
