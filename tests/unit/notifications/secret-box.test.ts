// Webhook secrets at rest: AES-256-GCM round trip, a fresh IV each time, and refusal of a wrong key, a wrong
// binding (another webhook's id) and a changed ciphertext; the key from SIGHTLINE_SECRET_KEY or AUTH_SECRET.
import { describe, expect, it } from "vitest";
import { SecretKeyMissingError, newWebhookSecret, open, seal, secretKey } from "@/lib/notifications/secret-box";

const key = secretKey({ SIGHTLINE_SECRET_KEY: "k".repeat(40) } as unknown as NodeJS.ProcessEnv);

describe("seal and open", () => {
  it("round-trips a secret and never repeats a ciphertext", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const a = seal(secret, "webhook-1", key);
    const b = seal(secret, "webhook-1", key);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(open(a, "webhook-1", key)).toBe(secret);
    expect(open(b, "webhook-1", key)).toBe(secret);
  });

  it("refuses another key, another webhook's id and a changed ciphertext", () => {
    const sealed = seal("whsec_abc", "webhook-1", key);
    const otherKey = secretKey({ SIGHTLINE_SECRET_KEY: "z".repeat(40) } as unknown as NodeJS.ProcessEnv);
    expect(() => open(sealed, "webhook-1", otherKey)).toThrow();
    expect(() => open(sealed, "webhook-2", key)).toThrow();
    const parts = sealed.split(".");
    const ct = Buffer.from(parts[3]!, "base64url");
    ct[0] = ct[0]! ^ 1;
    expect(() => open([parts[0], parts[1], parts[2], ct.toString("base64url")].join("."), "webhook-1", key)).toThrow();
    expect(() => open("v2.a.b.c", "webhook-1", key)).toThrow(/unknown format/);
  });

  it("takes its key from SIGHTLINE_SECRET_KEY, else AUTH_SECRET (a different key), else none", () => {
    const own = secretKey({ SIGHTLINE_SECRET_KEY: "s".repeat(32), AUTH_SECRET: "a".repeat(43) } as unknown as NodeJS.ProcessEnv);
    const fromAuth = secretKey({ AUTH_SECRET: "a".repeat(43) } as unknown as NodeJS.ProcessEnv);
    expect(own).toHaveLength(32);
    expect(fromAuth).toHaveLength(32);
    expect(own!.equals(fromAuth!)).toBe(false);
    expect(fromAuth!.equals(Buffer.from("a".repeat(32)))).toBe(false); // derived, not the cookie secret itself
    expect(secretKey({} as unknown as NodeJS.ProcessEnv)).toBeNull();
    expect(() => secretKey({ SIGHTLINE_SECRET_KEY: "short" } as unknown as NodeJS.ProcessEnv)).toThrow(/at least 32/);
    expect(() => seal("x", "w", null)).toThrow(SecretKeyMissingError);
  });
});
