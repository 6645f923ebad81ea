// Sends anonymous visitors to /login. Authorization is not done here: every data function checks it.
// It only reads the session cookie (never re-issues it), so a request racing a sign-out cannot bring the
// session back.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

const PUBLIC_PATHS = [/^\/login$/, /^\/invite\/[^/]+$/];

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.some((p) => p.test(pathname))) return NextResponse.next();
  const protocol = request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol;
  const token = await getToken({ req: request, secret: process.env.AUTH_SECRET, secureCookie: protocol.startsWith("https") });
  if (token?.sub) return NextResponse.next();
  const login = new URL("/login", request.nextUrl.origin);
  if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(login);
}

export const config = {
  // Not API routes (they answer 401 themselves), not static files.
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.(?:png|svg|ico|wasm|onnx|mjs|txt)$).*)"],
};
