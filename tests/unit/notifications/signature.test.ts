// The webhook signature: `t=TIMESTAMP,v1=HEX(HMAC-SHA256(secret, TIMESTAMP + "." + body))`, checked against an
// independent computation, and a receiver's check refusing tampering, a wrong secret, staleness and junk.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signatureHeader, verifySignature } from "@/lib/notifications/signature";

const secret = "whsec_test-secret";
const body = '{"text":"Version 2 of Income screener waits for review."}';

describe("signatureHeader", () => {
  it("is t=TIMESTAMP,v1=HMAC-SHA256(secret, TIMESTAMP.body) in lower-case hex", () => {
    const expected = createHmac("sha256", secret).update(`1765112400.${body}`).digest("hex");
    expect(signatureHeader(secret, 1765112400, body)).toBe(`t=1765112400,v1=${expected}`);
    expect(signatureHeader(secret, 1765112400, body)).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it("matches a known vector", () => {
    // printf '%s' '0.{}' | openssl dgst -sha256 -hmac key
    expect(signatureHeader("key", 0, "{}")).toBe(`t=0,v1=${createHmac("sha256", "key").update("0.{}").digest("hex")}`);
  });

  it("refuses a timestamp that is not whole seconds", () => {
    expect(() => signatureHeader(secret, 1.5, body)).toThrow();
    expect(() => signatureHeader(secret, -1, body)).toThrow();
  });
});

describe("verifySignature", () => {
  const t = 1765112400;
  const header = signatureHeader(secret, t, body);

  it.each([
    ["the header as sent", header, body, secret, t, { ok: true, timestamp: t }],
    ["within the tolerance", header, body, secret, t + 299, { ok: true, timestamp: t }],
    ["a changed body", header, body.replace("2", "3"), secret, t, { ok: false, reason: "mismatch" }],
    ["another secret", header, body, "whsec_other", t, { ok: false, reason: "mismatch" }],
    ["a replay ten minutes later", header, body, secret, t + 600, { ok: false, reason: "stale" }],
    ["a changed timestamp", header.replace(`t=${t}`, `t=${t + 1}`), body, secret, t, { ok: false, reason: "mismatch" }],
    ["no v1", `t=${t}`, body, secret, t, { ok: false, reason: "malformed" }],
    ["junk", "sha256=abc", body, secret, t, { ok: false, reason: "malformed" }],
    ["a second, rotated v1 that matches", `t=${t},v1=${"0".repeat(64)},${header.split(",")[1]}`, body, secret, t, { ok: true, timestamp: t }],
  ] as const)("%s", (_name, h, b, s, now, expected) => {
    expect(verifySignature(s, h, b, now)).toEqual(expected);
  });
});
