// Which webhook addresses Sightline posts to (against server-side request forgery): http(s) only, no user name or
// password in the address, and every address a host resolves to must be public unicast (ipaddr.js's ranges, after
// unwrapping IPv4-mapped IPv6): loopback, private, link-local, unique-local, carrier NAT, multicast, reserved,
// unspecified, 6to4/Teredo/NAT64 (which can carry a private IPv4 address) are refused, unless
// SIGHTLINE_WEBHOOK_ALLOWLIST names the host (or host:port). The check runs when an owner adds the webhook and again
// at every post, on the address the connection actually uses (dnsLookupChecked), so a name that later resolves
// elsewhere (DNS rebinding) is refused too.
import dns from "node:dns";
import type { LookupAddress, LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";
import type { WebhookRefusal } from "@/lib/narrative/notification-words";
import { webhookAllowlist, type AllowedHost } from "./settings";

export const MAX_WEBHOOK_URL_LENGTH = 2000;

export type UrlCheck = { ok: true; url: URL } | { ok: false; refusal: WebhookRefusal };

/** The URL's host without IPv6 brackets, lower-cased. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
}

/** Parses an address an owner typed: http(s), no credentials, not too long. Resolves nothing. */
export function parseWebhookUrl(raw: string): UrlCheck {
  const text = raw.trim();
  if (text.length > MAX_WEBHOOK_URL_LENGTH) return { ok: false, refusal: { kind: "too_long" } };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, refusal: { kind: "invalid" } };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, refusal: { kind: "scheme" } };
  if (url.username || url.password) return { ok: false, refusal: { kind: "credentials" } };
  if (!url.hostname) return { ok: false, refusal: { kind: "invalid" } };
  url.hash = "";
  return { ok: true, url };
}

/** Whether Sightline may connect to this IP address: public unicast only (IPv4-mapped IPv6 judged as its IPv4). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

function effectivePort(url: URL): string {
  return url.port || (url.protocol === "https:" ? "443" : "80");
}

/** Whether SIGHTLINE_WEBHOOK_ALLOWLIST names this URL's host (and its port, when the entry has one). */
export function isAllowlisted(url: URL, allowlist: readonly AllowedHost[] = webhookAllowlist()): boolean {
  const host = bareHost(url);
  const port = effectivePort(url);
  const same = (a: string, b: string) => a === b || (ipaddr.isValid(a) && ipaddr.isValid(b) && ipaddr.process(a).toString() === ipaddr.process(b).toString());
  return allowlist.some((entry) => same(entry.host, host) && (entry.port === null || entry.port === port));
}

export type Resolve = (host: string) => Promise<string[]>;

const systemResolve: Resolve = async (host) => (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * The whole check of one address: parse, then (unless allowlisted) the host's IP, or every address its name
 * resolves to, must be public. `resolve` is injectable for tests.
 */
export async function checkWebhookTarget(raw: string, options: { allowlist?: readonly AllowedHost[]; resolve?: Resolve } = {}): Promise<UrlCheck & { allowlisted?: boolean }> {
  const parsed = parseWebhookUrl(raw);
  if (!parsed.ok) return parsed;
  const url = parsed.url;
  if (isAllowlisted(url, options.allowlist ?? webhookAllowlist())) return { ok: true, url, allowlisted: true };
  const host = bareHost(url);
  if (ipaddr.isValid(host)) {
    return isPublicAddress(host) ? { ok: true, url, allowlisted: false } : { ok: false, refusal: { kind: "private", host, address: host } };
  }
  let addresses: string[];
  try {
    addresses = await (options.resolve ?? systemResolve)(host);
  } catch {
    return { ok: false, refusal: { kind: "not_found", host } };
  }
  if (addresses.length === 0) return { ok: false, refusal: { kind: "not_found", host } };
  const blocked = addresses.find((a) => !isPublicAddress(a));
  if (blocked) return { ok: false, refusal: { kind: "private", host, address: blocked } };
  return { ok: true, url, allowlisted: false };
}

export class BlockedAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} resolves to ${address}, which is not a public address.`);
    this.name = "BlockedAddressError";
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that resolves the name and refuses non-public addresses, so the connection uses an
 * address that passed the check (a second resolution cannot swap it).
 */
export function dnsLookupChecked(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    const blocked = list.find((a) => !isPublicAddress(a.address));
    if (blocked) return callback(Object.assign(new BlockedAddressError(hostname, blocked.address), { code: "EBLOCKED" }), []);
    if (options.all) return callback(null, list);
    const first = list[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address.`), { code: "ENOTFOUND" }), []);
    callback(null, first.address, first.family);
  });
}
