"use client";

import { useActionState } from "react";
import { lifecycleStepAction, type GovernanceState } from "@/app/(app)/models/[id]/versions/[v]/actions";
import type { LifecycleActionName } from "@/lib/contracts/governance";
import { ACTION_BUTTON_WORDS, ACTION_HELP_WORDS } from "@/lib/narrative/governance-words";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";

type StepName = Exclude<LifecycleActionName, "approve" | "request_changes" | "reject">;
const STEPS: readonly StepName[] = ["submit", "withdraw", "back_to_draft", "make_live", "rollback"];

/** The lifecycle buttons the signed-in person may press now (the review form is separate). */
export function VersionActions({ modelId, version, actions }: { modelId: string; version: number; actions: readonly LifecycleActionName[] }) {
  const [state, action, pending] = useActionState<GovernanceState, FormData>(lifecycleStepAction.bind(null, modelId, version), null);
  const steps = STEPS.filter((s) => actions.includes(s));
  if (steps.length === 0 && !state) return null;
  return (
    <div className="space-y-3" data-testid="version-actions">
      {state?.ok ? <Notice tone="success">{state.message}</Notice> : null}
      {state && !state.ok ? <Notice tone="error">{state.error}</Notice> : null}
      {steps.map((step) => (
        <form key={step} action={action} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="step" value={step} />
          <Button type="submit" variant={step === "withdraw" || step === "back_to_draft" ? "secondary" : "primary"} disabled={pending}>
            {ACTION_BUTTON_WORDS[step]}
          </Button>
          <span className="text-sm text-slate-700">{ACTION_HELP_WORDS[step]}</span>
        </form>
      ))}
    </div>
  );
}
