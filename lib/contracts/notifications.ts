// The shapes the inbox, the badge and the notification settings share with the data layer (lib/db/notifications.ts,
// lib/db/webhooks.ts). Plain data only.

/** The kinds of event that raise a notification (lib/notifications/kinds.ts says who gets each). */
export const NOTIFICATION_KINDS = ["review_requested", "review_decided", "verdict_red", "stale_data", "accepted_risk_expiring"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** a path inside the app, or null */
  link: string | null;
  createdAt: Date;
  read: boolean;
}

export interface InboxView {
  items: NotificationView[];
  unread: number;
  page: number;
  hasMore: boolean;
}

export interface NotificationPreferenceView {
  kind: NotificationKind;
  /** e-mail for this kind (the inbox always gets it) */
  email: boolean;
}

export interface NotificationSettingsView {
  preferences: NotificationPreferenceView[];
  /** whether the server can send e-mail at all (SIGHTLINE_SMTP_URL) */
  emailConfigured: boolean;
  /** the signed-in person may manage the workspace's webhooks */
  canManageWebhooks: boolean;
}

export type DeliveryStatus = "pending" | "sent" | "retrying" | "failed";

export interface WebhookView {
  id: string;
  url: string;
  secretHint: string;
  createdBy: string | null;
  createdAt: Date;
  lastDelivery: { status: DeliveryStatus; at: Date; error: string | null } | null;
}

export interface NewWebhookView {
  id: string;
  url: string;
  /** shown once: Sightline keeps only an encrypted copy */
  secret: string;
}
