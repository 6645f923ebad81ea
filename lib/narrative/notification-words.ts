// Sentences of notifications: the inbox, its badge, each kind of note (inbox, e-mail and webhook text), the
// settings page and the refusals of a webhook address. Pure.
import type { DeliveryStatus, NotificationKind } from "@/lib/contracts/notifications";

export interface NotificationText {
  title: string;
  body: string;
}

type Decision = "approve" | "request_changes" | "reject";

/** A version was sent for review (to reviewers and owners). */
export function reviewRequestedWords(p: { actor: string; modelName: string; version: number }): NotificationText {
  return {
    title: `Version ${p.version} of ${p.modelName} waits for review.`,
    body: `${p.actor} sent it. Open it to check the evidence and decide.`,
  };
}

const DECIDED: Record<Decision, string> = {
  approve: "said yes to",
  request_changes: "asked for changes to",
  reject: "said no to",
};

const DECIDED_NEXT: Record<Decision, string> = {
  approve: "It can go live once it has all the yes votes it needs.",
  request_changes: "Read the comment, make the changes, then send it again.",
  reject: "Read the comment to see why.",
};

/** A reviewer decided on a version (to the person who sent it). */
export function reviewDecidedWords(p: { actor: string; modelName: string; version: number; decision: Decision }): NotificationText {
  return {
    title: `${p.actor} ${DECIDED[p.decision]} version ${p.version} of ${p.modelName}.`,
    body: DECIDED_NEXT[p.decision],
  };
}

/** A new result's overall light is red, and the one before it was not (to owners and analysts). */
export function verdictRedWords(p: { modelName: string; version: number; windowLabel: string; reason: string }): NotificationText {
  const reason = p.reason.trim();
  return {
    title: `${p.modelName} turned red on ${p.windowLabel} (version ${p.version}).`,
    body: `${reason ? `${reason.endsWith(".") ? reason : `${reason}.`} ` : ""}Open the model to see what changed.`,
  };
}

/** No new data for a model in `days` days (to owners and analysts). */
export function staleDataWords(p: { modelName: string; days: number; lastDataAt: Date | null }): NotificationText {
  return {
    title: `No new data for ${p.modelName} in ${p.days} days.`,
    body: p.lastDataAt
      ? `The last data came on ${p.lastDataAt.toISOString().slice(0, 10)}. Upload new data so its health stays up to date.`
      : "It has no data yet. Upload data so Sightline can tell you how it is doing.",
  };
}

/** An accepted risk ends within a week (to owners and the reviewer who confirmed it). */
export function acceptedRiskExpiringWords(p: { modelName: string; version: number; check: string; expiresAt: Date }): NotificationText {
  return {
    title: `An accepted risk of ${p.modelName} ends on ${p.expiresAt.toISOString().slice(0, 10)}.`,
    body: `${p.check} of version ${p.version} was accepted until then. After that day the check shows its own light again. If the business still lives with it, accept it again with a new reason.`,
  };
}

/** Each kind's name on the settings page, and who gets it. */
export const NOTIFICATION_KIND_WORDS: Record<NotificationKind, { label: string; who: string }> = {
  review_requested: { label: "A version waits for review", who: "Sent to reviewers and owners." },
  review_decided: { label: "A review of your version is done", who: "Sent to the person who sent it for review." },
  verdict_red: { label: "A model turns red", who: "Sent to owners and analysts." },
  stale_data: { label: "No new data for 30 days", who: "Sent to owners and analysts, once a day at most." },
  accepted_risk_expiring: { label: "An accepted risk ends within a week", who: "Sent to owners and to the reviewer who confirmed it, once." },
};

export const INBOX_WORDS = {
  title: "Inbox",
  lead: "Notes about your models and reviews, newest first.",
  empty:
    "Nothing here yet. You will see a note here when a version waits for your review, when a review of your version is done, when a model turns red, when a model gets no new data for 30 days, and when an accepted risk ends within a week.",
  unreadMark: "New",
  markRead: "Mark as read",
  markAllRead: "Mark all as read",
  open: "Open",
  newer: "Newer notes",
  older: "Older notes",
  pagesLabel: "Inbox pages",
  settingsLink: "Choose what you get by e-mail",
  allRead: "All notes are marked as read.",
  oneRead: "Marked as read.",
} as const;

/** The sentence under the inbox title: how many notes are unread. */
export function unreadSentence(n: number): string {
  if (n === 0) return "You have read every note.";
  return n === 1 ? "You have 1 unread note." : `You have ${n} unread notes.`;
}

/** What a screen reader hears after the badge's number in the navigation. */
export function unreadBadgeLabel(n: number): string {
  return n === 1 ? "1 unread note" : `${n} unread notes`;
}

