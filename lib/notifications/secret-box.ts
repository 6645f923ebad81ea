// Webhook secrets at rest: AES-256-GCM with a key from the environment, never stored in the database.
// The key is HKDF-SHA256 of SIGHTLINE_SECRET_KEY (at least 32 characters) or, when that is unset, of AUTH_SECRET
// (with its own label, so the cookie key and this key differ). Changing the source secret makes stored webhook
// secrets unreadable: their posts then fail with a message, and an owner adds the webhook again.
// Sealed format: "v1.<iv>.<tag>.<ciphertext>" (base64url), bound to the webhook's id as additional data, so a sealed
// secret copied onto another webhook row does not open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const INFO = "sightline webhook secrets v1";

export class SecretKeyMissingError extends Error {
  constructor() {
    super("No key to encrypt webhook secrets: set SIGHTLINE_SECRET_KEY (at least 32 characters) or AUTH_SECRET.");
    this.name = "SecretKeyMissingError";
  }
}

/** The 32-byte key, or null when neither secret is set. Throws when SIGHTLINE_SECRET_KEY is set but too short. */
export function secretKey(env: NodeJS.ProcessEnv = process.env): Buffer | null {
  const own = env.SIGHTLINE_SECRET_KEY?.trim();
  if (own) {
    if (own.length < 32) throw new Error("SIGHTLINE_SECRET_KEY must be at least 32 characters (a long random string).");
    return Buffer.from(hkdfSync("sha256", own, "sightline", INFO, 32));
  }
  const auth = env.AUTH_SECRET?.trim();
  return auth ? Buffer.from(hkdfSync("sha256", auth, "sightline-auth-secret", INFO, 32)) : null;
}

function requireKey(key: Buffer | null): Buffer {
  if (!key) throw new SecretKeyMissingError();
  if (key.length !== 32) throw new Error("The webhook secret key must be 32 bytes.");
  return key;
}

export function seal(plaintext: string, boundTo: string, key: Buffer | null = secretKey()): string {
  const k = requireKey(key);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", k, iv);
  cipher.setAAD(Buffer.from(boundTo, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** Opens a sealed secret; throws when the key, the binding or the text is wrong (GCM's tag check). */
export function open(sealed: string, boundTo: string, key: Buffer | null = secretKey()): string {
  const k = requireKey(key);
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || ciphertext === undefined) throw new Error("This sealed secret has an unknown format.");
  const decipher = createDecipheriv("aes-256-gcm", k, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(boundTo, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** A new webhook secret: "whsec_" and 32 random bytes in base64url. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}
