"use client";

import { useActionState } from "react";
import { changePasswordAction, type PasswordState } from "@/app/(app)/settings/account/actions";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Notice } from "../ui/notice";

export function PasswordForm() {
  const [state, action, pending] = useActionState<PasswordState, FormData>(changePasswordAction, null);
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  return (
    <form action={action} className="max-w-sm space-y-4" noValidate key={state?.ok ? "done" : "form"}>
      {state?.ok ? <Notice tone="success">{state.message}</Notice> : null}
      {state && !state.ok && !state.fieldErrors ? <Notice tone="error">{state.error}</Notice> : null}
      <Field id="currentPassword" name="currentPassword" type="password" label="Current password" autoComplete="current-password" required error={fieldError("currentPassword")} />
      <Field id="newPassword" name="newPassword" type="password" label="New password" autoComplete="new-password" required hint="At least 10 characters. A short sentence is easy to remember and hard to guess." error={fieldError("newPassword")} />
      <Field id="confirmPassword" name="confirmPassword" type="password" label="New password again" autoComplete="new-password" required error={fieldError("confirmPassword")} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
