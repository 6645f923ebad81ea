// Streams a request body to a staged file (never into memory), with the upload size limit.
import "server-only";
import { limitsFromEnv } from "@/lib/ingest/limits";
import { UploadTooLargeError, stageUpload, type StagedFile } from "@/lib/storage/artifacts";
import { HttpError } from "./route";

/** The uploaded file's name: `?file=` or the `X-File-Name` header. */
export function uploadFileName(request: Request, fallback: string): string {
  const url = new URL(request.url);
  const raw = url.searchParams.get("file") ?? request.headers.get("x-file-name") ?? fallback;
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // keep the raw name
  }
  return name.replace(/^.*[\\/]/, "").slice(0, 200) || fallback;
}

export async function stageRequestBody(request: Request, fileName: string): Promise<StagedFile> {
  if (!request.body) {
    throw new HttpError(400, "empty_body", `${fileName}: the request has no file in its body. Send the file's bytes as the request body (curl --data-binary @${fileName}).`);
  }
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  const { maxBytes } = limitsFromEnv(process.env);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new HttpError(413, "too_large", `${fileName}: ${new UploadTooLargeError(maxBytes).message}`);
  }
  try {
    return await stageUpload(request.body as unknown as AsyncIterable<Uint8Array>, maxBytes);
  } catch (error) {
    if (error instanceof UploadTooLargeError) throw new HttpError(413, "too_large", `${fileName}: ${error.message}`);
    throw error;
  }
}
