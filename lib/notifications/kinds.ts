// Each kind of notification: who gets it and its words. Adding a kind: its name in NOTIFICATION_KINDS
// (lib/contracts/notifications.ts), its details in KindDetails, and one line in KIND_RULES (the compiler then asks
// for its label in NOTIFICATION_KIND_WORDS).
import type { Role } from "@/lib/auth/permissions";
import type { NotificationKind } from "@/lib/contracts/notifications";
import type { AcceptedRiskCheckKind } from "@/lib/contracts/accepted-risks";
import { checkLabelWords } from "@/lib/narrative/accepted-risk-words";
import {
  acceptedRiskExpiringWords,
  reviewDecidedWords,
  reviewRequestedWords,
  staleDataWords,
  verdictRedWords,
  type NotificationText,
} from "@/lib/narrative/notification-words";

export interface KindDetails {
  review_requested: Record<string, never>;
  review_decided: { decision: "approve" | "request_changes" | "reject" };
  verdict_red: { windowLabel: string; reason: string; light: "red"; previousLight: string | null };
  stale_data: { days: number; lastDataAt: string | null };
  accepted_risk_expiring: { acceptedRiskId: string; checkKind: AcceptedRiskCheckKind; checkKey: string; expiresAt: string };
}

interface EventBase {
  workspaceId: string;
  /** who caused it: never notified of their own act (null: Sightline itself) */
  actorId?: string | null;
  actorName?: string;
  /** for kinds sent to named people (review decided: the person who sent the version; an expiring risk: its confirmer) */
  to?: readonly (string | null)[];
  model: { id: string; name: string };
  version?: number;
  /** raise it once per person (the daily stale-data and accepted-risk checks) */
  dedupeKey?: string;
}

export type NotificationEvent = { [K in NotificationKind]: EventBase & { kind: K; details: KindDetails[K] } }[NotificationKind];
export type EventOf<K extends NotificationKind> = Extract<NotificationEvent, { kind: K }>;

interface KindRule<K extends NotificationKind> {
  /** the roles that get it (and the members named in `to`, if any), or "named": only the people in `to` */
  audience: readonly Role[] | "named";
  words(event: EventOf<K>): NotificationText;
  link(event: EventOf<K>): string;
}

const versionLink = (e: EventBase) => `/models/${e.model.id}/versions/${e.version ?? 1}`;
const modelLink = (e: EventBase) => `/models/${e.model.id}`;

export const KIND_RULES: { [K in NotificationKind]: KindRule<K> } = {
  review_requested: { audience: ["owner", "reviewer"], words: (e) => reviewRequestedWords({ actor: e.actorName ?? "Someone", modelName: e.model.name, version: e.version ?? 1 }), link: versionLink },
  review_decided: { audience: "named", words: (e) => reviewDecidedWords({ actor: e.actorName ?? "A reviewer", modelName: e.model.name, version: e.version ?? 1, decision: e.details.decision }), link: versionLink },
  verdict_red: { audience: ["owner", "analyst"], words: (e) => verdictRedWords({ modelName: e.model.name, version: e.version ?? 1, windowLabel: e.details.windowLabel, reason: e.details.reason }), link: modelLink },
  stale_data: { audience: ["owner", "analyst"], words: (e) => staleDataWords({ modelName: e.model.name, days: e.details.days, lastDataAt: e.details.lastDataAt ? new Date(e.details.lastDataAt) : null }), link: modelLink },
  accepted_risk_expiring: {
    audience: ["owner"],
    words: (e) => acceptedRiskExpiringWords({ modelName: e.model.name, version: e.version ?? 1, check: checkLabelWords(e.details.checkKind, e.details.checkKey), expiresAt: new Date(e.details.expiresAt) }),
    link: (e) => `${versionLink(e)}#accepted-risks`,
  },
};

export function ruleOf<K extends NotificationKind>(kind: K): KindRule<K> {
  return KIND_RULES[kind];
}