export const NOTIFICATION_SETTINGS_WORDS = {
  title: "Notifications",
  lead: "Choose what you get by e-mail. Every note goes to your inbox too.",
  preferencesTitle: "What you get",
  kindColumn: "Kind of note",
  inboxColumn: "Inbox",
  emailColumn: "E-mail",
  always: "Always",
  save: "Save choices",
  saved: "Your choices are saved.",
  emailOff:
    "This server sends no e-mail yet, so notes go to your inbox only. Your choices are kept for when an administrator turns e-mail on with the setting SIGHTLINE_SMTP_URL.",
  webhooksTitle: "Webhooks",
  webhooksLead:
    "A webhook is a web address of another service, such as a Slack channel, that gets a short message for each note. Each post is signed with the webhook's own secret, so the service can check it came from Sightline.",
  webhooksOwnersOnly: "Only owners can add or remove webhooks.",
  noWebhooks: "No webhooks yet. Add one to send each note to a chat or another tool.",
  urlLabel: "Webhook address",
  urlHint: "It must start with http:// or https://. Local and private addresses are refused.",
  add: "Add webhook",
  remove: "Remove",
  removed: "The webhook is removed. Nothing more is sent to it.",
  secretTitle: "Webhook added",
  secretShownOnce:
    "Copy this secret now and keep it in the other service. Sightline keeps it locked and cannot show it again.",
  secretLabel: "Webhook secret",
  copy: "Copy secret",
  copied: "Copied",
  neverSent: "Nothing sent yet.",
  listTitle: "Webhooks of this workspace",
  secretStartsWith: "Secret starts with",
  adding: "Adding…",
  saving: "Saving…",
} as const;

/** Refused: a workspace has at most `max` webhooks. */
export function tooManyWebhooksWords(max: number): string {
  return `A workspace can have ${max} webhooks at most. Remove one first.`;
}

/** The question before a webhook is removed. */
export const REMOVE_WEBHOOK_QUESTION = "Remove this webhook? Nothing more will be sent to it.";

/** The newest post to a webhook, in one line. */
export function deliveryWords(status: DeliveryStatus, at: string, error: string | null): string {
  switch (status) {
    case "sent":
      return `Last post sent on ${at}.`;
    case "pending":
      return `A post waits to be sent (${at}).`;
    case "retrying":
      return `The last post failed and will be tried again: ${error ?? "no answer"}.`;
    case "failed":
      return `The last post failed for good: ${error ?? "no answer"}.`;
  }
}

/** "Added on 2026-12-07." (who added it is in the audit log) */
export function webhookAddedWords(at: Date): string {
  return `Added on ${at.toISOString().slice(0, 10)}.`;
}

export type WebhookRefusal =
  | { kind: "invalid" }
  | { kind: "scheme" }
  | { kind: "credentials" }
  | { kind: "too_long" }
  | { kind: "not_found"; host: string }
  | { kind: "private"; host: string; address: string }
  | { kind: "no_key" };

/** Why a webhook address is refused, and what to do. */
export function webhookRefusalWords(r: WebhookRefusal): string {
  switch (r.kind) {
    case "invalid":
      return "That is not a web address. Paste the whole address, with https:// at the start.";
    case "scheme":
      return "Use an address that starts with http:// or https://.";
    case "credentials":
      return "Leave the user name and password out of the address. The secret proves each post is from Sightline.";
    case "too_long":
      return "That address is too long. Keep it under 2,000 characters.";
    case "not_found":
      return `The name ${r.host} could not be found. Check the address.`;
    case "private":
      return r.host === r.address
        ? `Sightline does not post to ${r.address}. It is a local or private address. To allow it, an admin adds it to the webhook allow list.`
        : `Sightline does not post to ${r.host}. It leads to ${r.address}. That is a local or private address. To allow it, an admin adds the name to the webhook allow list.`;
    case "no_key":
      return "This server has no key to lock webhook secrets. An admin must set one first (SIGHTLINE_SECRET_KEY).";
  }
}

/** Why a post to a webhook failed (kept on the delivery, shown to owners). */
export function deliveryFailureWords(p: { kind: "status"; status: number } | { kind: "redirect"; status: number } | { kind: "timeout"; seconds: number } | { kind: "network"; detail: string }): string {
  switch (p.kind) {
    case "status":
      return `the service answered ${p.status}`;
    case "redirect":
      return `the service answered ${p.status} and sent us to another address, which Sightline does not follow`;
    case "timeout":
      return `no answer in ${p.seconds} seconds`;
    case "network":
      return `the service could not be reached (${p.detail})`;
  }
}
