"use client";

import { useActionState } from "react";
import { acceptInvitationAction, type AcceptState } from "@/app/invite/[token]/actions";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Notice } from "../ui/notice";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<AcceptState, FormData>(acceptInvitationAction, null);
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state && !state.ok ? <Notice tone="error">{state.error}</Notice> : null}
      <input type="hidden" name="token" value={token} />
      <Field id="email" label="E-mail" value={email} readOnly disabled />
      <Field id="name" name="name" label="Your name" autoComplete="name" required error={fieldError("name")} />
      <Field id="password" name="password" type="password" label="Choose a password" autoComplete="new-password" required
        hint="At least 10 characters. If you already have a Sightline account with this e-mail, enter its password instead."
        error={fieldError("password")} />
      <Field id="confirmPassword" name="confirmPassword" type="password" label="Password again" autoComplete="new-password" required
        error={fieldError("confirmPassword")} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Joining…" : "Join the workspace"}
      </Button>
    </form>
  );
}
