import { z } from "zod";
import { handleApi, HttpError } from "@/lib/api/route";
import { listSnapshots, SnapshotListError } from "@/lib/db/snapshots";

const query = z.object({
  version: z.coerce.number({ message: "`version` must be a whole number, such as 2." }).int("`version` must be a whole number, such as 2.").min(1, "`version` starts at 1.").optional(),
  limit: z.coerce
    .number({ message: "`limit` must be a whole number from 1 to 100." })
    .int("`limit` must be a whole number from 1 to 100.")
    .min(1, "`limit` must be a whole number from 1 to 100.")
    .max(100, "`limit` must be a whole number from 1 to 100.")
    .default(20),
  before: z.string().min(1, "`before` must be a snapshot id from an earlier page.").max(64).optional(),
});

/**
 * Snapshot summaries of a model, newest first: the window with the latest end, then the latest upload, then
 * the highest id. `version` filters by model version, `before` (a snapshot id) pages on, `limit` caps the page.
 */
export async function GET(request: Request, { params }: RouteContext<"/api/v1/models/[id]/snapshots">): Promise<Response> {
  const { id } = await params;
  return handleApi(request, async () => {
    const url = new URL(request.url);
    const parsed = query.parse({
      version: url.searchParams.get("version") ?? undefined,
      limit: url.searchParams.get("limit") ?? undefined,
      before: url.searchParams.get("before") ?? undefined,
    });
    try {
      const items = await listSnapshots(id, parsed);
      const base = `/api/v1/models/${encodeURIComponent(id)}/snapshots`;
      const last = items.at(-1);
      return Response.json(
        {
          modelId: id,
          items: items.map((item) => ({ ...item, href: `${base}/${encodeURIComponent(item.id)}` })),
          next: items.length === parsed.limit && last ? `${base}?${new URLSearchParams({ ...(parsed.version ? { version: String(parsed.version) } : {}), limit: String(parsed.limit), before: last.id })}` : null,
        },
        { headers: { "Cache-Control": "no-store" } },
      );
    } catch (error) {
      if (error instanceof SnapshotListError) throw new HttpError(400, "invalid_request", error.message);
      throw error;
    }
  });
}
