// The one entry point the rest of the app calls: `notify(tx, event)`, inside the transaction of the change that
// raised it. It only inserts rows: an inbox item per recipient, and a NotificationDelivery per e-mail and per webhook
// with its queue message (pg-boss, committed with the transaction, retried with backoff). Nothing is sent here, so
// no request waits on a mail server or a webhook; the queue's worker sends (deliver.ts).
import "server-only";
import { publicUrl } from "@/lib/auth/public-url";
import type { NotificationKind } from "@/lib/contracts/notifications";
import { NOTIFY_QUEUE, getQueue, inTransaction } from "@/lib/jobs/queue";
import type { Prisma } from "@/lib/prisma/generated/client";
import type { Tx } from "@/lib/prisma/client";
import { ruleOf, type EventOf, type NotificationEvent } from "./kinds";
import { smtpUrl } from "./settings";
import { redVerdictEvents } from "./verdict-red";

/** New snapshots were written (lib/evaluation/pipeline.ts): a verdict that turned red raises `verdict_red`. */
export interface SnapshotsWritten {
  kind: "snapshots_written";
  snapshotIds: readonly string[];
}

export type NotifyInput = NotificationEvent | SnapshotsWritten;

export interface DeliveryMessage {
  deliveryId: string;
}

/** Retries of one delivery after its first try: 30 s, then doubling (pg-boss's backoff), about 16 minutes in all. */
export const DELIVERY_RETRIES = 5;
export const DELIVERY_RETRY_DELAY_SECONDS = 30;

/** Raises notifications for `input`; returns how many inbox items were written. */
export async function notify(tx: Tx, input: NotifyInput): Promise<number> {
  if (input.kind === "snapshots_written") {
    let written = 0;
    for (const event of await redVerdictEvents(tx, input.snapshotIds)) written += await raise(tx, event);
    return written;
  }
  return raise(tx, input);
}

async function recipientsOf(tx: Tx, event: NotificationEvent): Promise<string[]> {
  const audience = ruleOf(event.kind).audience;
  const named = (event.to ?? []).filter((id): id is string => typeof id === "string");
  if (audience === "named" && named.length === 0) return [];
  const members = await tx.membership.findMany({
    where: {
      workspaceId: event.workspaceId,
      ...(audience === "named" ? { userId: { in: named } } : named.length ? { OR: [{ role: { in: [...audience] } }, { userId: { in: named } }] } : { role: { in: [...audience] } }),
    },
    select: { userId: true },
    orderBy: { createdAt: "asc" },
  });
  return [...new Set(members.map((m) => m.userId))].filter((id) => id !== event.actorId);
}

function wordsOf<K extends NotificationKind>(event: EventOf<K>) {
  const rule = ruleOf<K>(event.kind as K);
  return { text: rule.words(event), link: rule.link(event) };
}

/** The webhook body: Slack-compatible (`text`) plus the event's fields. */
function webhookPayload(event: NotificationEvent, title: string, body: string, link: string): Prisma.InputJsonValue {
  const url = `${publicUrl()}${link}`;
  return {
    text: `${title} ${body} ${url}`,
    event: {
      kind: event.kind,
      workspaceId: event.workspaceId,
      model: { id: event.model.id, name: event.model.name },
      version: event.version ?? null,
      title,
      body,
      url,
      details: event.details as Prisma.InputJsonValue,
      createdAt: new Date().toISOString(),
    },
  };
}

async function raise(tx: Tx, event: NotificationEvent): Promise<number> {
  let recipients = await recipientsOf(tx, event);
  const webhooks = await tx.webhook.findMany({ where: { workspaceId: event.workspaceId }, select: { id: true } });
  if (recipients.length === 0 && webhooks.length === 0) return 0;
  const { text, link } = wordsOf(event);
  if (event.dedupeKey && recipients.length) {
    const seen = await tx.notification.findMany({ where: { userId: { in: recipients }, dedupeKey: event.dedupeKey }, select: { userId: true } });
    const already = new Set(seen.map((s) => s.userId));
    recipients = recipients.filter((id) => !already.has(id));
    if (recipients.length === 0) return 0; // raised before: webhooks heard of it then
  }
  const items = recipients.length
    ? await tx.notification.createManyAndReturn({
        data: recipients.map((userId) => ({ workspaceId: event.workspaceId, userId, kind: event.kind, title: text.title, body: text.body, link, dedupeKey: event.dedupeKey ?? null })),
        select: { id: true, userId: true },
      })
    : [];
  const deliveries: Prisma.NotificationDeliveryCreateManyInput[] = [];
  if (smtpUrl() && items.length) {
    const off = await tx.notificationPreference.findMany({
      where: { workspaceId: event.workspaceId, kind: event.kind, email: false, userId: { in: items.map((i) => i.userId) } },
      select: { userId: true },
    });
    const noMail = new Set(off.map((o) => o.userId));
    for (const item of items) if (!noMail.has(item.userId)) deliveries.push({ workspaceId: event.workspaceId, channel: "email", notificationId: item.id });
  }
  if (webhooks.length) {
    const payload = webhookPayload(event, text.title, text.body, link);
    for (const w of webhooks) deliveries.push({ workspaceId: event.workspaceId, channel: "webhook", webhookId: w.id, payload });
  }
  if (deliveries.length) {
    const rows = await tx.notificationDelivery.createManyAndReturn({ data: deliveries, select: { id: true } });
    const boss = await getQueue();
    const db = inTransaction(tx);
    for (const row of rows) {
      const message: DeliveryMessage = { deliveryId: row.id };
      await boss.send(NOTIFY_QUEUE, message, { db, retryLimit: DELIVERY_RETRIES, retryDelay: DELIVERY_RETRY_DELAY_SECONDS, retryBackoff: true, expireInSeconds: 120 });
    }
  }
  return items.length;
}
