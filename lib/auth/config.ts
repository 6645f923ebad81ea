// The part of the Auth.js configuration that needs no database: used by proxy.ts and by lib/auth/auth.ts.
import type { NextAuthConfig } from "next-auth";

export const authConfig = {
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  providers: [],
  callbacks: {
    // The token carries the user id and nothing else; roles are read from the database on each request.
    jwt({ token, user }) {
      const sub = user?.id ?? token.sub;
      return sub ? { sub } : {};
    },
    session({ session, token }) {
      return { ...session, user: { id: token.sub ?? "" } } as typeof session;
    },
  },
} satisfies NextAuthConfig;
