import { handleApi } from "@/lib/api/route";
import { listModels } from "@/lib/db/models";

export async function GET(request: Request): Promise<Response> {
  return handleApi(request, async () => Response.json({ models: await listModels() }, { headers: { "Cache-Control": "no-store" } }));
}
