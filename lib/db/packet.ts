// The sign-off packet of one version (/models/[id]/versions/[v]/packet): everything a printed copy needs to be
// checked against the audit log later. Reads only; every role that reads models may print it.
import "server-only";
import { getDb } from "@/lib/prisma/client";
import { requirePermission } from "@/lib/auth/current-user";
import type { PacketView, PacketEvidence } from "@/lib/contracts/packet";
import type { MetricEntry, ScorecardSection, Verdicts } from "@/lib/contracts/snapshot-types";
import { checkAgainstLatestCheckpoint } from "./audit-checkpoints";
import { getVersionGovernance } from "./lifecycle";

export async function getSignOffPacket(modelId: string, version: unknown): Promise<PacketView> {
  // Authorizes (model.read, same workspace) and finds the version, or answers not found.
  const governance = await getVersionGovernance(modelId, version);
  const user = await requirePermission("model.read", "see models");
  const db = await getDb();
  const model = await db.model.findFirstOrThrow({
    where: { id: governance.modelId, workspaceId: user.workspaceId },
    select: { purpose: true, task: true, workspace: { select: { name: true } } },
  });
  const snapshotIds = governance.evidence.items.map((i) => i.snapshotId);
  const snapshots = await db.snapshot.findMany({ where: { id: { in: snapshotIds } }, select: { id: true, scorecard: true, verdicts: true } });
  const byId = new Map(snapshots.map((s) => [s.id, s]));
  const evidence: PacketEvidence[] = governance.evidence.items.map((item) => {
    const s = byId.get(item.snapshotId);
    const scorecard = (s?.scorecard ?? null) as ScorecardSection | null;
    const verdicts = (s?.verdicts ?? null) as Verdicts | null;
    const metrics: MetricEntry[] = scorecard?.metrics ?? [];
    return { item, verdicts, metrics };
  });
  const events = await db.auditEvent.aggregate({
    where: { workspaceId: user.workspaceId, subjectId: governance.versionId },
    _min: { seq: true },
    _max: { seq: true },
    _count: { _all: true },
  });
  const head = await db.auditEvent.findFirst({ where: { workspaceId: user.workspaceId }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const checkpoint = await checkAgainstLatestCheckpoint(db, user.workspaceId);
  return {
    governance,
    workspaceName: model.workspace.name,
    purpose: model.purpose,
    task: model.task,
    evidence,
    audit:
      events._count._all > 0 && events._min.seq !== null && events._max.seq !== null
        ? { firstSeq: events._min.seq, lastSeq: events._max.seq, count: events._count._all }
        : null,
    chainHead: head,
    checkpoint:
      checkpoint.state === "none"
        ? { state: "none", seq: null, headHash: null, keyId: null, signedAt: null }
        : { state: checkpoint.state, seq: checkpoint.checkpoint.seq, headHash: checkpoint.checkpoint.headHash, keyId: checkpoint.checkpoint.keyId, signedAt: checkpoint.checkpoint.createdAt },
    printedAt: new Date(),
  };
}
