// The part of the Auth.js configuration that needs no database. The callbacks that check the Session row
// (and so need the database) are in lib/auth/auth.ts.
import type { NextAuthConfig } from "next-auth";

export const authConfig = {
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  providers: [],
} satisfies NextAuthConfig;
