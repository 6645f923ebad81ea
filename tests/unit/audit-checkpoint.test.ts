import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  canonicalCheckpointJson,
  compareWithCheckpoint,
  generateSigningKey,
  parseSigningKey,
  signCheckpoint,
  signingKeyFromEnv,
  verifyCheckpointSignature,
  type CheckpointFields,
} from "@/lib/governance/audit-checkpoint";

const fields: CheckpointFields = {
  workspaceId: "ws_1",
  seq: 42,
  headHash: "a".repeat(64),
  createdAt: "2026-12-07T10:00:00.000Z",
};

describe("audit checkpoints", () => {
  const key = parseSigningKey(generateSigningKey().privateKey);

  it("signs the RFC 8785 canonical JSON of the four fields", () => {
    expect(canonicalCheckpointJson({ ...fields, extra: "ignored" } as CheckpointFields)).toBe(
      `{"createdAt":"2026-12-07T10:00:00.000Z","headHash":"${"a".repeat(64)}","seq":42,"workspaceId":"ws_1"}`,
    );
  });

  it("round-trips: a signed checkpoint verifies with its key", () => {
    const signed = signCheckpoint(fields, key);
    expect(signed.keyId).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyCheckpointSignature(signed)).toBe(true);
    expect(verifyCheckpointSignature(signed, key.publicKey)).toBe(true);
  });

  it.each([
    ["workspaceId", { workspaceId: "ws_2" }],
    ["seq", { seq: 41 }],
    ["headHash", { headHash: "b".repeat(64) }],
    ["createdAt", { createdAt: "2026-12-07T10:00:00.001Z" }],
  ])("fails when %s changed", (_field, change) => {
    const signed = signCheckpoint(fields, key);
    expect(verifyCheckpointSignature({ ...signed, ...change })).toBe(false);
  });

  it("fails with the wrong key, and when re-signed with another key but checked against the trusted one", () => {
    const other = parseSigningKey(generateSigningKey().privateKey);
    const signed = signCheckpoint(fields, key);
    expect(verifyCheckpointSignature(signed, other.publicKey)).toBe(false);
    expect(verifyCheckpointSignature({ ...signed, publicKey: other.publicKey, keyId: other.keyId })).toBe(false);
    const forged = signCheckpoint(fields, other);
    expect(verifyCheckpointSignature(forged)).toBe(true); // proves only that `other` signed it
    expect(verifyCheckpointSignature(forged, key.publicKey)).toBe(false);
  });

  it("fails on a garbled signature or public key", () => {
    const signed = signCheckpoint(fields, key);
    expect(verifyCheckpointSignature({ ...signed, signature: "not base64!" })).toBe(false);
    expect(verifyCheckpointSignature({ ...signed, publicKey: "AAAA", keyId: signed.keyId })).toBe(false);
  });

  it("reads keys as PKCS#8 PEM and base64 DER, and refuses other keys", () => {
    const { privateKey } = generateKeyPairSync("ed25519");
    const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    const der = privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
    expect(parseSigningKey(pem).keyId).toBe(parseSigningKey(der).keyId);
    expect(parseSigningKey(pem.replace(/\n/g, "\\n")).keyId).toBe(parseSigningKey(der).keyId);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    expect(() => parseSigningKey(rsa)).toThrow(/must be an Ed25519 key/);
    expect(() => parseSigningKey("nonsense")).toThrow(/not a PKCS#8 private key/);
    expect(signingKeyFromEnv({})).toBeNull();
    expect(signingKeyFromEnv({ SIGHTLINE_AUDIT_SIGNING_KEY: " " })).toBeNull();
    expect(signingKeyFromEnv({ SIGHTLINE_AUDIT_SIGNING_KEY: der })?.keyId).toBe(parseSigningKey(der).keyId);
  });

  it.each([
    ["an intact log", { events: 50, hashAtSeq: "a".repeat(64) }, { ok: true }],
    ["a longer log", { events: 60, hashAtSeq: "a".repeat(64) }, { ok: true }],
    ["a rewritten head", { events: 50, hashAtSeq: "c".repeat(64) }, { ok: false, problem: "head-rewritten" }],
    ["a cut tail", { events: 41, hashAtSeq: null }, { ok: false, problem: "head-missing" }],
  ])("compares %s with the checkpoint", (_name, chain, expected) => {
    expect(compareWithCheckpoint(fields, chain)).toMatchObject(expected);
  });
});
