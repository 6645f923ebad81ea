// Auth.js with the Credentials provider (id "credentials", fields email and password).
// Each sign-in starts a Session row; the JWT carries its id and is refused once the row is ended.
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "./config";
import { verifyCredentials } from "./credentials";
import { endSession, isSessionLive, startSession } from "./sessions";
import { checkLoginAllowed, clientAddress, recordLoginFailure, recordLoginSuccess } from "./throttle";

class WrongCredentials extends CredentialsSignin {
  override code = "wrong_credentials";
}
class NoWorkspace extends CredentialsSignin {
  override code = "no_workspace";
}
/** Over the login throttle: the same answer whether the account exists or not. */
export class TooManyAttempts extends CredentialsSignin {
  override code = "too_many_attempts";
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an expected answer, not a server error: keep it out of the error log.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      if (error.cause && (error.cause as { err?: unknown }).err instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      id: "credentials",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new WrongCredentials();
        const { email, password } = parsed.data;
        const address = clientAddress(request.headers);
        if (!(await checkLoginAllowed(email, address)).ok) throw new TooManyAttempts();
        const result = await verifyCredentials(email, password);
        if (!result.ok && result.reason === "wrong-credentials") {
          if (!(await recordLoginFailure(email, address)).ok) throw new TooManyAttempts();
          throw new WrongCredentials();
        }
        await recordLoginSuccess(email, address);
        if (!result.ok) throw new NoWorkspace();
        const sessionId = await startSession(result.userId, request.headers.get("user-agent"));
        return { id: result.userId, sessionId };
      },
    }),
  ],
  callbacks: {
    // The token carries the user id and the session id; roles are read from the database on each request.
    // An ended (or unknown) session answers null: Auth.js then clears the cookie and never renews it.
    async jwt({ token, user }) {
      if (user?.id) {
        const sessionId = (user as { sessionId?: string }).sessionId;
        return sessionId ? { sub: user.id, sid: sessionId } : null;
      }
      const sid = typeof token.sid === "string" ? token.sid : undefined;
      if (!(await isSessionLive(sid, token.sub))) return null;
      return { sub: token.sub, sid };
    },
    session({ session, token }) {
      return { ...session, user: { id: token.sub ?? "" }, sessionId: token.sid } as unknown as typeof session;
    },
  },
  events: {
    // Sign-out through the action or POST /api/auth/signout: end that session's row.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(sid, "signed_out");
    },
  },
});
