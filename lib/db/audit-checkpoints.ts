// Signed checkpoints of each workspace's audit chain head (README "Audit log format"): checking a chain against its
// latest checkpoint. Writing lives in lib/jobs/audit-checkpoint-writer.ts (the runner's schedule needs it) and is
// re-exported here: governance sign-offs call `writeCheckpoint(tx, workspaceId)` after their audit event.
import "server-only";
import {
  compareWithCheckpoint,
  SIGNING_KEY_ENV,
  signingKeyFromEnv,
  verifyCheckpointSignature,
  type CheckpointProblem,
  type SigningKey,
} from "@/lib/governance/audit-checkpoint";
import type { Db, Tx } from "@/lib/prisma/client";

export { writeAllCheckpoints, writeCheckpoint, type CheckpointWrite } from "@/lib/jobs/audit-checkpoint-writer";

export interface CheckpointView {
  seq: number;
  headHash: string;
  createdAt: Date;
  keyId: string;
}

export type SigningKeyState = { state: "set"; keyId: string } | { state: "missing" } | { state: "invalid"; message: string };

export type CheckpointStatus =
  /** no checkpoint to compare with (`key` says why: none configured, or none written yet) */
  | { state: "none"; key: SigningKeyState }
  /** the latest checkpoint's signature verifies and the log still matches it */
  | { state: "verified"; key: SigningKeyState; checkpoint: CheckpointView; trustedStoredKey: boolean }
  /** the latest checkpoint is forged, or the log no longer matches it */
  | { state: "tampered"; key: SigningKeyState; checkpoint: CheckpointView; problem: CheckpointProblem; message: string };

export function signingKeyState(): { key: SigningKey | null; state: SigningKeyState } {
  try {
    const key = signingKeyFromEnv();
    return key ? { key, state: { state: "set", keyId: key.keyId } } : { key: null, state: { state: "missing" } };
  } catch (error) {
    return { key: null, state: { state: "invalid", message: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * Checks a workspace's log against its latest checkpoint: with the configured key, the latest checkpoint claiming that
 * key; without one, the latest checkpoint, verified with the public key stored beside it (which proves less: see README).
 * A checkpoint whose signature does not verify is reported as tampering. No permission check: callers authorize.
 */
export async function checkAgainstLatestCheckpoint(db: Db | Tx, workspaceId: string): Promise<CheckpointStatus> {
  const { key, state } = signingKeyState();
  const latest = await db.auditCheckpoint.findFirst({
    where: { workspaceId, ...(key ? { keyId: key.keyId } : {}) },
    orderBy: [{ seq: "desc" }, { createdAt: "desc" }],
  });
  if (!latest) return { state: "none", key: state };
  const checkpoint: CheckpointView = { seq: latest.seq, headHash: latest.headHash, createdAt: latest.createdAt, keyId: latest.keyId };
  const signed = { ...latest, createdAt: latest.createdAt.toISOString() };
  if (!verifyCheckpointSignature(signed, key?.publicKey ?? latest.publicKey)) {
    return {
      state: "tampered",
      key: state,
      checkpoint,
      problem: "bad-signature",
      message: `The checkpoint of event ${latest.seq} has a signature that does not verify${key ? ` with ${SIGNING_KEY_ENV}` : ""}: it was forged or altered.`,
    };
  }
  const [events, atSeq] = await Promise.all([
    db.auditEvent.count({ where: { workspaceId } }),
    db.auditEvent.findUnique({ where: { workspaceId_seq: { workspaceId, seq: latest.seq } }, select: { hash: true } }),
  ]);
  const verdict = compareWithCheckpoint(latest, { events, hashAtSeq: atSeq?.hash ?? null });
  if (!verdict.ok) return { state: "tampered", key: state, checkpoint, problem: verdict.problem, message: verdict.message };
  return { state: "verified", key: state, checkpoint, trustedStoredKey: !key };
}

/** One line for the command line and the page: what the checkpoint check found. */
export function describeCheckpointStatus(status: CheckpointStatus): string {
  const noKey = `no signing key is set, so the log's head is not signed; set ${SIGNING_KEY_ENV} (see README)`;
  switch (status.state) {
    case "none":
      if (status.key.state === "missing") return noKey;
      if (status.key.state === "invalid") return `${status.key.message} The log's head is not signed`;
      return "the log's head has not been signed yet (run npm run audit:checkpoint)";
    case "verified":
      return (
        `signed head at event ${status.checkpoint.seq} (${status.checkpoint.headHash.slice(0, 12)}…, ` +
        `${status.checkpoint.createdAt.toISOString()}, key ${status.checkpoint.keyId.slice(0, 16)}) verifies` +
        (status.trustedStoredKey ? ` with the public key stored beside it; ${noKey}` : "")
      );
    case "tampered":
      return status.message;
  }
}
