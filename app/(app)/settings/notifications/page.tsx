import type { Metadata } from "next";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { AddWebhookForm, RemoveWebhookButton } from "@/components/notifications/webhook-forms";
import { Card, PageTitle } from "@/components/ui/card";
import { guard } from "@/lib/auth/guard";
import { getNotificationSettings } from "@/lib/db/notifications";
import { listWebhooks } from "@/lib/db/webhooks";
import { NOTIFICATION_SETTINGS_WORDS as W, deliveryWords, webhookAddedWords } from "@/lib/narrative/notification-words";

export const metadata: Metadata = { title: "Notifications" };

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function NotificationSettingsPage() {
  const settings = await guard(getNotificationSettings);
  const webhooks = settings.canManageWebhooks ? await guard(listWebhooks) : [];
  return (
    <>
      <PageTitle title={W.title} lead={W.lead} />
      <Card className="mb-6">
        <h2 className="mb-3 font-semibold">{W.preferencesTitle}</h2>
        <PreferencesForm preferences={settings.preferences} emailConfigured={settings.emailConfigured} />
      </Card>
      <Card>
        <h2 className="font-semibold">{W.webhooksTitle}</h2>
        <p className="mt-1 max-w-2xl text-sm text-slate-700">{W.webhooksLead}</p>
        {settings.canManageWebhooks ? (
          <div className="mt-4 space-y-6">
            <AddWebhookForm />
            <div>
              <h3 className="text-sm font-semibold text-slate-900">{W.listTitle} ({webhooks.length})</h3>
              {webhooks.length === 0 ? (
                <p className="mt-2 text-sm text-slate-700">{W.noWebhooks}</p>
              ) : (
                <ul className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="webhook-list">
                  {webhooks.map((w) => (
                    <li key={w.id} data-testid="webhook" className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                      <div className="min-w-0">
                        <p className="break-all font-mono text-sm text-slate-900">{w.url}</p>
                        <p className="text-xs text-slate-600">
                          {W.secretStartsWith} <code>{w.secretHint}…</code> · {webhookAddedWords(w.createdAt)}
                        </p>
                        <p className="text-xs text-slate-600" data-testid="webhook-last-delivery">
                          {w.lastDelivery ? deliveryWords(w.lastDelivery.status, `${timeFormat.format(w.lastDelivery.at)} UTC`, w.lastDelivery.error) : W.neverSent}
                        </p>
                      </div>
                      <RemoveWebhookButton webhookId={w.id} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        ) : (
          <p className="mt-2 text-sm text-slate-700">{W.webhooksOwnersOnly}</p>
        )}
      </Card>
    </>
  );
}
