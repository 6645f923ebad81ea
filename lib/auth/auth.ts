// Auth.js with the Credentials provider (id "credentials", fields email and password).
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "./config";
import { verifyCredentials } from "./credentials";

class WrongCredentials extends CredentialsSignin {
  override code = "wrong_credentials";
}
class NoWorkspace extends CredentialsSignin {
  override code = "no_workspace";
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
      console.error(error);
    },
  },
  providers: [
    Credentials({
      id: "credentials",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new WrongCredentials();
        const result = await verifyCredentials(parsed.data.email, parsed.data.password);
        if (result.ok) return { id: result.userId };
        throw result.reason === "no-membership" ? new NoWorkspace() : new WrongCredentials();
      },
    }),
  ],
});
