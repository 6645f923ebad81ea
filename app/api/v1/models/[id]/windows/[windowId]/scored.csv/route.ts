import "@/lib/evaluation/register-jobs";
import { handleApi } from "@/lib/api/route";
import { openScoredRowsCsv, scoredRowsQuerySchema } from "@/lib/db/scored-rows";

/**
 * Every row of a stored period with the model's answer (CSV, streamed as it is scored in a child process): owners and
 * analysts, or their API tokens with results:read. `?version=N` picks the version (default: the live one, else the
 * newest under way). 403 for reviewers and viewers, 404 for another workspace's model or period.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; windowId: string }> }): Promise<Response> {
  const { id, windowId } = await params;
  return handleApi(request, async () => {
    const url = new URL(request.url);
    const query = scoredRowsQuerySchema.parse({ version: url.searchParams.get("version") ?? undefined });
    const csv = await openScoredRowsCsv(id, windowId, query.version);
    return new Response(csv.stream, {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${csv.fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "X-Sightline-Version": String(csv.version),
      },
    });
  });
}
