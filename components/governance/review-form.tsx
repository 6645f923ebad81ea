"use client";

import { useActionState } from "react";
import { reviewAction, type GovernanceState } from "@/app/(app)/models/[id]/versions/[v]/actions";
import { CHECKLIST_ANSWERS, CHECKLIST_ANSWER_WORDS, REVIEW_CHECKLIST } from "@/lib/governance/checklist";
import { DECISION_CHOICE_WORDS, REVIEW_COMMENT_HINT } from "@/lib/narrative/governance-words";
import { Button } from "../ui/button";
import { inputClass } from "../ui/field";
import { Notice } from "../ui/notice";

const DECISIONS = ["approve", "request_changes", "reject"] as const;

/** Reviewers and owners: the checklist, a decision and a comment. */
export function ReviewForm({ modelId, version }: { modelId: string; version: number }) {
  const [state, action, pending] = useActionState<GovernanceState, FormData>(reviewAction.bind(null, modelId, version), null);
  const fieldError = (key: string) => (state && !state.ok ? state.fieldErrors?.[key] : undefined);
  return (
    <form action={action} className="space-y-5" data-testid="review-form">
      {state?.ok ? <Notice tone="success">{state.message}</Notice> : null}
      {state && !state.ok ? <Notice tone="error">{state.error}</Notice> : null}
      <ol className="space-y-3">
        {REVIEW_CHECKLIST.map((item) => {
          const error = fieldError(`checklist.${item.id}`);
          return (
            <li key={item.id}>
              <fieldset className="rounded-md border border-slate-200 p-3" aria-describedby={error ? `check-${item.id}-error` : undefined}>
                <legend className="px-1 text-sm font-medium text-slate-900">
                  {item.question} <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-700">NIST AI RMF: {item.rmf}</span>
                </legend>
                <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
                  {CHECKLIST_ANSWERS.map((answer) => (
                    <label key={answer} className="inline-flex items-center gap-2 text-sm text-slate-800">
                      <input type="radio" name={`checklist.${item.id}`} value={answer} className="h-4 w-4" required />
                      {CHECKLIST_ANSWER_WORDS[answer]}
                    </label>
                  ))}
                </div>
                {error ? (
                  <p id={`check-${item.id}-error`} className="mt-1 text-xs text-red-700">
                    {error}
                  </p>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">Decision</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
          {DECISIONS.map((d) => (
            <label key={d} className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" name="decision" value={d} className="h-4 w-4" required />
              {DECISION_CHOICE_WORDS[d]}
            </label>
          ))}
        </div>
        {fieldError("decision") ? <p className="mt-1 text-xs text-red-700">{fieldError("decision")}</p> : null}
      </fieldset>
      <div>
        <label htmlFor="review-comment" className="block text-sm font-medium text-slate-800">
          Comment
        </label>
        <textarea
          id="review-comment"
          name="comment"
          rows={4}
          required
          minLength={10}
          maxLength={4000}
          className={`mt-1 ${inputClass}`}
          aria-describedby="review-comment-hint"
          aria-invalid={fieldError("comment") ? true : undefined}
        />
        <p id="review-comment-hint" className="mt-1 text-xs text-slate-600">
          {REVIEW_COMMENT_HINT}
        </p>
        {fieldError("comment") ? <p className="mt-1 text-xs text-red-700">{fieldError("comment")}</p> : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send review"}
      </Button>
    </form>
  );
}
