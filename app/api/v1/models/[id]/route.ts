import { handleApi } from "@/lib/api/route";
import { modelLinks } from "@/lib/api/model-links";
import { getModel } from "@/lib/db/models";

/** One model of the caller's workspace, with its links (404 for another workspace's). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return handleApi(request, async () => {
    const m = await getModel(id);
    const model = {
      id: m.id,
      name: m.name,
      purpose: m.purpose,
      task: m.task,
      positiveLabel: m.positiveLabel,
      sensitiveAttributes: m.sensitiveAttributes,
      createdAt: m.createdAt.toISOString(),
      versionCount: m.versions.length,
      windowCount: m.windowCount,
      liveVersion: m.versions.find((v) => v.status === "live")?.version ?? null,
    };
    return Response.json({ model, links: modelLinks(m.id) }, { headers: { "Cache-Control": "no-store" } });
  });
}
