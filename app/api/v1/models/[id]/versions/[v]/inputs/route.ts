import { HttpError, handleApi, jsonBody } from "@/lib/api/route";
import { getVersionInputs, updateVersionInputMapping } from "@/lib/db/versions";
import { mappingUnreadableWords } from "@/lib/narrative/input-mapping-words";
import "@/lib/evaluation/register-jobs";

/** Which columns feed each model input of a version, and whether it may still change. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; v: string }> }): Promise<Response> {
  const { id, v } = await params;
  return handleApi(request, async () => Response.json(await getVersionInputs(id, v), { headers: { "Cache-Control": "no-store" } }));
}

/** Replaces the mapping (owners and analysts, until the version is submitted for review); the stored data is scored again. */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string; v: string }> }): Promise<Response> {
  const { id, v } = await params;
  return handleApi(request, async () => {
    const json = await jsonBody(request, () => new HttpError(400, "invalid_input_mapping", mappingUnreadableWords("the body is not JSON", "api")));
    const changed = await updateVersionInputMapping(id, v, json, "api");
    return Response.json(changed, { status: 200 });
  });
}
