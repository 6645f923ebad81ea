"use client";

import { useActionState } from "react";
import { savePreferencesAction, type PreferencesState } from "@/app/(app)/settings/notifications/actions";
import type { NotificationPreferenceView } from "@/lib/contracts/notifications";
import { NOTIFICATION_KIND_WORDS, NOTIFICATION_SETTINGS_WORDS as W } from "@/lib/narrative/notification-words";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";

/** One row per kind of note: the inbox always gets it; e-mail is a checkbox (kept for when the server sends e-mail). */
export function PreferencesForm({ preferences, emailConfigured }: { preferences: readonly NotificationPreferenceView[]; emailConfigured: boolean }) {
  const [state, action, pending] = useActionState<PreferencesState, FormData>(savePreferencesAction, null);
  return (
    <form action={action} className="space-y-4" data-testid="preferences-form">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{W.preferencesTitle}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-700">
            <th scope="col" className="py-2 pr-3 font-medium">{W.kindColumn}</th>
            <th scope="col" className="px-2 py-2 font-medium">{W.inboxColumn}</th>
            <th scope="col" className="px-2 py-2 font-medium">{W.emailColumn}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {preferences.map((p) => {
            const words = NOTIFICATION_KIND_WORDS[p.kind];
            const id = `email-${p.kind}`;
            return (
              <tr key={p.kind} data-kind={p.kind}>
                <th scope="row" className="py-3 pr-3 align-top font-normal">
                  <label htmlFor={id} className="block font-medium text-slate-900">{words.label}</label>
                  <span className="block text-xs text-slate-600">{words.who}</span>
                </th>
                <td className="px-2 py-3 align-top text-slate-700">{W.always}</td>
                <td className="px-2 py-3 align-top">
                  <input id={id} type="checkbox" name="email" value={p.kind} defaultChecked={p.email} className="h-4 w-4" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {emailConfigured ? null : <p className="text-sm text-slate-700">{W.emailOff}</p>}
      <Button type="submit" disabled={pending}>
        {pending ? W.saving : W.save}
      </Button>
      {state ? (
        state.ok ? <Notice tone="success">{state.message}</Notice> : <Notice tone="error">{state.error}</Notice>
      ) : null}
    </form>
  );
}
