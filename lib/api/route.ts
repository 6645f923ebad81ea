// Route handlers of the REST API: who is asking (API token or browser session), and errors as JSON.
import "server-only";
import { ZodError } from "zod";
import { runAsApiToken } from "@/lib/auth/current-user";
import { AccessError, ApiTokenExpiredError, RuleError } from "@/lib/auth/errors";
import { consumeApiTokenRequest } from "@/lib/auth/throttle";
import { authenticateApiToken } from "@/lib/db/api-tokens";
import { isCrossOriginRequest } from "./request-origin";

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function jsonError(status: number, code: string, message: string, details?: unknown): Response {
  const body: ApiErrorBody = { error: details === undefined ? { code, message } : { code, message, details } };
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** An error a route can throw to answer with a given status (e.g. a refused upload). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

const ACCESS_MESSAGES = {
  unauthenticated:
    "Sign in, or send an API token as `Authorization: Bearer sl_…` (owners create tokens under Settings → API tokens).",
} as const;

export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) return jsonError(error.status, error.code, error.message, error.details);
  if (error instanceof AccessError) {
    const message = error.kind === "unauthenticated" || error.kind === "no-membership" ? ACCESS_MESSAGES.unauthenticated : error.message;
    return jsonError(error.status, error.kind, message);
  }
  if (error instanceof RuleError) return jsonError(error.status, "rule", error.message);
  if (error instanceof ZodError) {
    const first = error.issues[0];
    const where = first?.path.length ? ` (field "${first.path.join(".")}")` : "";
    return jsonError(400, "invalid_request", `${first?.message ?? "The request is not valid."}${where}`, error.issues);
  }
  console.error("API route failed", error);
  return jsonError(500, "server_error", "Something went wrong on the server. Nothing was saved. Try again; if it keeps failing, tell your administrator.");
}

/**
 * Runs `work` as the caller: with an `Authorization: Bearer` header as that API token, otherwise as the
 * signed-in browser session. Every data function still checks permissions itself.
 * The session cookie is for the app's own pages only: a browser request from another origin (its `Origin`, or
 * `Sec-Fetch-Site`) is refused with 403, reads included, so another site cannot act or read with a visitor's
 * cookie. A request with neither header (curl) is not a browser's and keeps working.
 */
/** A request's body as JSON; when it is not JSON, `refusal` (a 400 that says what to send) is thrown. */
export async function jsonBody(request: Request, refusal: () => HttpError): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw refusal();
  }
}

export async function handleApi(request: Request, work: () => Promise<Response>): Promise<Response> {
  try {
    const authorization = request.headers.get("authorization");
    if (authorization) {
      const token = await authenticateApiToken(authorization).catch((error: unknown) => {
        if (error instanceof ApiTokenExpiredError) throw new HttpError(401, "token_expired", error.message);
        throw error;
      });
      const limit = await consumeApiTokenRequest(token.id);
      if (!limit.ok) {
        const response = jsonError(429, "rate_limited", `This API token sent too many requests. Try again in ${limit.retryAfterSeconds} seconds.`);
        response.headers.set("Retry-After", String(limit.retryAfterSeconds));
        return response;
      }
      return await runAsApiToken(token, work);
    }
    if (isCrossOriginRequest(request)) {
      return jsonError(
        403,
        "cross_origin",
        "Cross-site requests must use an API token (`Authorization: Bearer sl_…`); the sign-in cookie works only on Sightline's own pages.",
      );
    }
    return await work();
  } catch (error) {
    return errorResponse(error);
  }
}
