// Receives an upload: checks who asks and the file's name first, then streams the body to a staged file
// (never into memory) under the size limit. Nothing is written for a caller who may not upload.
import "server-only";
import { assertCanUpload } from "@/lib/db/uploads";
import { IngestError, limitsFromEnv, refuseUnreadableName } from "@/lib/ingest";
import { modelLimitsFromEnv, modelTooLargeError } from "@/lib/onnx";
import { UploadTooLargeError, stageUpload, type StagedFile } from "@/lib/storage/artifacts";
import { HttpError } from "./route";

// Control characters (NUL, newlines, escapes) and the path separators' relatives have no place in a file name.
const FORBIDDEN_NAME_CHARS = /[\u0000-\u001f\u007f]/;

/** The uploaded file's name: `?file=` or the `X-File-Name` header; 400 when it holds a control character (e.g. NUL). */
export function uploadFileName(request: Request, fallback: string): string {
  const url = new URL(request.url);
  const raw = url.searchParams.get("file") ?? request.headers.get("x-file-name") ?? fallback;
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // keep the raw name
  }
  if (FORBIDDEN_NAME_CHARS.test(name)) {
    throw new HttpError(
      400,
      "invalid_file_name",
      `The file name ${JSON.stringify(name.slice(0, 100))} has a character that is not allowed (a control character such as NUL or a line break). Rename the file with letters, digits, spaces, dots, dashes or underscores and upload it again.`,
    );
  }
  return name.replace(/^.*[\\/]/, "").slice(0, 200) || fallback;
}

export type UploadKind = "data" | "labels" | "model";

/**
 * The whole receiving step of an upload route, in this order: the file name, who asks and whether they may upload
 * to this model (401/403/404), formats refused by name (415), the declared size (413), then the body staged under
 * the limit. Only the last step reads the body.
 */
export async function receiveUpload(request: Request, modelId: string, kind: UploadKind, fallbackName: string): Promise<{ fileName: string; staged: StagedFile }> {
  const fileName = uploadFileName(request, fallbackName);
  await assertCanUpload(modelId, kind);
  if (kind !== "model") {
    try {
      refuseUnreadableName(fileName);
    } catch (error) {
      if (error instanceof IngestError) throw new HttpError(error.status, error.code, error.message, error.toJSON());
      throw error;
    }
  }
  const staged = await stageRequestBody(request, fileName, kind === "model" ? "model" : "data");
  return { fileName, staged };
}

export async function stageRequestBody(request: Request, fileName: string, kind: "data" | "model" = "data"): Promise<StagedFile> {
  if (!request.body) {
    throw new HttpError(400, "empty_body", `${fileName}: the request has no file in its body. Send the file's bytes as the request body (curl --data-binary @${fileName}).`);
  }
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  const modelLimits = kind === "model" ? modelLimitsFromEnv(process.env) : null;
  const maxBytes = modelLimits ? modelLimits.maxModelBytes : limitsFromEnv(process.env).maxBytes;
  const tooLarge = () =>
    new HttpError(413, "too_large", `${fileName}: ${modelLimits ? modelTooLargeError(modelLimits).message : new UploadTooLargeError(maxBytes).message}`);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  try {
    return await stageUpload(request.body as unknown as AsyncIterable<Uint8Array>, maxBytes);
  } catch (error) {
    if (error instanceof UploadTooLargeError) throw tooLarge();
    throw error;
  }
}
