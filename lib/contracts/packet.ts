// The sign-off packet's shape (lib/db/packet.ts to the packet page). Plain data: no I/O.
import type { EvidenceItemView, VersionGovernanceView } from "./governance";
import type { MetricEntry, Verdicts } from "./snapshot-types";

export interface PacketEvidence {
  item: EvidenceItemView;
  /** the snapshot's lights with their reasons (null: a snapshot without verdicts) */
  verdicts: Verdicts | null;
  metrics: MetricEntry[];
}

export interface PacketView {
  governance: VersionGovernanceView;
  workspaceName: string;
  purpose: string;
  task: "binary" | "multiclass" | "regression";
  evidence: PacketEvidence[];
  /** the audit events about this version: their sequence numbers in the workspace's log */
  audit: { firstSeq: number; lastSeq: number; count: number } | null;
  /** the workspace log's last event when the packet was made */
  chainHead: { seq: number; hash: string } | null;
  /** the latest signed checkpoint of the log's head, and whether the log still matches it */
  checkpoint: { state: "none" | "verified" | "tampered"; seq: number | null; headHash: string | null; keyId: string | null; signedAt: Date | null };
  printedAt: Date;
}
