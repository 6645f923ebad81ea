"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/auth/guard";
import type { NewWebhookView } from "@/lib/contracts/notifications";
import { saveNotificationPreferences } from "@/lib/db/notifications";
import { addWebhook, removeWebhook } from "@/lib/db/webhooks";
import { NOTIFICATION_SETTINGS_WORDS } from "@/lib/narrative/notification-words";

export type PreferencesState = ActionResult | null;

export async function savePreferencesAction(_prev: PreferencesState, form: FormData): Promise<PreferencesState> {
  return runAction(async () => {
    await saveNotificationPreferences({ email: form.getAll("email") });
    revalidatePath("/settings/notifications");
  }, NOTIFICATION_SETTINGS_WORDS.saved);
}

export type AddWebhookState = ActionResult<NewWebhookView> | null;

export async function addWebhookAction(_prev: AddWebhookState, form: FormData): Promise<AddWebhookState> {
  return runAction(async () => {
    const created = await addWebhook({ url: String(form.get("url") ?? "") });
    revalidatePath("/settings/notifications");
    return created;
  });
}

export type RemoveWebhookState = ActionResult | null;

export async function removeWebhookAction(_prev: RemoveWebhookState, form: FormData): Promise<RemoveWebhookState> {
  return runAction(async () => {
    await removeWebhook(form.get("webhookId"));
    revalidatePath("/settings/notifications");
  }, NOTIFICATION_SETTINGS_WORDS.removed);
}
