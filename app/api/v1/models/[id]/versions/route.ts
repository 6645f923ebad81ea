import { HttpError, handleApi } from "@/lib/api/route";
import { receiveUpload } from "@/lib/api/upload";
import { ModelFileError, createModelVersion } from "@/lib/db/versions";
import "@/lib/evaluation/register-jobs";

/** Upload a model version: the .onnx file's bytes as the body; `?file=name.onnx&note=…&featureNames=a,b,c`. */
export async function POST(request: Request, { params }: RouteContext<"/api/v1/models/[id]/versions">): Promise<Response> {
  const { id } = await params;
  return handleApi(request, async () => {
    const url = new URL(request.url);
    const featureNames = url.searchParams.get("featureNames");
    const { fileName, staged } = await receiveUpload(request, id, "model", "model.onnx");
    try {
      const created = await createModelVersion(
        {
          modelId: id,
          fileName,
          ...(url.searchParams.get("note") ? { note: url.searchParams.get("note")! } : {}),
          ...(featureNames ? { featureNames: featureNames.split(",").map((f) => f.trim()).filter(Boolean) } : {}),
        },
        staged,
      );
      return Response.json(created, { status: 201 });
    } catch (error) {
      if (error instanceof ModelFileError) throw new HttpError(422, error.code.toLowerCase(), error.message);
      throw error;
    }
  });
}
