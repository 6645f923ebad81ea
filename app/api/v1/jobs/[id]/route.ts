import { handleApi } from "@/lib/api/route";
import { getJob } from "@/lib/db/jobs";
import "@/lib/evaluation/register-jobs";

export async function GET(request: Request, { params }: RouteContext<"/api/v1/jobs/[id]">): Promise<Response> {
  const { id } = await params;
  return handleApi(request, async () => Response.json(await getJob(id), { headers: { "Cache-Control": "no-store" } }));
}
