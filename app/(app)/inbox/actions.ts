"use server";

import { revalidatePath } from "next/cache";
import { guard } from "@/lib/auth/guard";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/db/notifications";

// Plain form posts (they work before the page's scripts load); the layout re-renders so the badge follows.
export async function markReadAction(form: FormData): Promise<void> {
  await guard(() => markNotificationRead(form.get("id")));
  revalidatePath("/", "layout");
}

export async function markAllReadAction(): Promise<void> {
  await guard(markAllNotificationsRead);
  revalidatePath("/", "layout");
}
