import { HttpError, handleApi } from "@/lib/api/route";
import { receiveUpload } from "@/lib/api/upload";
import { InputMappingSchema, type InputMapping } from "@/lib/contracts/input-mapping";
import { ModelFileError, createModelVersion } from "@/lib/db/versions";
import { mappingUnreadableWords } from "@/lib/narrative/input-mapping-words";
import "@/lib/evaluation/register-jobs";

/** `inputMapping` is JSON: per model input, its columns in order, or its one column. */
function parseInputMapping(text: string | null): InputMapping | undefined {
  if (text === null || text.trim() === "") return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid_input_mapping", mappingUnreadableWords("it is not JSON", "api"));
  }
  const parsed = InputMappingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, "invalid_input_mapping", mappingUnreadableWords(`${issue?.path.join(".") || "mapping"}: ${issue?.message ?? "not valid"}`, "api"));
  }
  return parsed.data;
}

/** `processing` is JSON, as for PUT …/versions/{v}/processing (checked in lib/db with the model). */
function parseProcessing(text: string | null): unknown {
  if (text === null || text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "invalid_processing", 'The `processing` parameter is not JSON. Send an object such as {"transform":{"kind":"sigmoid"}} (URL-encoded), or leave it out.');
  }
}

/**
 * Upload a model version: the .onnx file's bytes as the body;
 * `?file=name.onnx&note=…&featureNames=a,b,c&inputMapping={"numbers":["a","b"],"region":"region"}&processing={"transform":{"kind":"sigmoid"}}`.
 */
export async function POST(request: Request, { params }: RouteContext<"/api/v1/models/[id]/versions">): Promise<Response> {
  const { id } = await params;
  return handleApi(request, async () => {
    const url = new URL(request.url);
    const featureNames = url.searchParams.get("featureNames");
    const inputMapping = parseInputMapping(url.searchParams.get("inputMapping"));
    const processing = parseProcessing(url.searchParams.get("processing"));
    const { fileName, staged } = await receiveUpload(request, id, "model", "model.onnx");
    try {
      const created = await createModelVersion(
        {
          modelId: id,
          fileName,
          ...(url.searchParams.get("note") ? { note: url.searchParams.get("note")! } : {}),
          ...(featureNames ? { featureNames: featureNames.split(",").map((f) => f.trim()).filter(Boolean) } : {}),
          ...(inputMapping ? { inputMapping } : {}),
          ...(processing !== undefined ? { processing } : {}),
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
