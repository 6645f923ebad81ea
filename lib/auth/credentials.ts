// Checks an e-mail and password at sign-in (no session yet), for the Credentials provider in ./auth.ts.
import "server-only";
import { getDb } from "@/lib/prisma/client";
import { decoyPasswordHash, verifyPassword } from "./password";

export type CredentialCheck = { ok: true; userId: string } | { ok: false; reason: "wrong-credentials" | "no-membership" };

/** Used by the sign-in form only (no session yet). Same cost whether or not the e-mail exists. */
export async function verifyCredentials(email: string, password: string): Promise<CredentialCheck> {
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, passwordHash: true, _count: { select: { memberships: true } } },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !valid) return { ok: false, reason: "wrong-credentials" };
  if (user._count.memberships === 0) return { ok: false, reason: "no-membership" };
  return { ok: true, userId: user.id };
}
