// The sign-off packet's templates (lib/narrative/packet-words.ts), each filled at least twice.
import {
  PACKET_NO_ACCEPTED_RISKS,
  PACKET_PRINT_HINT,
  packetAuditWords,
  packetCheckpointWords,
  packetEvidenceCountWords,
  packetLead,
  packetPolicyWords,
  packetReviewCountWords,
} from "@/lib/narrative/packet-words";
import type { Filled } from "./corpus";

const at = new Date("2026-07-31T14:05:00Z");

export function packetFills(): Filled[] {
  const out: Filled[] = [];
  const push = (template: string, fill: string, text: string) => out.push({ template, fill, text });
  push("PACKET_PRINT_HINT", "a", PACKET_PRINT_HINT);
  push("PACKET_PRINT_HINT", "b", PACKET_PRINT_HINT);
  push("PACKET_NO_ACCEPTED_RISKS", "a", PACKET_NO_ACCEPTED_RISKS);
  push("PACKET_NO_ACCEPTED_RISKS", "b", PACKET_NO_ACCEPTED_RISKS);
  push("packetLead", "income", packetLead({ workspaceName: "Northwind Lending", printedAt: at }, "Income screener", 2));
  push("packetLead", "bikes", packetLead({ workspaceName: "Capital Bikes", printedAt: at }, "Bike rental demand", 1));
  push("packetPolicyWords", "none", packetPolicyWords(null));
  push("packetPolicyWords", "v3", packetPolicyWords({ version: 3, contentHash: "ab".repeat(32) }));
  push("packetEvidenceCountWords", "0", packetEvidenceCountWords(0));
  push("packetEvidenceCountWords", "4", packetEvidenceCountWords(4));
  push("packetAuditWords", "none", packetAuditWords(null));
  push("packetAuditWords", "one", packetAuditWords({ firstSeq: 12, lastSeq: 12, count: 1 }));
  push("packetAuditWords", "many", packetAuditWords({ firstSeq: 12, lastSeq: 40, count: 7 }));
  const signed = { state: "verified" as const, seq: 40, headHash: "cd".repeat(32), keyId: "ef".repeat(32), signedAt: at };
  push("packetCheckpointWords", "none", packetCheckpointWords({ audit: null, checkpoint: { state: "none", seq: null, headHash: null, keyId: null, signedAt: null } }));
  push("packetCheckpointWords", "covered", packetCheckpointWords({ audit: { firstSeq: 12, lastSeq: 40, count: 7 }, checkpoint: signed }));
  push("packetCheckpointWords", "behind", packetCheckpointWords({ audit: { firstSeq: 12, lastSeq: 44, count: 8 }, checkpoint: signed }));
  push("packetCheckpointWords", "tampered", packetCheckpointWords({ audit: { firstSeq: 12, lastSeq: 40, count: 7 }, checkpoint: { ...signed, state: "tampered" } }));
  push("packetReviewCountWords", "0", packetReviewCountWords(0));
  push("packetReviewCountWords", "2", packetReviewCountWords(2));
  return out;
}
