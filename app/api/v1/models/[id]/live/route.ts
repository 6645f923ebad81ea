import { z } from "zod";
import { HttpError, handleApi } from "@/lib/api/route";
import { liveVersionAt } from "@/lib/db/lifecycle";

const query = z.object({
  at: z.iso.datetime({ offset: true, message: "`at` must be an ISO 8601 time such as 2026-07-31T12:00:00Z (or a date such as 2026-07-31)." }).or(z.iso.date()).optional(),
});

/** Which version was live at `?at=ISO-8601` (default: now): version, since when, who approved it, evidence hash. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return handleApi(request, async () => {
    const url = new URL(request.url);
    const { at } = query.parse({ at: url.searchParams.get("at") ?? undefined });
    const when = at ? new Date(at.length === 10 ? `${at}T00:00:00.000Z` : at) : new Date();
    const span = await liveVersionAt(id, when);
    if (!span) throw new HttpError(404, "none_live", `No version of this model was live at ${when.toISOString()}.`);
    return Response.json(
      {
        modelId: id,
        at: when.toISOString(),
        version: span.version,
        versionId: span.versionId,
        since: span.since.toISOString(),
        until: span.until?.toISOString() ?? null,
        how: span.how,
        approvedBy: span.approvedBy,
        evidenceHash: span.evidenceHash,
        withoutReview: span.withoutReview,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}
