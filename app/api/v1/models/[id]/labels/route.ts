import { HttpError, handleApi } from "@/lib/api/route";
import { receiveUpload } from "@/lib/api/upload";
import { acceptLabelsUpload } from "@/lib/db/labels";
import { IngestError } from "@/lib/ingest";
import "@/lib/evaluation/register-jobs";

/** Upload labels that arrived later: a file with the row id and the true outcome. Query: file=, id=, label=. */
export async function POST(request: Request, { params }: RouteContext<"/api/v1/models/[id]/labels">): Promise<Response> {
  const { id } = await params;
  return handleApi(request, async () => {
    const q = new URL(request.url).searchParams;
    const { fileName, staged } = await receiveUpload(request, id, "labels", "labels.csv");
    try {
      const accepted = await acceptLabelsUpload(
        { modelId: id, fileName, ...(q.get("id") ? { id: q.get("id")! } : {}), ...(q.get("label") ? { label: q.get("label")! } : {}) },
        staged,
      );
      return Response.json(accepted, { status: 202, headers: { Location: `/api/v1/jobs/${accepted.jobId}` } });
    } catch (error) {
      if (error instanceof IngestError) throw new HttpError(error.status, error.code, error.message, error.toJSON());
      throw error;
    }
  });
}
