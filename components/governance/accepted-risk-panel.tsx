"use client";

import { useActionState, useId } from "react";
import { decideAcceptedRiskAction, proposeAcceptedRiskAction, type AcceptedRiskState } from "@/app/(app)/models/[id]/versions/[v]/accepted-risk-actions";
import type { AcceptedRisksPanelView, RiskyCheckView } from "@/lib/contracts/accepted-risks";
import {
  ACCEPT_BUTTON,
  ACCEPT_FORM_EXPIRY_HINT,
  ACCEPT_FORM_EXPIRY_LABEL,
  ACCEPT_FORM_REASON_LABEL,
  CHECK_LIGHT_WORDS,
  CONFIRM_BUTTON,
  CONFIRM_OWN_REFUSAL,
  NO_ACCEPTED_RISKS_YET,
  NO_RISKY_CHECKS,
  WITHDRAW_BUTTON,
  acceptedRiskAlreadyWords,
  acceptedRiskStateWords,
  acceptedRisksFromWords,
  checkLabelWords,
} from "@/lib/narrative/accepted-risk-words";
import { Button } from "../ui/button";
import { AcceptedRiskMark } from "./accepted-risk-mark";
import { inputClass } from "../ui/field";
import { Notice } from "../ui/notice";

const LIGHT_PILL: Record<"red" | "amber", string> = {
  red: "bg-red-50 text-red-900 ring-red-300",
  amber: "bg-amber-50 text-amber-900 ring-amber-300",
};

function Result({ state }: { state: AcceptedRiskState }) {
  if (!state) return null;
  return state.ok ? <Notice tone="success">{state.message}</Notice> : <Notice tone="error">{state.error}</Notice>;
}

function ProposeForm({ view, check }: { view: AcceptedRisksPanelView; check: RiskyCheckView }) {
  const [state, action, pending] = useActionState<AcceptedRiskState, FormData>(proposeAcceptedRiskAction.bind(null, view.modelId, view.version), null);
  const id = useId();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <details className="mt-2 rounded-md border border-slate-200 p-3" data-testid="accept-risk-details">
      <summary className="cursor-pointer text-sm font-medium text-sky-800">{ACCEPT_BUTTON}</summary>
      <form action={action} className="mt-3 space-y-3">
        <input type="hidden" name="checkKind" value={check.checkKind} />
        <input type="hidden" name="checkKey" value={check.checkKey} />
        <div>
          <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-slate-800">
            {ACCEPT_FORM_REASON_LABEL}
          </label>
          <textarea id={`${id}-reason`} name="reason" required minLength={10} maxLength={1000} rows={2} className={`mt-1 ${inputClass}`} />
        </div>
        <div>
          <label htmlFor={`${id}-expires`} className="block text-sm font-medium text-slate-800">
            {ACCEPT_FORM_EXPIRY_LABEL}
          </label>
          <input id={`${id}-expires`} name="expiresAt" type="date" required min={today} max={view.latestExpiry} aria-describedby={`${id}-hint`} className={`mt-1 max-w-xs ${inputClass}`} />
          <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
            {ACCEPT_FORM_EXPIRY_HINT}
          </p>
        </div>
        <Button type="submit" disabled={pending}>
          {ACCEPT_BUTTON}
        </Button>
        <Result state={state} />
      </form>
    </details>
  );
}

function DecideButtons({ view, id, confirm, withdraw }: { view: AcceptedRisksPanelView; id: string; confirm: boolean; withdraw: boolean }) {
  const [state, action, pending] = useActionState<AcceptedRiskState, FormData>(decideAcceptedRiskAction.bind(null, view.modelId), null);
  if (!confirm && !withdraw && !state) return null;
  return (
    <div className="mt-2 space-y-2">
      <div className="flex flex-wrap gap-2">
        {confirm ? (
          <form action={action}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="step" value="confirm" />
            <Button type="submit" disabled={pending}>
              {CONFIRM_BUTTON}
            </Button>
          </form>
        ) : null}
        {withdraw ? (
          <form action={action}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="step" value="withdraw" />
            <Button type="submit" variant="secondary" disabled={pending}>
              {WITHDRAW_BUTTON}
            </Button>
          </form>
        ) : null}
      </div>
      <Result state={state} />
    </div>
  );
}

/** The version page's accepted-risks section: the latest result's red and amber checks, and every acceptance. */
export function AcceptedRisksPanel({ view }: { view: AcceptedRisksPanelView }) {
  return (
    <div className="space-y-4" data-testid="accepted-risks-panel">
      <p className="text-sm text-slate-700">{acceptedRisksFromWords(view.windowLabel)}</p>
      {view.windowLabel && view.checks.length === 0 ? <p className="text-sm text-slate-700">{NO_RISKY_CHECKS}</p> : null}
      {view.checks.length ? (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {view.checks.map((check) => (
            <li key={`${check.checkKind}:${check.checkKey}`} className="p-3" data-testid="risky-check" data-check={`${check.checkKind}:${check.checkKey}`}>
              <div className="flex flex-wrap items-center gap-2">
                {check.accepted ? null : (
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${LIGHT_PILL[check.light]}`} data-testid="check-light">
                    {CHECK_LIGHT_WORDS[check.light]}
                  </span>
                )}
                <span className="break-words font-medium text-slate-900">{checkLabelWords(check.checkKind, check.checkKey)}</span>
              </div>
              {check.accepted ? (
                <div className="mt-2">
                  <AcceptedRiskMark mark={check.accepted} />
                </div>
              ) : check.acceptanceId ? (
                <p className="mt-1 text-sm text-slate-700">{acceptedRiskAlreadyWords()}</p>
              ) : view.canPropose ? (
                <ProposeForm view={view} check={check} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {view.risks.length === 0 ? (
        <p className="text-sm text-slate-700">{NO_ACCEPTED_RISKS_YET}</p>
      ) : (
        <ul className="space-y-3" data-testid="accepted-risks-list">
          {view.risks.map((r) => {
            const own = r.proposedById === view.userId;
            const confirm = r.state === "pending" && view.canConfirm && !own;
            return (
              <li key={r.id} className="rounded-md border border-slate-200 p-3" data-testid="accepted-risk" data-state={r.state}>
                <p className="break-words font-medium text-slate-900">{checkLabelWords(r.checkKind, r.checkKey)}</p>
                <p className="mt-1 text-sm text-slate-800">“{r.reason}”</p>
                <p className="mt-1 text-sm text-slate-700" data-testid="accepted-risk-state">
                  {acceptedRiskStateWords(r)}
                </p>
                {r.state === "pending" && view.canConfirm && own ? <p className="mt-1 text-xs text-slate-600">{CONFIRM_OWN_REFUSAL}</p> : null}
                <DecideButtons view={view} id={r.id} confirm={confirm} withdraw={view.canPropose && r.state !== "ended"} />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
