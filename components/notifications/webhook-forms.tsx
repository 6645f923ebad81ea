"use client";

import { useActionState, useState } from "react";
import {
  addWebhookAction,
  removeWebhookAction,
  type AddWebhookState,
  type RemoveWebhookState,
} from "@/app/(app)/settings/notifications/actions";
import { NOTIFICATION_SETTINGS_WORDS as W, REMOVE_WEBHOOK_QUESTION } from "@/lib/narrative/notification-words";
import { Button } from "../ui/button";
import { Field, inputClass } from "../ui/field";
import { Notice } from "../ui/notice";

/** The address field; after it is added, the secret is shown once with a copy button. */
export function AddWebhookForm() {
  // The address stays in the field when it is refused, and clears once the webhook is added.
  const [url, setUrl] = useState("");
  const [state, action, pending] = useActionState<AddWebhookState, FormData>(async (prev, form) => {
    const result = await addWebhookAction(prev, form);
    if (result?.ok) setUrl("");
    return result;
  }, null);
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-3" noValidate>
        <Field
          id="webhook-url"
          name="url"
          type="url"
          inputMode="url"
          label={W.urlLabel}
          hint={W.urlHint}
          placeholder="https://hooks.slack.com/services/…"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          required
          error={state && !state.ok ? state.error : undefined}
        />
        <Button type="submit" disabled={pending}>
          {pending ? W.adding : W.add}
        </Button>
      </form>
      {state?.ok ? (
        <Notice tone="success" title={W.secretTitle}>
          <p>{W.secretShownOnce}</p>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row">
            <input
              readOnly
              value={state.data.secret}
              aria-label={W.secretLabel}
              data-testid="new-webhook-secret"
              className={`${inputClass} font-mono text-xs`}
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button
              type="button"
              variant="secondary"
              className="shrink-0 whitespace-nowrap"
              onClick={async () => {
                await navigator.clipboard.writeText(state.data.secret);
                setCopied(true);
              }}
            >
              {copied ? W.copied : W.copy}
            </Button>
          </div>
        </Notice>
      ) : null}
    </div>
  );
}

export function RemoveWebhookButton({ webhookId }: { webhookId: string }) {
  const [state, action, pending] = useActionState<RemoveWebhookState, FormData>(removeWebhookAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(REMOVE_WEBHOOK_QUESTION)) e.preventDefault();
      }}
    >
      <input type="hidden" name="webhookId" value={webhookId} />
      <Button type="submit" variant="danger" className="py-1.5" disabled={pending}>
        {W.remove}
      </Button>
      {state && !state.ok ? <p role="alert" className="mt-1 text-xs text-red-700">{state.error}</p> : null}
    </form>
  );
}
