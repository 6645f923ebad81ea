"use client";

import { useActionState } from "react";
import { changePolicyAction, type PolicyState } from "@/app/(app)/models/[id]/policy/actions";
import type { PolicyRules } from "@/lib/contracts/policy-rules";
import { Button } from "../ui/button";
import { Field, inputClass } from "../ui/field";
import { Notice } from "../ui/notice";
import { FairnessQuestion } from "./fairness-question";

export interface MetricChoice {
  name: string;
  label: string;
  lowerIsBetter: boolean;
}

const pct = (x: number) => String(Math.round(x * 10_000) / 100);

/** The owner's policy editor. Every save needs a reason and makes a new, audited policy version. */
export function PolicyForm({
  modelId,
  task,
  rules,
  metrics,
  sensitiveAttributes,
}: {
  modelId: string;
  task: "binary" | "multiclass" | "regression";
  rules: PolicyRules;
  metrics: MetricChoice[];
  sensitiveAttributes: string[];
}) {
  const [state, action, pending] = useActionState<PolicyState, FormData>(changePolicyAction.bind(null, modelId), null);
  const error = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  const value = (name: string, fallback: string) => state?.values?.[name] ?? fallback;
  return (
    <form action={action} className="space-y-6" noValidate>
      {state?.ok ? <Notice tone="success">{state.message}</Notice> : null}
      {state && !state.ok ? <Notice tone="error">{state.fieldErrors ? "Nothing was saved. Check the fields marked below." : state.error}</Notice> : null}
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">Performance</legend>
        <div>
          <label htmlFor="primaryMetric" className="block text-sm font-medium text-slate-800">
            Main measure
          </label>
          <select id="primaryMetric" name="primaryMetric" defaultValue={value("primaryMetric", rules.primaryMetric)} className={`mt-1 ${inputClass}`}>
            {metrics.map((m) => (
              <option key={m.name} value={m.name}>
                {m.label}
              </option>
            ))}
          </select>
          <p className="mt-1 text-xs text-slate-600">The performance light follows this measure. It is compared with its value on the reference data.</p>
        </div>
        {task === "binary" ? (
          <Field id="decisionThreshold" name="decisionThreshold" label="Decision threshold (0 to 1)" inputMode="decimal" defaultValue={value("decisionThreshold", String(rules.decisionThreshold))}
            hint="The model says yes when its score is at least this. 0.5 is the usual choice." error={error("decisionThreshold")} />
        ) : (
          <input type="hidden" name="decisionThreshold" value={String(rules.decisionThreshold)} />
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="amberDrop" name="amberDrop" label="Amber when it drops by more than (%)" inputMode="decimal" defaultValue={value("amberDrop", pct(rules.relativeTolerance.amber))}
            hint="Counted against the reference value, and only when the whole likely range is past it." error={error("amberDrop")} />
          <Field id="redDrop" name="redDrop" label="Red when it drops by more than (%)" inputMode="decimal" defaultValue={value("redDrop", pct(rules.relativeTolerance.red))} error={error("redDrop")} />
        </div>
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">Fixed floors (optional)</summary>
          <p className="mt-2 text-xs text-slate-600">
            A floor turns the light red whatever the reference said. For measures where lower is better it is a ceiling. Leave empty for none.
          </p>
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            {metrics.map((m) => (
              <Field key={m.name} id={`floor-${m.name}`} name={`floor.${m.name}`} label={`${m.label}: ${m.lowerIsBetter ? "at most" : "at least"}`} inputMode="decimal"
                defaultValue={value(`floor.${m.name}`, rules.metricFloors[m.name] !== undefined ? String(rules.metricFloors[m.name]) : "")} error={error(`floors.${m.name}`)} />
            ))}
          </div>
        </details>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">Changes in the data (drift)</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="pValue" name="pValue" label="Chance threshold for tests" inputMode="decimal" defaultValue={value("pValue", String(rules.driftThresholds.pValue))}
            hint="For small data: a column has changed when a test says a difference this big would happen by chance less often than this (0.05 = 5%)." error={error("pValue")} />
          <Field id="distance" name="distance" label="Distance threshold" inputMode="decimal" defaultValue={value("distance", String(rules.driftThresholds.distance))}
            hint="For large data: a column has changed when the distance between old and new values is at least this." error={error("distance")} />
          <Field id="datasetShare" name="datasetShare" label="Red when this share of columns changed (%)" inputMode="decimal" defaultValue={value("datasetShare", pct(rules.driftThresholds.datasetShare))} error={error("datasetShare")} />
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">Fairness</legend>
        <Field id="sensitiveAttributes" name="sensitiveAttributes" label="Group columns to compare" placeholder="sex, age_band, region"
          defaultValue={value("sensitiveAttributes", sensitiveAttributes.join(", "))}
          hint="Column names in your data, separated by commas. Leave empty to compare no groups." error={error("sensitiveAttributes")} />
        {task === "binary" ? (
          <FairnessQuestion defaultValue={value("fairnessQuestion", rules.fairnessQuestion ?? "")} error={error("fairnessQuestion")} />
        ) : (
          <>
            <input type="hidden" name="fairnessQuestion" value="" />
            <p className="text-sm text-slate-700">
              {task === "multiclass" ? "Groups are compared on how often the model picks the right category." : "Groups are compared on the size of the model's errors."}
            </p>
          </>
        )}
        <Field id="fairnessTolerance" name="fairnessTolerance" label="Allowed gap between groups" inputMode="decimal" defaultValue={value("fairnessTolerance", String(rules.fairnessTolerance))}
          hint="0.8 allows a group's rate to be 0.8 to 1.25 times the largest group's. This is the four-fifths convention from US employment practice: a rule of thumb, not proof of fairness." error={error("fairnessTolerance")} />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">Too few rows to judge</legend>
        <p className="text-sm text-slate-700">Below these counts a light stays grey and says how many rows there are, instead of guessing.</p>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="minPerformanceRows" name="minPerformanceRows" label="Rows with a true outcome" inputMode="numeric" defaultValue={value("minPerformanceRows", String(rules.minimumRows.performance))} error={error("minPerformanceRows")} />
          <Field id="minPerClass" name="minPerClass" label="Rows of each answer (yes/no models)" inputMode="numeric" defaultValue={value("minPerClass", String(rules.minimumRows.perClass))} error={error("minPerClass")} />
          <Field id="minDriftRows" name="minDriftRows" label="Rows on each side for drift" inputMode="numeric" defaultValue={value("minDriftRows", String(rules.minimumRows.drift))} error={error("minDriftRows")} />
          <Field id="minGroupRows" name="minGroupRows" label="Rows per group" inputMode="numeric" defaultValue={value("minGroupRows", String(rules.minimumRows.perGroup))} error={error("minGroupRows")} />
          <Field id="minDenominator" name="minDenominator" label="Rows behind each group's rate" inputMode="numeric" defaultValue={value("minDenominator", String(rules.minimumRows.denominator))}
            hint="For example the real yes cases behind a group's rate of found cases." error={error("minDenominator")} />
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">Sign-off and wording</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="approvalsRequired" name="approvalsRequired" label="Approvals needed before a version goes live" inputMode="numeric" defaultValue={value("approvalsRequired", String(rules.approvalsRequired))} error={error("approvalsRequired")} />
          <Field id="rowNoun" name="rowNoun" label="What is one row of your data?" defaultValue={value("rowNoun", rules.rowNoun)} hint="Used in sentences, such as &quot;applicants&quot;." error={error("rowNoun")} />
        </div>
      </fieldset>
      <div>
        <label htmlFor="reason" className="block text-sm font-medium text-slate-800">
          Why are you changing the policy?
        </label>
        <textarea id="reason" name="reason" rows={2} required className={`mt-1 ${inputClass}`} defaultValue={value("reason", "")}
          aria-invalid={error("reason") ? true : undefined} aria-describedby={error("reason") ? "reason-error" : "reason-hint"} />
        <p id="reason-hint" className="mt-1 text-xs text-slate-600">Required. It is kept with the new policy version and in the audit log.</p>
        {error("reason") ? (
          <p id="reason-error" className="mt-1 text-xs text-red-700">
            {error("reason")}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save as a new policy version"}
      </Button>
    </form>
  );
}
