// The signature of a webhook post: header `Sightline-Signature: t=TIMESTAMP,v1=HEX`, where HEX is
// HMAC-SHA256(secret, TIMESTAMP + "." + body) in lower-case hex and TIMESTAMP is Unix seconds. A receiver recomputes
// it over the raw body and refuses a stale TIMESTAMP, so a captured post cannot be replayed later.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Sightline-Signature";

export function signatureHex(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The header value for `body` sent at `timestamp` (Unix seconds). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  if (!Number.isInteger(timestamp) || timestamp < 0) throw new Error("The timestamp must be whole Unix seconds.");
  return `t=${timestamp},v1=${signatureHex(secret, timestamp, body)}`;
}

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: "malformed" | "stale" | "mismatch" };

/**
 * What a receiver does: parse the header, refuse a timestamp more than `toleranceSeconds` away from `nowSeconds`,
 * and compare the signature in constant time (any of several v1 values may match, for secret rotation).
 */
export function verifySignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): SignatureCheck {
  let timestamp: number | null = null;
  const candidates: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t" && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === "v1" && value && /^[0-9a-f]{64}$/.test(value)) candidates.push(value);
  }
  if (timestamp === null || candidates.length === 0) return { ok: false, reason: "malformed" };
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: "stale" };
  const expected = Buffer.from(signatureHex(secret, timestamp, body), "hex");
  const match = candidates.some((c) => timingSafeEqual(Buffer.from(c, "hex"), expected));
  return match ? { ok: true, timestamp } : { ok: false, reason: "mismatch" };
}
