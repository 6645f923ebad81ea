import { HttpError, handleApi, jsonError } from "@/lib/api/route";
import { modelLinks } from "@/lib/api/model-links";
import { createModelFromApi } from "@/lib/db/model-api";
import { listModels } from "@/lib/db/models";
import { API_MODEL_WORDS } from "@/lib/narrative/api-words";

export async function GET(request: Request): Promise<Response> {
  return handleApi(request, async () => Response.json({ models: await listModels() }, { headers: { "Cache-Control": "no-store" } }));
}

/** The most bytes a model's description may take. */
const MAX_BODY_BYTES = 64 * 1024;

async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, "body_too_large", API_MODEL_WORDS.tooLarge);
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw new HttpError(413, "body_too_large", API_MODEL_WORDS.tooLarge);
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Creates a model (owners and analysts; API tokens need the versions:manage scope). The body is JSON: name, purpose,
 * task, positiveLabel (for binary), sensitiveAttributes, fairnessQuestion, rowNoun. 201 with the model and its links;
 * 400 naming the parameter; 409 when the name is taken.
 */
export async function POST(request: Request): Promise<Response> {
  return handleApi(request, async () => {
    const result = await createModelFromApi(await readJsonBody(request));
    if (!result.ok) {
      const first = result.problems[0];
      return jsonError(400, "invalid_request", result.problems.map((p) => p.message).join(" "), { parameter: first?.parameter ?? "", problems: result.problems });
    }
    const links = modelLinks(result.model.id);
    return Response.json({ model: result.model, links }, { status: 201, headers: { "Cache-Control": "no-store", Location: links.self } });
  });
}
