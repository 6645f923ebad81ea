import { handleApi } from "@/lib/api/route";
import { cancelJob, getJob } from "@/lib/db/jobs";
import "@/lib/evaluation/register-jobs";

export async function POST(request: Request, { params }: RouteContext<"/api/v1/jobs/[id]/cancel">): Promise<Response> {
  const { id } = await params;
  return handleApi(request, async () => {
    await cancelJob(id);
    return Response.json(await getJob(id), { headers: { "Cache-Control": "no-store" } });
  });
}
