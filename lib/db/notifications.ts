// The signed-in person's notifications: the inbox (newest first, a page at a time), the unread count for the
// badge, marking read, and their choices of what also comes by e-mail. Everyone reads and changes only their own
// notifications in the workspace they are signed in to; another person's (or another workspace's) answers "not
// found". Raising notifications is lib/notifications/notify.ts, inside the transaction of whatever raised them.
import "server-only";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { notFound } from "@/lib/auth/errors";
import { NOTIFICATION_KINDS, type InboxView, type NotificationKind, type NotificationSettingsView } from "@/lib/contracts/notifications";
import { can } from "@/lib/auth/permissions";
import { smtpUrl } from "@/lib/notifications/settings";
import { getDb } from "@/lib/prisma/client";
import type { FormFields } from "./form-fields";

export const INBOX_PAGE_SIZE = 25;

export const inboxParams = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

const notificationId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** The inbox of the signed-in person in this workspace, newest first. */
export async function listInbox(params: unknown = {}): Promise<InboxView> {
  const user = await requireUser();
  const { page } = inboxParams.parse(params ?? {});
  const db = await getDb();
  const mine = { userId: user.id, workspaceId: user.workspaceId };
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: mine,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE + 1,
      select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true },
    }),
    db.notification.count({ where: { ...mine, readAt: null } }),
  ]);
  return {
    items: rows.slice(0, INBOX_PAGE_SIZE).map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.createdAt, read: r.readAt !== null })),
    unread,
    page,
    hasMore: rows.length > INBOX_PAGE_SIZE,
  };
}

/** How many of the signed-in person's notifications in this workspace are unread (the badge). */
export async function unreadNotificationCount(): Promise<number> {
  const user = await requireUser();
  const db = await getDb();
  return db.notification.count({ where: { userId: user.id, workspaceId: user.workspaceId, readAt: null } });
}

/** Marks one of the signed-in person's notifications read (already read: nothing changes). */
export async function markNotificationRead(id: unknown): Promise<void> {
  const user = await requireUser();
  const parsed = notificationId.safeParse(id);
  if (!parsed.success) throw notFound("That notification");
  const db = await getDb();
  const where = { id: parsed.data, userId: user.id, workspaceId: user.workspaceId };
  const updated = await db.notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: new Date() } });
  if (updated.count === 0 && (await db.notification.count({ where })) === 0) throw notFound("That notification");
}

/** Marks every unread notification of the signed-in person in this workspace read; returns how many. */
export async function markAllNotificationsRead(): Promise<number> {
  const user = await requireUser();
  const db = await getDb();
  const updated = await db.notification.updateMany({ where: { userId: user.id, workspaceId: user.workspaceId, readAt: null }, data: { readAt: new Date() } });
  return updated.count;
}

/** The signed-in person's choices (no row: e-mail on), whether e-mail is set up, and whether they manage webhooks. */
export async function getNotificationSettings(): Promise<NotificationSettingsView> {
  const user = await requireUser();
  const db = await getDb();
  const rows = await db.notificationPreference.findMany({ where: { userId: user.id, workspaceId: user.workspaceId }, select: { kind: true, email: true } });
  const byKind = new Map(rows.map((r) => [r.kind, r.email]));
  return {
    preferences: NOTIFICATION_KINDS.map((kind) => ({ kind, email: byKind.get(kind) ?? true })),
    emailConfigured: smtpUrl() !== null,
    canManageWebhooks: !user.apiToken && can(user.role, "webhooks.manage"),
  };
}

const kindSchema = z.enum(NOTIFICATION_KINDS);

export const preferencesInput = z.object({
  /** the kinds that also come by e-mail; every other kind comes to the inbox only */
  email: z.array(kindSchema, { message: "Choose the kinds of note to get by e-mail." }).max(NOTIFICATION_KINDS.length),
});

/** Saves the signed-in person's e-mail choice for every kind. */
export async function saveNotificationPreferences(input: z.input<typeof preferencesInput> | { email: FormFields[string][] }): Promise<void> {
  const user = await requireUser();
  const { email } = preferencesInput.parse(input);
  const on = new Set<NotificationKind>(email);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    for (const kind of NOTIFICATION_KINDS) {
      await tx.notificationPreference.upsert({
        where: { userId_workspaceId_kind: { userId: user.id, workspaceId: user.workspaceId, kind } },
        create: { userId: user.id, workspaceId: user.workspaceId, kind, email: on.has(kind) },
        update: { email: on.has(kind) },
      });
    }
  });
}
