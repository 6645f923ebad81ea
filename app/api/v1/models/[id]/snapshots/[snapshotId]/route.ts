import { handleApi } from "@/lib/api/route";
import { getSnapshot } from "@/lib/db/snapshots";

/** One snapshot in full: the stored numbers, verdicts and narrative, and whether a newer evaluation replaced it. */
export async function GET(request: Request, { params }: RouteContext<"/api/v1/models/[id]/snapshots/[snapshotId]">): Promise<Response> {
  const { id, snapshotId } = await params;
  return handleApi(request, async () => {
    const s = await getSnapshot(id, snapshotId);
    return Response.json(
      {
        modelId: id,
        snapshotId: s.id,
        version: s.version,
        window: { id: s.window.windowId, label: s.window.windowLabel, file: s.window.fileName, rows: s.window.rowCount, isReference: s.window.isReference, endsAt: s.window.endsAt.toISOString(), uploadedAt: s.window.uploadedAt.toISOString() },
        inputHash: s.window.inputHash,
        createdAt: s.window.createdAt.toISOString(),
        superseded: s.superseded,
        verdict: s.content.verdicts.overall.light,
        ...s.content,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}
