import { z } from "zod";
import { HttpError, handleApi } from "@/lib/api/route";
import { getVersionForApi, submitVersion } from "@/lib/db/lifecycle";

const body = z.object({ comment: z.string().trim().max(2000, "Keep the comment under 2,000 characters.").optional() }).strict();

/** Submits a draft version for review (API tokens need the versions:manage scope); the answer is the version's review state. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string; v: string }> }): Promise<Response> {
  const { id, v } = await params;
  return handleApi(request, async () => {
    const text = await request.text();
    let json: unknown = {};
    try {
      if (text.trim()) json = JSON.parse(text);
    } catch {
      throw new HttpError(400, "invalid_request", 'The body must be JSON, such as {"comment": "Ready for review"}, or empty.');
    }
    const input = body.parse(json);
    await submitVersion(id, v, input);
    return Response.json(await getVersionForApi(id, v), { status: 200, headers: { "Cache-Control": "no-store" } });
  });
}
