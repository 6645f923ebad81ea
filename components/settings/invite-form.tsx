"use client";

import { useActionState, useState } from "react";
import { inviteAction, type InviteState } from "@/app/(app)/settings/members/actions";
import { ROLE_DESCRIPTIONS, ROLES } from "@/lib/auth/permissions";
import { Button } from "../ui/button";
import { Field, inputClass } from "../ui/field";
import { Notice } from "../ui/notice";

export function InviteForm() {
  const [state, action, pending] = useActionState<InviteState, FormData>(inviteAction, null);
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-4">
      <form action={action} className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end" noValidate>
        <Field id="invite-email" name="email" type="email" label="E-mail of the new member" required placeholder="name@example.com"
          error={state && !state.ok ? state.fieldErrors?.email : undefined} />
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium text-slate-800">
            Role
          </label>
          <select id="invite-role" name="role" defaultValue="viewer" className={`mt-1 ${inputClass}`}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role[0]!.toUpperCase() + role.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating link…" : "Create invitation link"}
        </Button>
      </form>
      <ul className="grid gap-1 text-xs text-slate-600 sm:grid-cols-2">
        {ROLES.map((role) => (
          <li key={role}>
            <span className="font-medium capitalize text-slate-800">{role}:</span> {ROLE_DESCRIPTIONS[role]}
          </li>
        ))}
      </ul>
      {state && !state.ok && !state.fieldErrors?.email ? <Notice tone="error">{state.error}</Notice> : null}
      {state?.ok ? (
        <Notice tone="success" title={`Invitation for ${state.data.email} is ready`}>
          <p>Send this link to them yourself (by e-mail or chat). It works once and expires in 7 days.</p>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row">
            <input readOnly value={state.data.link} aria-label="Invitation link" data-testid="invite-link"
              className={`${inputClass} font-mono text-xs`} onFocus={(e) => e.currentTarget.select()} />
            <Button type="button" variant="secondary" onClick={async () => {
              await navigator.clipboard.writeText(state.data.link);
              setCopied(true);
            }}>
              {copied ? "Copied" : "Copy link"}
            </Button>
          </div>
        </Notice>
      ) : null}
    </div>
  );
}
