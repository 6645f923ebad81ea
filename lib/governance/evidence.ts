// The evidence a sign-off binds to (DESIGN.md principle 5, issue 12). Pure: no database, no framework.
//
// evidence hash = sha256_hex(RFC 8785 canonical JSON of
//   { model: <model file sha256>,
//     dataFiles: [<sha256 of each evidence window's file as uploaded>, ...],
//     snapshots: [<content hash of each evidence snapshot>, ...],
//     policy: { id: <policy version id>, contentHash: <sha256 of its rules> } | null })
// in evidence order: the reference first, then the most recent labelled windows, newest first (up to three).
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/** How many recent labelled windows the evidence holds, at most. */
export const EVIDENCE_WINDOWS = 3;

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function canonical(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error("The evidence could not be serialised to canonical JSON.");
  return text;
}

/** The stored parts of a snapshot that its content hash covers (its numbers, verdicts and words). */
export interface SnapshotContentFields {
  inputHash: string;
  scorecard: unknown;
  drift: unknown;
  fairness: unknown;
  verdicts: unknown;
  narrative: unknown;
  details: unknown;
  schemaVersion: number;
}

/** sha256 of the canonical JSON of a snapshot's content. Equal content gives an equal hash. */
export function snapshotContentHash(s: SnapshotContentFields): string {
  return sha256Hex(
    canonical({
      inputHash: s.inputHash,
      schemaVersion: s.schemaVersion,
      scorecard: s.scorecard ?? null,
      drift: s.drift ?? null,
      fairness: s.fairness ?? null,
      verdicts: s.verdicts ?? null,
      narrative: s.narrative ?? null,
      details: s.details ?? null,
    }),
  );
}

/** sha256 of the canonical JSON of a policy version's rules. */
export function policyContentHash(rules: unknown): string {
  return sha256Hex(canonical(rules ?? null));
}

export interface EvidenceInput {
  modelSha256: string;
  /** one per evidence snapshot, in evidence order */
  dataFileSha256s: readonly string[];
  /** one per evidence snapshot, in evidence order */
  snapshotContentHashes: readonly string[];
  policy: { id: string; contentHash: string } | null;
}

/** The canonical JSON the evidence hash is taken over (shown to whoever wants to recompute it). */
export function canonicalEvidenceJson(input: EvidenceInput): string {
  return canonical({
    model: input.modelSha256,
    dataFiles: [...input.dataFileSha256s],
    snapshots: [...input.snapshotContentHashes],
    policy: input.policy ? { id: input.policy.id, contentHash: input.policy.contentHash } : null,
  });
}

export function evidenceHash(input: EvidenceInput): string {
  return sha256Hex(canonicalEvidenceJson(input));
}

/** A window's current snapshot, as far as choosing the evidence needs it. */
export interface EvidenceCandidate {
  snapshotId: string;
  windowId: string;
  isReference: boolean;
  /** labelled rows in the window (0 or null: no outcomes yet) */
  labelledRows: number | null;
  endsAt: Date;
  uploadedAt: Date;
}

function newestFirst(a: EvidenceCandidate, b: EvidenceCandidate): number {
  return (
    b.endsAt.getTime() - a.endsAt.getTime() ||
    b.uploadedAt.getTime() - a.uploadedAt.getTime() ||
    (a.windowId < b.windowId ? 1 : a.windowId > b.windowId ? -1 : 0)
  );
}

/**
 * The evidence: the reference's current snapshot (the newest reference when there are several) and the current
 * snapshots of the most recent labelled production windows, newest first, up to `EVIDENCE_WINDOWS`. Fewer, or none,
 * is allowed.
 */
export function chooseEvidence<T extends EvidenceCandidate>(candidates: readonly T[]): T[] {
  const reference = candidates.filter((c) => c.isReference).sort(newestFirst)[0];
  const labelled = candidates
    .filter((c) => !c.isReference && (c.labelledRows ?? 0) > 0)
    .sort(newestFirst)
    .slice(0, EVIDENCE_WINDOWS);
  return [...(reference ? [reference] : []), ...labelled];
}
