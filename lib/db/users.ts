// Sign-in and the signed-in user's own account.
import "server-only";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { RuleError } from "@/lib/auth/errors";
import { decoyPasswordHash, hashPassword, passwordSchema, verifyPassword } from "@/lib/auth/password";
import { appendAuditEvent } from "./audit";
import { getDb } from "./client";
import type { FormFields } from "./form-fields";

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

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "The two new passwords differ. Type the same password twice.",
    path: ["confirmPassword"],
  });

export async function changeOwnPassword(input: z.input<typeof changePasswordInput> | FormFields): Promise<void> {
  const user = await requireUser();
  const data = changePasswordInput.parse(input);
  const db = await getDb();
  const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(stored.passwordHash, data.currentPassword))) {
    throw new RuleError("Your current password is not right. Type it again, or ask an owner to invite you anew.", 422);
  }
  const passwordHash = await hashPassword(data.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "user.password_changed",
      subjectType: "user",
      subjectId: user.id,
      payload: {},
    });
  });
}
