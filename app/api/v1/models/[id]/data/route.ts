import { HttpError, handleApi } from "@/lib/api/route";
import { receiveUpload } from "@/lib/api/upload";
import { acceptDataUpload } from "@/lib/db/uploads";
import { IngestError } from "@/lib/ingest";
import "@/lib/evaluation/register-jobs";

/**
 * Upload reference data or a production batch: the file's bytes (CSV, Parquet or JSON rows) as the body.
 * Query: kind=reference|production, file=NAME, splitBy=none|day|week|month, and optional column roles
 * label=, id=, timestamp=, prediction=, score=. Answers 202 with the job to follow; with preview=1 it only checks
 * the file and answers 200 with its columns and the roles it would use (nothing is stored).
 */
export async function POST(request: Request, { params }: RouteContext<"/api/v1/models/[id]/data">): Promise<Response> {
  const { id } = await params;
  return handleApi(request, async () => {
    const q = new URL(request.url).searchParams;
    // Parameters first: a bad one is refused before the body is read.
    const header = q.get("header") ?? "first";
    if (header !== "first" && header !== "none") {
      throw new HttpError(400, "bad_parameter", 'The header parameter must be "first" (the first row names the columns; the default) or "none" (the first row is data).');
    }
    const { fileName, staged } = await receiveUpload(request, id, "data", "data.csv");
    const role = (name: string) => q.get(name) ?? undefined;
    const input = {
      modelId: id,
      kind: q.get("kind") ?? "production",
      fileName,
      splitBy: q.get("splitBy") ?? "none",
      firstRowIsData: header === "none",
      roles: { label: role("label"), id: role("id"), timestamp: role("timestamp"), prediction: role("prediction"), score: role("score") },
    };
    try {
      if (q.get("preview") === "1") return Response.json(await acceptDataUpload(input, staged, { preview: true }));
      const accepted = await acceptDataUpload(input, staged);
      return Response.json(accepted, { status: 202, headers: { Location: `/api/v1/jobs/${accepted.jobId}` } });
    } catch (error) {
      if (error instanceof IngestError) throw new HttpError(error.status, error.code, error.message, error.toJSON());
      throw error;
    }
  });
}
