// The workspace's webhooks (owners only): list, add (the address is checked, the secret is made here, shown once
// and stored sealed with AES-256-GCM) and remove. Adding and removing are audit events. Another workspace's webhook
// answers "not found".
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { RuleError, notFound } from "@/lib/auth/errors";
import type { DeliveryStatus, NewWebhookView, WebhookView } from "@/lib/contracts/notifications";
import { tooManyWebhooksWords, webhookRefusalWords } from "@/lib/narrative/notification-words";
import { newWebhookSecret, seal, secretKey } from "@/lib/notifications/secret-box";
import { checkWebhookTarget, type Resolve } from "@/lib/notifications/webhook-address";
import { getDb } from "@/lib/prisma/client";
import { appendAuditEvent } from "./audit";

const MAX_WEBHOOKS = 20;

export const webhookInput = z.object({
  url: z.string({ message: "Paste the webhook's address." }).trim().min(1, "Paste the webhook's address."),
});

const webhookId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** The webhooks of the signed-in owner's workspace, newest first, each with its newest delivery. */
export async function listWebhooks(): Promise<WebhookView[]> {
  const user = await requirePermission("webhooks.manage", "manage webhooks");
  const db = await getDb();
  const rows = await db.webhook.findMany({
    where: { workspaceId: user.workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      url: true,
      secretHint: true,
      createdAt: true,
      createdBy: { select: { name: true, email: true } },
      deliveries: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { status: true, createdAt: true, sentAt: true, lastError: true } },
    },
  });
  return rows.map((r) => {
    const last = r.deliveries[0];
    return {
      id: r.id,
      url: r.url,
      secretHint: r.secretHint,
      createdBy: r.createdBy ? r.createdBy.name || r.createdBy.email : null,
      createdAt: r.createdAt,
      lastDelivery: last ? { status: last.status as DeliveryStatus, at: last.sentAt ?? last.createdAt, error: last.lastError } : null,
    };
  });
}

/**
 * Adds a webhook (owners). Refused with the reason when the address is not http(s), resolves to a local or private
 * address (unless SIGHTLINE_WEBHOOK_ALLOWLIST names it), or the server has no key for secrets. The secret is
 * returned once. `resolve` is for tests.
 */
export async function addWebhook(input: z.input<typeof webhookInput>, options: { resolve?: Resolve } = {}): Promise<NewWebhookView> {
  const user = await requirePermission("webhooks.manage", "manage webhooks");
  const { url: raw } = webhookInput.parse(input);
  const checked = await checkWebhookTarget(raw, options.resolve ? { resolve: options.resolve } : {});
  if (!checked.ok) throw new RuleError(webhookRefusalWords(checked.refusal), 422);
  const key = secretKey();
  if (!key) throw new RuleError(webhookRefusalWords({ kind: "no_key" }), 422);
  const url = checked.url.toString();
  const id = randomUUID();
  const secret = newWebhookSecret();
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const count = await tx.webhook.count({ where: { workspaceId: user.workspaceId } });
    if (count >= MAX_WEBHOOKS) throw new RuleError(tooManyWebhooksWords(MAX_WEBHOOKS));
    await tx.webhook.create({
      data: { id, workspaceId: user.workspaceId, url, secretEncrypted: seal(secret, id, key), secretHint: secret.slice(0, 10), createdById: user.id },
    });
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "webhook.added",
      subjectType: "webhook",
      subjectId: id,
      payload: { url, secretHint: secret.slice(0, 10) },
    });
  });
  return { id, url, secret };
}

/** Removes a webhook of the signed-in owner's workspace; its past deliveries stay, nothing more is sent. */
export async function removeWebhook(id: unknown): Promise<void> {
  const user = await requirePermission("webhooks.manage", "manage webhooks");
  const parsed = webhookId.safeParse(id);
  if (!parsed.success) throw notFound("That webhook");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const row = await tx.webhook.findFirst({ where: { id: parsed.data, workspaceId: user.workspaceId }, select: { id: true, url: true } });
    if (!row) throw notFound("That webhook");
    await tx.webhook.delete({ where: { id: row.id } });
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "webhook.removed",
      subjectType: "webhook",
      subjectId: row.id,
      payload: { url: row.url },
    });
  });
}
