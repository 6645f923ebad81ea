// Signed checkpoints of an audit chain's head (README "Audit log format"). Pure: no database, no framework.
// signature = Ed25519(RFC 8785 canonical JSON of {workspaceId, seq, headHash, createdAt}); keyId = sha256_hex(SPKI DER).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import canonicalize from "canonicalize";

export const SIGNING_KEY_ENV = "SIGHTLINE_AUDIT_SIGNING_KEY";

export interface CheckpointFields {
  workspaceId: string;
  /** seq of the signed head */
  seq: number;
  /** hash of the event at `seq` */
  headHash: string;
  /** ISO 8601 UTC with milliseconds */
  createdAt: string;
}

export interface SignedCheckpoint extends CheckpointFields {
  /** base64 Ed25519 signature */
  signature: string;
  /** base64 SPKI DER */
  publicKey: string;
  /** sha256 hex of the SPKI DER */
  keyId: string;
}

export interface SigningKey {
  privateKey: KeyObject;
  /** base64 SPKI DER */
  publicKey: string;
  keyId: string;
}

export function canonicalCheckpointJson(fields: CheckpointFields): string {
  const { workspaceId, seq, headHash, createdAt } = fields;
  const text = canonicalize({ workspaceId, seq, headHash, createdAt });
  if (text === undefined) throw new Error("Checkpoint could not be serialised to canonical JSON.");
  return text;
}

function spkiOf(key: KeyObject): Buffer {
  return createPublicKey(key).export({ format: "der", type: "spki" });
}

export function keyIdOf(publicKeyBase64: string): string {
  return createHash("sha256").update(Buffer.from(publicKeyBase64, "base64")).digest("hex");
}

/** Reads an Ed25519 private key given as PKCS#8 PEM or base64 PKCS#8 DER. Throws with a readable message. */
export function parseSigningKey(text: string): SigningKey {
  const trimmed = text.trim().replace(/\\n/g, "\n");
  let privateKey: KeyObject;
  try {
    privateKey = trimmed.startsWith("-----BEGIN")
      ? createPrivateKey({ key: trimmed, format: "pem" })
      : createPrivateKey({ key: Buffer.from(trimmed, "base64"), format: "der", type: "pkcs8" });
  } catch {
    throw new Error(`${SIGNING_KEY_ENV} is not a PKCS#8 private key (PEM, or base64 DER).`);
  }
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new Error(`${SIGNING_KEY_ENV} must be an Ed25519 key (it is ${privateKey.asymmetricKeyType ?? "unknown"}).`);
  }
  const publicKey = spkiOf(privateKey).toString("base64");
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** The configured signing key, or null when the variable is unset or empty. Throws when it is set but unreadable. */
export function signingKeyFromEnv(env: Record<string, string | undefined> = process.env): SigningKey | null {
  const value = env[SIGNING_KEY_ENV];
  return value && value.trim() ? parseSigningKey(value) : null;
}

/** A new key pair for the administrator: the private key as base64 PKCS#8 DER (for the environment), and its public half. */
export function generateSigningKey(): { privateKey: string; publicKey: string; keyId: string } {
  const { privateKey } = generateKeyPairSync("ed25519");
  const publicKey = spkiOf(privateKey).toString("base64");
  return {
    privateKey: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
    publicKey,
    keyId: keyIdOf(publicKey),
  };
}

export function signCheckpoint(fields: CheckpointFields, key: SigningKey): SignedCheckpoint {
  const signature = sign(null, Buffer.from(canonicalCheckpointJson(fields), "utf8"), key.privateKey).toString("base64");
  const { workspaceId, seq, headHash, createdAt } = fields;
  return { workspaceId, seq, headHash, createdAt, signature, publicKey: key.publicKey, keyId: key.keyId };
}

/**
 * True when `checkpoint.signature` is a valid Ed25519 signature of its fields under `trustedPublicKey` (base64 SPKI DER;
 * defaults to the checkpoint's own stored key, which proves only that whoever holds that key signed it).
 */
export function verifyCheckpointSignature(checkpoint: SignedCheckpoint, trustedPublicKey: string = checkpoint.publicKey): boolean {
  if (checkpoint.publicKey !== trustedPublicKey || checkpoint.keyId !== keyIdOf(trustedPublicKey)) return false;
  try {
    const key = createPublicKey({ key: Buffer.from(trustedPublicKey, "base64"), format: "der", type: "spki" });
    if (key.asymmetricKeyType !== "ed25519") return false;
    return verify(null, Buffer.from(canonicalCheckpointJson(checkpoint), "utf8"), key, Buffer.from(checkpoint.signature, "base64"));
  } catch {
    return false;
  }
}

export type CheckpointProblem = "bad-signature" | "head-rewritten" | "head-missing";

export type CheckpointVerdict =
  | { ok: true; seq: number }
  | { ok: false; seq: number; problem: CheckpointProblem; message: string };

/**
 * Compares a chain with a checkpoint whose signature was checked: the event at checkpoint.seq must carry exactly
 * checkpoint.headHash, and the workspace must have at least checkpoint.seq events.
 */
export function compareWithCheckpoint(
  checkpoint: Pick<CheckpointFields, "seq" | "headHash">,
  chain: { events: number; hashAtSeq: string | null },
): CheckpointVerdict {
  const { seq } = checkpoint;
  if (chain.events < seq || chain.hashAtSeq === null) {
    return {
      ok: false,
      seq,
      problem: "head-missing",
      message: `The log has ${chain.events} events but a signed checkpoint says it had ${seq}: events were cut from the end.`,
    };
  }
  if (chain.hashAtSeq !== checkpoint.headHash) {
    return {
      ok: false,
      seq,
      problem: "head-rewritten",
      message: `Event ${seq} no longer has the fingerprint that was signed for it: the log up to it was rewritten and rehashed.`,
    };
  }
  return { ok: true, seq };
}
