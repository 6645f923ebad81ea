"use client";

import { useActionState } from "react";
import { reevaluateAction, type ReevaluateState } from "@/app/(app)/models/[id]/policy/actions";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";

/** Owners: evaluate every stored period again (old results stay, marked as replaced). */
export function ReevaluateButton({ modelId }: { modelId: string }) {
  const [state, action, pending] = useActionState<ReevaluateState, FormData>(reevaluateAction.bind(null, modelId), null);
  return (
    <form action={action} className="space-y-3">
      {state?.ok ? <Notice tone="success">{state.message}</Notice> : null}
      {state && !state.ok ? <Notice tone="error">{state.error}</Notice> : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Starting…" : "Evaluate all data again"}
      </Button>
    </form>
  );
}
