// Sentences of the printable sign-off packet (/models/[id]/versions/[v]/packet). Pure.
import type { PacketView } from "@/lib/contracts/packet";
import { governanceTime } from "./governance-words";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const PACKET_PRINT_HINT =
  "To keep a copy, use your browser's Print and choose a printer or Save as PDF. The menus, buttons and this note are left out of the print.";

export function packetLead(p: Pick<PacketView, "workspaceName" | "printedAt">, modelName: string, version: number): string {
  return `The sign-off record of ${modelName}, version ${version}, in ${p.workspaceName}. Made on ${governanceTime(p.printedAt)}.`;
}

export function packetPolicyWords(policy: { version: number; contentHash: string } | null): string {
  if (!policy) return "No policy was set, so nothing was judged against one.";
  return `The rules used were those of policy ${policy.version}. Their fingerprint is below.`;
}

export function packetEvidenceCountWords(items: number): string {
  if (items === 0) return "No results are part of the evidence yet. The reviewers saw none.";
  return `The evidence holds ${plural(items, "result")}. Each one is listed with its data file and fingerprints.`;
}

export function packetAuditWords(audit: PacketView["audit"]): string {
  if (!audit) return "The audit log holds no events about this version yet.";
  if (audit.count === 1) return `The log has one entry on this version. It is entry ${audit.firstSeq}.`;
  return `The log has ${audit.count} entries on this version, from entry ${audit.firstSeq} to ${audit.lastSeq}.`;
}

/** Whether the signed head covers the version's events, and what that proves. */
export function packetCheckpointWords(p: Pick<PacketView, "audit" | "checkpoint">): string {
  const c = p.checkpoint;
  if (c.state === "none" || c.seq === null || !c.signedAt) {
    return "No signed head of the audit log exists yet, so this copy can only be checked against the log's own hashes.";
  }
  if (c.state === "tampered") {
    return `The log no longer matches its signed head of ${governanceTime(c.signedAt)}. Ask your administrator to run the audit check before you rely on this copy.`;
  }
  const covered = !p.audit || c.seq >= p.audit.lastSeq;
  const cover = covered
    ? "It covers every entry on this version."
    : "Entries on this version came after it. The next signed head, within 15 minutes, will cover them.";
  return `The log was signed up to entry ${c.seq} on ${governanceTime(c.signedAt)}, and it still matches. ${cover}`;
}

export function packetReviewCountWords(reviews: number): string {
  return reviews === 0 ? "No one has reviewed this version yet." : `${plural(reviews, "review")}, newest first. Each shows the checklist as the reviewer answered it.`;
}

export const PACKET_NO_ACCEPTED_RISKS = "No risk is accepted for this version: every light above stands as shown.";
