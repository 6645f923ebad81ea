"use client";

import { useActionState, useState } from "react";
import {
  createTokenAction,
  revokeTokenAction,
  type CreateTokenState,
  type RevokeTokenState,
} from "@/app/(app)/settings/tokens/actions";
import { API_TOKEN_SCOPE_DESCRIPTIONS, API_TOKEN_SCOPES, DEFAULT_API_TOKEN_SCOPES } from "@/lib/auth/permissions";
import { Button } from "../ui/button";
import { Field, inputClass } from "../ui/field";
import { Notice } from "../ui/notice";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createTokenAction, null);
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-3" noValidate>
        <div className="grid gap-3 sm:grid-cols-[1fr_10rem] sm:items-end">
          <Field id="token-name" name="name" label="What will use this token?" placeholder="Nightly scoring pipeline" required
            error={state && !state.ok ? state.fieldErrors?.name : undefined} />
          <div>
            <label htmlFor="token-expiry" className="block text-sm font-medium text-slate-800">
              Expires after
            </label>
            <select id="token-expiry" name="expiresInDays" defaultValue="90" className={`mt-1 ${inputClass}`}>
              <option value="30">30 days</option>
              <option value="90">90 days</option>
              <option value="365">365 days</option>
            </select>
          </div>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">It may</legend>
          <ul className="mt-1 space-y-1 text-sm">
            {API_TOKEN_SCOPES.map((scope) => (
              <li key={scope}>
                <label className="flex items-start gap-2">
                  <input type="checkbox" name="scopes" value={scope} defaultChecked={DEFAULT_API_TOKEN_SCOPES.includes(scope)} className="mt-1" />
                  <span>
                    <code className="rounded bg-slate-100 px-1">{scope}</code> {API_TOKEN_SCOPE_DESCRIPTIONS[scope]}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <p className="mt-1 text-xs text-slate-500">
            A token never does more than the role of the person who created it allows at that moment.
          </p>
          {state && !state.ok && state.fieldErrors?.scopes ? (
            <p role="alert" className="mt-1 text-xs text-red-700">{state.fieldErrors.scopes}</p>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {state?.ok ? (
        <Notice tone="success" title={`Token "${state.data.name}" created`}>
          <p>Copy it now and store it in your pipeline&apos;s secrets. Sightline keeps only a fingerprint, so it cannot show it again.</p>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row">
            <input readOnly value={state.data.token} aria-label="New API token" data-testid="new-token"
              className={`${inputClass} font-mono text-xs`} onFocus={(e) => e.currentTarget.select()} />
            <Button type="button" variant="secondary" onClick={async () => {
              await navigator.clipboard.writeText(state.data.token);
              setCopied(true);
            }}>
              {copied ? "Copied" : "Copy token"}
            </Button>
          </div>
        </Notice>
      ) : null}
    </div>
  );
}

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action, pending] = useActionState<RevokeTokenState, FormData>(revokeTokenAction, null);
  return (
    <form action={action} onSubmit={(e) => {
      if (!window.confirm(`Revoke "${name}"? Pipelines that use it stop working at once.`)) e.preventDefault();
    }}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <Button type="submit" variant="danger" className="py-1.5" disabled={pending}>
        Revoke
      </Button>
      {state && !state.ok ? <p role="alert" className="mt-1 text-xs text-red-700">{state.error}</p> : null}
    </form>
  );
}
