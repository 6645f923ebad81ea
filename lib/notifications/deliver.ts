// The queue's worker for one delivery: an e-mail over SMTP (nodemailer) or a signed webhook post. A failure that
// may pass (no answer, 5xx, 408, 429) is thrown so pg-boss tries again with backoff; one that will not (a refused
// address, a redirect, another 4xx, a secret that no longer opens) is recorded as failed at once. The outcome of
// each try is on the NotificationDelivery row, which owners see beside each webhook.
import "server-only";
import http from "node:http";
import https from "node:https";
import nodemailer from "nodemailer";
import { publicUrl } from "@/lib/auth/public-url";
import { deliveryFailureWords, webhookRefusalWords } from "@/lib/narrative/notification-words";
import { getDb } from "@/lib/prisma/client";
import { open as openSecret } from "./secret-box";
import { mailFrom, smtpUrl } from "./settings";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";
import { BlockedAddressError, checkWebhookTarget, dnsLookupChecked } from "./webhook-address";

/** A webhook gets this long to answer. */
export const WEBHOOK_TIMEOUT_MS = 5_000;

/** A failure that another try will not fix. */
class PermanentFailure extends Error {}

type Transport = ReturnType<typeof nodemailer.createTransport>;
const transports = new Map<string, Transport>();

function transportFor(url: string): Transport {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
}

async function sendEmail(to: string, subject: string, text: string): Promise<void> {
  const url = smtpUrl();
  if (!url) throw new PermanentFailure("e-mail is not set up on this server (SIGHTLINE_SMTP_URL)");
  await transportFor(url).sendMail({ from: mailFrom(), to, subject, text });
}

/** POSTs `body` to `url`: no redirects followed, WEBHOOK_TIMEOUT_MS in all, the connection's address checked. */
export function postWebhook(url: URL, body: string, headers: Record<string, string>, allowlisted: boolean): Promise<number> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise<number>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        agent: false,
        headers: { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)), "User-Agent": "Sightline-Webhook/1", ...headers },
        ...(allowlisted ? {} : { lookup: dnsLookupChecked }),
      },
      (response) => {
        response.resume(); // the answer's body is not needed
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    const timer = setTimeout(() => request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEOUT" })), WEBHOOK_TIMEOUT_MS);
    request.on("close", () => clearTimeout(timer));
    request.on("error", reject);
    request.end(body);
  });
}

async function sendWebhook(webhook: { id: string; url: string; secretEncrypted: string }, payload: unknown): Promise<void> {
  const target = await checkWebhookTarget(webhook.url);
  if (!target.ok) throw new PermanentFailure(webhookRefusalWords(target.refusal));
  let secret: string;
  try {
    secret = openSecret(webhook.secretEncrypted, webhook.id);
  } catch {
    throw new PermanentFailure("its secret could not be unlocked with this server's key; remove the webhook and add it again");
  }
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(Date.now() / 1000);
  let status: number;
  try {
    status = await postWebhook(target.url, body, { [SIGNATURE_HEADER]: signatureHeader(secret, timestamp, body) }, target.allowlisted === true);
  } catch (error) {
    if (error instanceof BlockedAddressError) throw new PermanentFailure(webhookRefusalWords({ kind: "private", host: error.host, address: error.address }));
    const code = (error as { code?: unknown }).code;
    if (code === "ETIMEOUT") throw new Error(deliveryFailureWords({ kind: "timeout", seconds: WEBHOOK_TIMEOUT_MS / 1000 }));
    throw new Error(deliveryFailureWords({ kind: "network", detail: typeof code === "string" ? code : error instanceof Error ? error.message : String(error) }));
  }
  if (status >= 200 && status < 300) return;
  if (status >= 300 && status < 400) throw new PermanentFailure(deliveryFailureWords({ kind: "redirect", status }));
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) throw new PermanentFailure(deliveryFailureWords({ kind: "status", status }));
  throw new Error(deliveryFailureWords({ kind: "status", status }));
}

/**
 * Sends one delivery. `lastTry`: pg-boss will not try again after this one. Throws when another try may help
 * (and this is not the last), so the queue retries with backoff.
 */
export async function deliver(deliveryId: string, lastTry: boolean): Promise<"sent" | "failed" | "retrying" | "skipped"> {
  const db = await getDb();
  const row = await db.notificationDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      id: true,
      status: true,
      channel: true,
      payload: true,
      notification: { select: { title: true, body: true, link: true, user: { select: { email: true } } } },
      webhook: { select: { id: true, url: true, secretEncrypted: true } },
    },
  });
  if (!row || row.status === "sent" || row.status === "failed") return "skipped";
  await db.notificationDelivery.update({ where: { id: row.id }, data: { attempts: { increment: 1 } } });
  try {
    if (row.channel === "email") {
      const n = row.notification;
      if (!n) return "skipped";
      const link = n.link ? `\n\n${publicUrl()}${n.link}` : "";
      await sendEmail(n.user.email, n.title, `${n.title}\n\n${n.body}${link}\n\n-- \nSightline`);
    } else {
      if (!row.webhook) {
        await db.notificationDelivery.update({ where: { id: row.id }, data: { status: "failed", lastError: "the webhook was removed" } });
        return "failed";
      }
      await sendWebhook(row.webhook, row.payload);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const final = lastTry || error instanceof PermanentFailure;
    await db.notificationDelivery.update({ where: { id: row.id }, data: { status: final ? "failed" : "retrying", lastError: message.slice(0, 500) } });
    if (final) return "failed";
    throw error;
  }
  await db.notificationDelivery.update({ where: { id: row.id }, data: { status: "sent", sentAt: new Date(), lastError: null } });
  return "sent";
}
