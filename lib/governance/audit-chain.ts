// The audit log's hash chain (README "Audit log format"). Pure: no database, no framework.
// hash = sha256_hex(prevHash + "\n" + C), C = RFC 8785 canonical JSON of the fields below.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

export const GENESIS_HASH = "0".repeat(64);

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface AuditFields {
  seq: number;
  workspaceId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  payload: JsonValue;
  /** ISO 8601 UTC with milliseconds, e.g. 2026-11-22T09:30:00.000Z */
  createdAt: string;
}

export interface ChainedAuditEvent extends AuditFields {
  prevHash: string;
  hash: string;
}

export function canonicalAuditJson(fields: AuditFields): string {
  const { seq, workspaceId, actorId, action, subjectType, subjectId, payload, createdAt } = fields;
  const text = canonicalize({ seq, workspaceId, actorId, action, subjectType, subjectId, payload, createdAt });
  if (text === undefined) throw new Error("Audit event could not be serialised to canonical JSON.");
  return text;
}

export function auditHash(prevHash: string, fields: AuditFields): string {
  return createHash("sha256")
    .update(prevHash + "\n" + canonicalAuditJson(fields), "utf8")
    .digest("hex");
}

export type ChainProblem =
  | "gap"
  | "prev-hash-mismatch"
  | "hash-mismatch"
  | "missing-tail";

export type ChainVerdict =
  | { ok: true; events: number; headHash: string }
  | { ok: false; events: number; brokenSeq: number; problem: ChainProblem; message: string };

const PROBLEM_TEXT: Record<ChainProblem, (seq: number) => string> = {
  gap: (seq) => `Event ${seq} is missing: the sequence jumps over it, so an event was deleted or renumbered.`,
  "prev-hash-mismatch": (seq) =>
    `Event ${seq} does not point to the event before it: an event before it was changed, removed or reordered.`,
  "hash-mismatch": (seq) => `Event ${seq} was changed after it was written: its contents no longer match its hash.`,
  "missing-tail": (seq) => `Event ${seq} and later ones are missing: the log was cut short.`,
};

/**
 * Walks events in seq order and reports OK or the first broken seq.
 * `expectedCount` (the workspace's handed-out counter) reveals events cut from the end.
 */
/** A stored event row as the chain hashes it (`createdAt` in ISO 8601 UTC with milliseconds). */
export function chainedEventOf(row: {
  seq: number;
  workspaceId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  payload: unknown;
  createdAt: Date;
  prevHash: string;
  hash: string;
}): ChainedAuditEvent {
  return {
    seq: row.seq,
    workspaceId: row.workspaceId,
    actorId: row.actorId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    payload: row.payload as JsonValue,
    createdAt: row.createdAt.toISOString(),
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export class AuditChainVerifier {
  private expectedSeq: number;
  private prevHash: string;
  private failure: Extract<ChainVerdict, { ok: false }> | null = null;

  /** From the first event, or after a trusted head (`seq` and its `hash`, e.g. a signed checkpoint). */
  constructor(after: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }) {
    this.expectedSeq = after.seq + 1;
    this.prevHash = after.hash;
  }

  push(event: ChainedAuditEvent): boolean {
    if (this.failure) return false;
    const seq = this.expectedSeq;
    const fail = (problem: ChainProblem, at: number) => {
      this.failure = { ok: false, events: seq - 1, brokenSeq: at, problem, message: PROBLEM_TEXT[problem](at) };
      return false;
    };
    if (event.seq !== seq) return fail("gap", Math.min(seq, event.seq));
    if (event.prevHash !== this.prevHash) return fail("prev-hash-mismatch", seq);
    if (auditHash(event.prevHash, event) !== event.hash) return fail("hash-mismatch", seq);
    this.prevHash = event.hash;
    this.expectedSeq += 1;
    return true;
  }

  finish(expectedCount?: number): ChainVerdict {
    if (this.failure) return this.failure;
    const events = this.expectedSeq - 1;
    if (expectedCount !== undefined && expectedCount > events) {
      const at = events + 1;
      return { ok: false, events, brokenSeq: at, problem: "missing-tail", message: PROBLEM_TEXT["missing-tail"](at) };
    }
    return { ok: true, events, headHash: this.prevHash };
  }
}

export function verifyAuditChain(events: Iterable<ChainedAuditEvent>, expectedCount?: number): ChainVerdict {
  const verifier = new AuditChainVerifier();
  for (const event of events) if (!verifier.push(event)) break;
  return verifier.finish(expectedCount);
}
