// Writes signed checkpoints of audit chain heads (README "Audit log format"). Lives in lib/jobs because the runner's
// 15-minute schedule calls it and lib/jobs must not import lib/db (lib/db imports lib/jobs); lib/db/audit-checkpoints.ts
// re-exports it for the data layer. Uses the Prisma client directly, like sweep-staging.ts. No permission check.
import "server-only";
import { AuditChainVerifier, chainedEventOf, GENESIS_HASH } from "@/lib/governance/audit-chain";
import { signCheckpoint, signingKeyFromEnv, verifyCheckpointSignature, type SigningKey } from "@/lib/governance/audit-checkpoint";
import { getDb, type Db, type Tx } from "@/lib/prisma/client";

export type CheckpointWrite =
  | { written: true; seq: number; headHash: string; keyId: string }
  | { written: false; reason: "no-key" | "empty" | "unchanged"; seq: number }
  | { written: false; reason: "chain-broken"; seq: number; message: string };

const BATCH = 2_000;

/**
 * Signs the workspace's current chain head, unless it is already signed with this key. Inside the caller's
 * transaction when one is given (call it after a sign-off's audit event, in the same transaction). Before signing it
 * re-checks the links from the last checkpoint it can trust (or from the first event): a broken chain is never signed.
 */
export async function writeCheckpoint(tx: Tx | Db | undefined, workspaceId: string, key?: SigningKey | null): Promise<CheckpointWrite> {
  const signingKey = key === undefined ? signingKeyFromEnv() : key;
  const client = tx ?? (await getDb());
  const { auditSeq } = await client.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { auditSeq: true } });
  if (!signingKey) return { written: false, reason: "no-key", seq: auditSeq };
  if (auditSeq === 0) return { written: false, reason: "empty", seq: 0 };

  // Continue from the newest checkpoint of this key. If the log no longer matches it (rewritten, or cut short), or its
  // signature is forged, sign nothing: a new checkpoint must never launder tampering.
  let fromSeq = 0;
  let prevHash = GENESIS_HASH;
  const latest = await client.auditCheckpoint.findFirst({
    where: { workspaceId, keyId: signingKey.keyId },
    orderBy: [{ seq: "desc" }, { createdAt: "desc" }],
  });
  if (latest) {
    if (!verifyCheckpointSignature({ ...latest, createdAt: latest.createdAt.toISOString() }, signingKey.publicKey)) {
      return refused(auditSeq, `The latest checkpoint (event ${latest.seq}) has a forged signature, so the head was not signed.`);
    }
    const atSeq = await client.auditEvent.findUnique({
      where: { workspaceId_seq: { workspaceId, seq: latest.seq } },
      select: { hash: true },
    });
    if (latest.seq > auditSeq || atSeq?.hash !== latest.headHash) {
      return refused(auditSeq, `The log contradicts its signed checkpoint at event ${latest.seq}, so the head was not signed.`);
    }
    if (latest.seq === auditSeq) return { written: false, reason: "unchanged", seq: auditSeq };
    fromSeq = latest.seq;
    prevHash = latest.headHash;
  }

  const verifier = new AuditChainVerifier({ seq: fromSeq, hash: prevHash });
  let after = fromSeq;
  for (;;) {
    const rows = await client.auditEvent.findMany({ where: { workspaceId, seq: { gt: after, lte: auditSeq } }, orderBy: { seq: "asc" }, take: BATCH });
    for (const row of rows) if (!verifier.push(chainedEventOf(row))) break;
    if (rows.length < BATCH || !verifier.finish().ok) break;
    after = rows.at(-1)!.seq;
  }
  const verdict = verifier.finish(auditSeq);
  if (!verdict.ok) return broken(auditSeq, verdict.brokenSeq);
  const headHash = verdict.headHash;

  const signed = signCheckpoint({ workspaceId, seq: auditSeq, headHash, createdAt: new Date().toISOString() }, signingKey);
  await client.auditCheckpoint.create({ data: { ...signed, createdAt: new Date(signed.createdAt) } });
  return { written: true, seq: auditSeq, headHash, keyId: signingKey.keyId };
}

function broken(seq: number, at: number): CheckpointWrite {
  return refused(seq, `The chain is broken at event ${at}, so its head was not signed.`);
}

function refused(seq: number, message: string): CheckpointWrite {
  return { written: false, reason: "chain-broken", seq, message: `${message} Run npm run audit:verify.` };
}

/** Signs every workspace's head that moved since its last checkpoint. */
export async function writeAllCheckpoints(key?: SigningKey | null): Promise<Array<{ workspaceId: string; name: string; result: CheckpointWrite }>> {
  const signingKey = key === undefined ? signingKeyFromEnv() : key;
  const db = await getDb();
  const workspaces = await db.workspace.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, name: true } });
  const results = [];
  for (const ws of workspaces) results.push({ workspaceId: ws.id, name: ws.name, result: await writeCheckpoint(db, ws.id, signingKey) });
  return results;
}

/** The queue's schedule (every 15 minutes, once across processes) and each process's start: sign the heads that moved. Never throws. */
export async function writeScheduledCheckpoints(): Promise<void> {
  try {
    const key = signingKeyFromEnv();
    if (!key) return;
    for (const { name, result } of await writeAllCheckpoints(key)) {
      if (result.written === false && result.reason === "chain-broken") console.error(`Audit checkpoint for "${name}": ${result.message}`);
    }
  } catch (error) {
    console.error("Writing audit checkpoints failed", error);
  }
}
