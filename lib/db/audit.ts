// Writes and reads the append-only audit log. Writes happen inside the caller's transaction.
import "server-only";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import {
  AuditChainVerifier,
  chainedEventOf,
  GENESIS_HASH,
  auditHash,
  type AuditFields,
  type ChainVerdict,
  type JsonValue,
} from "@/lib/governance/audit-chain";
import { getDb, type Db, type Tx } from "@/lib/prisma/client";
import type { Prisma } from "@/lib/prisma/generated/client";
import { checkAgainstLatestCheckpoint, type CheckpointStatus } from "./audit-checkpoints";

export interface NewAuditEvent {
  workspaceId: string;
  /** null when the machine's operator acts from the command line */
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  payload: { [key: string]: JsonValue };
}

/**
 * Appends one event to the workspace's chain. Must run inside the transaction of the change it records:
 * incrementing the workspace counter locks its row, so concurrent writers take turns and `seq` has no gaps.
 */
export async function appendAuditEvent(tx: Tx, event: NewAuditEvent): Promise<{ seq: number; hash: string }> {
  const { auditSeq: seq } = await tx.workspace.update({
    where: { id: event.workspaceId },
    data: { auditSeq: { increment: 1 } },
    select: { auditSeq: true },
  });
  const prevHash =
    seq === 1
      ? GENESIS_HASH
      : (
          await tx.auditEvent.findUniqueOrThrow({
            where: { workspaceId_seq: { workspaceId: event.workspaceId, seq: seq - 1 } },
            select: { hash: true },
          })
        ).hash;
  const createdAt = new Date();
  const fields: AuditFields = { ...event, seq, createdAt: createdAt.toISOString() };
  const hash = auditHash(prevHash, fields);
  await tx.auditEvent.create({
    data: { ...event, seq, prevHash, hash, createdAt },
  });
  return { seq, hash };
}

const BATCH = 2_000;

/** Recomputes a workspace's chain from the database, in batches. No permission check: callers authorize. */
export async function verifyWorkspaceChain(db: Db, workspaceId: string): Promise<ChainVerdict> {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { auditSeq: true } });
  const verifier = new AuditChainVerifier();
  let after = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { workspaceId, seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    for (const row of rows) {
      const ok = verifier.push(chainedEventOf(row));
      if (!ok) return verifier.finish();
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.seq;
  }
  return verifier.finish(workspace.auditSeq);
}

export interface AuditLogVerdict {
  /** the hash chain recomputed from the first event */
  chain: ChainVerdict;
  /** the log compared with its latest signed checkpoint (README "Audit log format") */
  checkpoint: CheckpointStatus;
}

/** The chain check and the check against the latest signed checkpoint. No permission check: callers authorize. */
export async function verifyWorkspaceLog(db: Db, workspaceId: string): Promise<AuditLogVerdict> {
  const chain = await verifyWorkspaceChain(db, workspaceId);
  return { chain, checkpoint: await checkAgainstLatestCheckpoint(db, workspaceId) };
}

/** Owners: verify their workspace's chain and its latest signed checkpoint. */
export async function verifyAuditLog(): Promise<AuditLogVerdict> {
  const user = await requirePermission("audit.read", "verify the audit log");
  return verifyWorkspaceLog(await getDb(), user.workspaceId);
}

export interface AuditEventRow {
  seq: number;
  action: string;
  subjectType: string;
  subjectId: string;
  payload: JsonValue;
  actor: string;
  createdAt: Date;
  hash: string;
}

const day = z.iso.date({ message: "Dates must look like 2026-07-31." });

/** The audit page's filters, read from its query string. Empty fields mean "any". */
export const auditFilterSchema = z.object({
  model: z.string().trim().max(64).optional().transform((v) => v || undefined),
  version: z
    .union([z.literal(""), z.coerce.number({ message: "The version must be a whole number, such as 2." }).int("The version must be a whole number, such as 2.").min(1, "The version must be 1 or more.")])
    .optional()
    .transform((v) => (v === "" ? undefined : v)),
  person: z.string().trim().max(200, "Keep the person under 200 characters.").optional().transform((v) => v || undefined),
  action: z.string().trim().max(80).regex(/^[a-z_.]*$/, "Choose an action from the list.").optional().transform((v) => v || undefined),
  from: z.union([z.literal(""), day]).optional().transform((v) => v || undefined),
  to: z.union([z.literal(""), day]).optional().transform((v) => v || undefined),
});

export type AuditFilter = Partial<z.output<typeof auditFilterSchema>>;

/** Owners and reviewers: the newest events of their workspace, newest first, optionally filtered. */
export async function listAuditEvents(options: { beforeSeq?: number; take?: number; filter?: AuditFilter } = {}): Promise<AuditEventRow[]> {
  const user = await requirePermission("audit.read", "read the audit log");
  const db = await getDb();
  const f: AuditFilter = options.filter ?? {};
  const and: Prisma.AuditEventWhereInput[] = [];
  if (f.model) {
    const versions = await db.modelVersion.findMany({
      where: { modelId: f.model, model: { workspaceId: user.workspaceId }, ...(f.version ? { version: f.version } : {}) },
      select: { id: true },
    });
    const versionIds = versions.map((v) => v.id);
    and.push(
      f.version
        ? { subjectId: { in: versionIds } }
        : { OR: [{ subjectId: f.model }, { subjectId: { in: versionIds } }, { payload: { path: ["modelId"], equals: f.model } }] },
    );
  }
  if (f.person) and.push({ actor: { OR: [{ email: { contains: f.person, mode: "insensitive" } }, { name: { contains: f.person, mode: "insensitive" } }] } });
  if (f.action) and.push({ action: { startsWith: f.action } });
  if (f.from) and.push({ createdAt: { gte: new Date(`${f.from}T00:00:00.000Z`) } });
  if (f.to) and.push({ createdAt: { lt: new Date(new Date(`${f.to}T00:00:00.000Z`).getTime() + 86_400_000) } });
  const rows = await db.auditEvent.findMany({
    where: { workspaceId: user.workspaceId, ...(options.beforeSeq ? { seq: { lt: options.beforeSeq } } : {}), ...(and.length ? { AND: and } : {}) },
    orderBy: { seq: "desc" },
    take: Math.min(options.take ?? 50, 200),
    select: {
      seq: true,
      action: true,
      subjectType: true,
      subjectId: true,
      payload: true,
      createdAt: true,
      hash: true,
      actor: { select: { name: true, email: true } },
    },
  });
  return rows.map((row) => ({
    seq: row.seq,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    payload: row.payload as JsonValue,
    actor: row.actor ? `${row.actor.name} (${row.actor.email})` : "System (command line)",
    createdAt: row.createdAt,
    hash: row.hash,
  }));
}
