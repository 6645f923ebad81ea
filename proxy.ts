// Sends anonymous visitors to /login. Authorization is not done here: every data function checks it.
import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);

const PUBLIC_PATHS = [/^\/login$/, /^\/invite\/[^/]+$/];

export const proxy = auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (request.auth?.user?.id || PUBLIC_PATHS.some((p) => p.test(pathname))) return NextResponse.next();
  const login = new URL("/login", request.nextUrl.origin);
  if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(login);
});

export const config = {
  // Not API routes (they answer 401 themselves), not static files.
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.(?:png|svg|ico|wasm|onnx|mjs|txt)$).*)"],
};
