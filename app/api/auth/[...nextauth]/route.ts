import { handlers } from "@/lib/auth/auth";
import { checkLoginAllowed, clientAddress, tooManyAttemptsMessage } from "@/lib/auth/throttle";

export const { GET } = handlers;

function tooManyAttempts(retryAfterSeconds: number): Response {
  return Response.json(
    { error: { code: "too_many_attempts", message: tooManyAttemptsMessage(retryAfterSeconds) } },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}

/**
 * POST /api/auth/callback/credentials answers 429 with Retry-After over the login throttle (lib/auth/throttle.ts),
 * whether or not the account exists. Other Auth.js POSTs (sign-out, session update) pass through.
 */
export async function POST(request: Parameters<typeof handlers.POST>[0]): Promise<Response> {
  if (!new URL(request.url).pathname.endsWith("/callback/credentials")) return handlers.POST(request);
  const form = await request.clone().formData().catch(() => null);
  const email = String(form?.get("email") ?? "").trim().toLowerCase();
  const address = clientAddress(request.headers);
  const before = await checkLoginAllowed(email, address);
  if (!before.ok) return tooManyAttempts(before.retryAfterSeconds);
  const response = await handlers.POST(request);
  // The attempt that went over the limit: Auth.js answers with a redirect (or its URL) naming the code.
  const location = response.headers.get("location") ?? "";
  const body = location ? "" : await response.clone().text().catch(() => "");
  if (location.includes("code=too_many_attempts") || body.includes("code=too_many_attempts")) {
    const after = await checkLoginAllowed(email, address);
    return tooManyAttempts(after.ok ? 60 : after.retryAfterSeconds);
  }
  return response;
}
