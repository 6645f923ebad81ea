import { handleApi } from "@/lib/api/route";
import { getVersionModelFile } from "@/lib/db/what-if";

/**
 * One version's ONNX file, for a signed-in member or an API token with read scope. The file never changes under
 * its version number, so it is cached for good; the ETag is its sha256 (a matching If-None-Match answers 304).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; v: string }> }): Promise<Response> {
  const { id, v } = await params;
  return handleApi(request, async () => {
    const file = await getVersionModelFile(id, v);
    const etag = `"${file.sha256}"`;
    const headers = {
      ETag: etag,
      "Cache-Control": "private, max-age=31536000, immutable",
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    };
    const ifNoneMatch = request.headers.get("if-none-match");
    if (ifNoneMatch && ifNoneMatch.split(",").some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
      return new Response(null, { status: 304, headers });
    }
    return new Response(new Blob([file.bytes as Uint8Array<ArrayBuffer>]), { status: 200, headers: { ...headers, "Content-Length": String(file.bytes.byteLength) } });
  });
}
