// The notification templates (lib/narrative/notification-words.ts), each filled at least twice.
import { NOTIFICATION_KINDS } from "@/lib/contracts/notifications";
import {
  acceptedRiskExpiringWords,
  INBOX_WORDS,
  NOTIFICATION_KIND_WORDS,
  NOTIFICATION_SETTINGS_WORDS,
  deliveryFailureWords,
  deliveryWords,
  REMOVE_WEBHOOK_QUESTION,
  reviewDecidedWords,
  reviewRequestedWords,
  staleDataWords,
  tooManyWebhooksWords,
  unreadBadgeLabel,
  unreadSentence,
  verdictRedWords,
  webhookAddedWords,
  webhookRefusalWords,
  type NotificationText,
} from "@/lib/narrative";
import type { Filled } from "./corpus";

export function notificationFills(): Filled[] {
  const out: Filled[] = [];
  const add = (template: string, fill: string, text: string) => out.push({ template, fill, text });
  const addText = (template: string, fill: string, t: NotificationText) => add(template, fill, `${t.title} ${t.body}`);
  for (const words of [INBOX_WORDS, NOTIFICATION_SETTINGS_WORDS]) {
    for (const [key, value] of Object.entries(words)) {
      // Sentences only: headings, labels and buttons are not read as prose.
      if (!/[.?]$/.test(value)) continue;
      add(`words.${key}`, "as is", value);
      add(`words.${key}`, "as is, again", value);
    }
  }
  for (const kind of NOTIFICATION_KINDS) {
    const w = NOTIFICATION_KIND_WORDS[kind];
    add(`NOTIFICATION_KIND_WORDS.${kind}`, "label", `${w.label}. ${w.who}`);
    add(`NOTIFICATION_KIND_WORDS.${kind}`, "who", w.who);
  }
  addText("reviewRequestedWords", "analyst", reviewRequestedWords({ actor: "Alex Analyst", modelName: "Income screener", version: 2, }));
  addText("reviewRequestedWords", "token", reviewRequestedWords({ actor: "Olivia Owner", modelName: "Bike rental demand", version: 14 }));
  for (const decision of ["approve", "request_changes", "reject"] as const) {
    addText("reviewDecidedWords", `${decision} 1`, reviewDecidedWords({ actor: "Rafael Reviewer", modelName: "Income screener", version: 2, decision }));
    addText("reviewDecidedWords", `${decision} 2`, reviewDecidedWords({ actor: "Olivia Owner", modelName: "Churn model", version: 7, decision }));
  }
  addText("verdictRedWords", "reason", verdictRedWords({ modelName: "Income screener", version: 1, windowLabel: "2026-08", reason: "Accuracy fell by 12% since the reference" }));
  addText("verdictRedWords", "no reason", verdictRedWords({ modelName: "Bike rental demand", version: 3, windowLabel: "week 2026-W31", reason: "" }));
  addText("staleDataWords", "date", staleDataWords({ modelName: "Income screener", days: 30, lastDataAt: new Date("2026-10-31T08:00:00Z") }));
  addText("staleDataWords", "none", staleDataWords({ modelName: "Bike rental demand", days: 30, lastDataAt: null }));
  addText("acceptedRiskExpiringWords", "drift", acceptedRiskExpiringWords({ modelName: "Income screener", version: 2, check: "Change in the column age", expiresAt: new Date("2026-12-31T23:59:59.999Z") }));
  addText("acceptedRiskExpiringWords", "fairness", acceptedRiskExpiringWords({ modelName: "Bike rental demand", version: 1, check: "Fairness for the group Female of sex", expiresAt: new Date("2027-02-14T12:00:00Z") }));
  for (const n of [0, 1, 12]) {
    add("unreadSentence", `${n}`, unreadSentence(n));
    add("unreadBadgeLabel", `${n}`, unreadBadgeLabel(n));
  }
  add("REMOVE_WEBHOOK_QUESTION", "as is", REMOVE_WEBHOOK_QUESTION);
  add("REMOVE_WEBHOOK_QUESTION", "as is, again", REMOVE_WEBHOOK_QUESTION);
  add("deliveryWords", "sent", deliveryWords("sent", "2026-12-07 14:05 UTC", null));
  add("deliveryWords", "pending", deliveryWords("pending", "2026-12-07 14:05 UTC", null));
  add("deliveryWords", "retrying", deliveryWords("retrying", "2026-12-07 14:05 UTC", deliveryFailureWords({ kind: "status", status: 503 })));
  add("deliveryWords", "failed", deliveryWords("failed", "2026-12-07 14:05 UTC", deliveryFailureWords({ kind: "timeout", seconds: 5 })));
  add("deliveryWords", "redirect", deliveryWords("failed", "2026-12-07 14:05 UTC", deliveryFailureWords({ kind: "redirect", status: 302 })));
  add("deliveryWords", "network", deliveryWords("retrying", "2026-12-07 14:05 UTC", deliveryFailureWords({ kind: "network", detail: "connection refused" })));
  add("tooManyWebhooksWords", "20", tooManyWebhooksWords(20));
  add("tooManyWebhooksWords", "5", tooManyWebhooksWords(5));
  add("webhookAddedWords", "december", webhookAddedWords(new Date("2026-12-07T14:05:00Z")));
  add("webhookAddedWords", "march", webhookAddedWords(new Date("2027-03-01T00:00:00Z")));
  const refusals = [
    { kind: "invalid" },
    { kind: "scheme" },
    { kind: "credentials" },
    { kind: "too_long" },
    { kind: "not_found", host: "hooks.example.com" },
    { kind: "private", host: "10.0.0.1", address: "10.0.0.1" },
    { kind: "private", host: "intranet.example.com", address: "192.168.1.20" },
    { kind: "no_key" },
  ] as const;
  for (const r of refusals) {
    add(`webhookRefusalWords(${r.kind})`, "1", webhookRefusalWords(r));
    add(`webhookRefusalWords(${r.kind})`, "2", webhookRefusalWords(r));
  }
  return out;
}
