import { handleApi } from "@/lib/api/route";
import { retryJob, getJob } from "@/lib/db/jobs";
import "@/lib/evaluation/register-jobs";

export async function POST(request: Request, { params }: RouteContext<"/api/v1/jobs/[id]/retry">): Promise<Response> {
  const { id } = await params;
  return handleApi(request, async () => {
    await retryJob(id);
    return Response.json(await getJob(id), { headers: { "Cache-Control": "no-store" } });
  });
}
