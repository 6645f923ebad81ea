import { handleApi, HttpError } from "@/lib/api/route";
import { getModelHealth } from "@/lib/db/snapshots";

/** The latest production window's snapshot (latest end, then latest upload, then highest id) of the model's live (or newest) version, with its verdict. */
export async function GET(request: Request, { params }: RouteContext<"/api/v1/models/[id]/snapshots/latest">): Promise<Response> {
  const { id } = await params;
  return handleApi(request, async () => {
    const health = await getModelHealth(id);
    const latest = health.latest;
    if (!health.version || !latest) {
      throw new HttpError(404, "no_snapshot", "This model has no evaluated data yet. Upload a model version, its reference data and a batch of new data first.");
    }
    return Response.json(
      {
        modelId: id,
        version: health.version,
        window: { id: latest.windowId, label: latest.windowLabel, file: latest.fileName, rows: latest.rowCount, isReference: latest.isReference, endsAt: latest.endsAt.toISOString(), uploadedAt: latest.uploadedAt.toISOString() },
        snapshotId: latest.snapshotId,
        inputHash: latest.inputHash,
        createdAt: latest.createdAt.toISOString(),
        verdict: latest.content.verdicts.overall.light,
        ...latest.content,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}
