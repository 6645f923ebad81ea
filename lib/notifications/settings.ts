// Notification settings from the environment (README "Notifications"): where e-mail goes out, who it is from, and
// which private webhook hosts an administrator allows.
import "server-only";

/** SIGHTLINE_SMTP_URL (smtp://user:pass@host:port, or smtps:// for TLS from the start), or null: no e-mail, inbox only. */
export function smtpUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.SIGHTLINE_SMTP_URL?.trim();
  return url ? url : null;
}

/** SIGHTLINE_MAIL_FROM, e.g. "Sightline <sightline@example.com>". */
export function mailFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.SIGHTLINE_MAIL_FROM?.trim() || "Sightline <sightline@localhost>";
}

export interface AllowedHost {
  host: string;
  /** null: any port */
  port: string | null;
}

/** SIGHTLINE_WEBHOOK_ALLOWLIST: comma-separated hosts or host:port ([::1]:8080 for IPv6), lower-cased. */
export function webhookAllowlist(env: NodeJS.ProcessEnv = process.env): AllowedHost[] {
  const raw = env.SIGHTLINE_WEBHOOK_ALLOWLIST ?? "";
  const out: AllowedHost[] = [];
  for (const part of raw.split(",")) {
    const entry = part.trim().toLowerCase();
    if (!entry) continue;
    const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(entry);
    if (bracketed) {
      out.push({ host: bracketed[1]!, port: bracketed[2] ?? null });
      continue;
    }
    const hostPort = /^([^:]+):(\d{1,5})$/.exec(entry);
    if (hostPort) out.push({ host: hostPort[1]!, port: hostPort[2]! });
    else out.push({ host: entry, port: null }); // a host name, an IPv4 address, or a bare IPv6 address
  }
  return out;
}
