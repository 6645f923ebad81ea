import { HttpError, handleApi, jsonBody } from "@/lib/api/route";
import { updateVersionProcessing } from "@/lib/db/processing";
import { getVersionProcessing } from "@/lib/db/processing-read";
import { PROCESSING_WORDS } from "@/lib/narrative/processing-words";
import "@/lib/evaluation/register-jobs";

/** A version's declared processing (derived columns, standardisation, output transform, meaning) and its steps in words. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; v: string }> }): Promise<Response> {
  const { id, v } = await params;
  return handleApi(request, async () => Response.json(await getVersionProcessing(id, v), { headers: { "Cache-Control": "no-store" } }));
}

/** Declares the processing (owners and analysts, until the version is submitted for review); the stored data is scored again. */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string; v: string }> }): Promise<Response> {
  const { id, v } = await params;
  return handleApi(request, async () => {
    const json = await jsonBody(request, () => new HttpError(400, "invalid_processing", PROCESSING_WORDS.failed("The body is not JSON.")));
    return Response.json(await updateVersionProcessing(id, v, json), { status: 200 });
  });
}
