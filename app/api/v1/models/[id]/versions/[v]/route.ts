import { handleApi } from "@/lib/api/route";
import { getVersionForApi } from "@/lib/db/lifecycle";

/** One version's review state: status, reviews and evidence hash. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; v: string }> }): Promise<Response> {
  const { id, v } = await params;
  return handleApi(request, async () => Response.json(await getVersionForApi(id, v), { headers: { "Cache-Control": "no-store" } }));
}
