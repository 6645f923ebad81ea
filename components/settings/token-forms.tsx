"use client";

import { useActionState, useState } from "react";
import {
  createTokenAction,
  revokeTokenAction,
  type CreateTokenState,
  type RevokeTokenState,
} from "@/app/(app)/settings/tokens/actions";
import { Button } from "../ui/button";
import { Field, inputClass } from "../ui/field";
import { Notice } from "../ui/notice";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createTokenAction, null);
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-4">
      <form action={action} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end" noValidate>
        <Field id="token-name" name="name" label="What will use this token?" placeholder="Nightly scoring pipeline" required
          error={state && !state.ok ? state.fieldErrors?.name : undefined} />
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
