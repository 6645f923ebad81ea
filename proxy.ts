// Runs before every page (not the REST API, not static files):
// - sets a fresh Content-Security-Policy nonce per request (Next puts it on its own scripts when it finds the policy
//   on the request; an inline script of ours reads it with `(await headers()).get("x-nonce")`), plus HSTS over https;
// - answers 403 to a server action posted from another origin (Next itself would answer 500);
// - sends anonymous visitors to /login. Authorization is not done here: every data function checks it.
// It only reads the session cookie (never re-issues it), so a request racing a sign-out cannot bring the
// session back.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { hasForeignOriginHost, isHttpsRequest } from "@/lib/api/request-origin";

const PUBLIC_PATHS = [/^\/login$/, /^\/invite\/[^/]+$/];

/** The page policy; `'unsafe-eval'` only in development (React's dev tools rebuild call stacks with eval). */
function contentSecurityPolicy(nonce: string, development = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function withSecurityHeaders(response: NextResponse, request: NextRequest, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  if (isHttpsRequest(request)) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce);

  if (request.method === "POST" && request.headers.has("next-action") && hasForeignOriginHost(request)) {
    const refused = new NextResponse("Server actions are refused from another origin.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
    return withSecurityHeaders(refused, request, csp);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const next = () => withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), request, csp);

  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.some((p) => p.test(pathname))) return next();
  const protocol = request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol;
  const token = await getToken({ req: request, secret: process.env.AUTH_SECRET, secureCookie: protocol.startsWith("https") });
  if (token?.sub) return next();
  const login = new URL("/login", request.nextUrl.origin);
  if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
  return withSecurityHeaders(NextResponse.redirect(login), request, csp);
}

export const config = {
  // Not API routes (they answer 401 themselves and keep next.config.js's static policy), not static files.
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.(?:png|svg|ico|wasm|onnx|mjs|txt)$).*)"],
};
