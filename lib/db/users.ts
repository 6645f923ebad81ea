// The signed-in user's own account (sign-in itself: lib/auth/credentials.ts).
import "server-only";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { RuleError } from "@/lib/auth/errors";
import { hashPassword, passwordSchema, verifyPassword } from "@/lib/auth/password";
import { endAllSessions } from "@/lib/auth/sessions";
import { appendAuditEvent } from "./audit";
import { getDb } from "@/lib/prisma/client";
import type { FormFields } from "./form-fields";

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

/**
 * Changes the signed-in user's password and ends every session of theirs, this browser's included (the caller
 * signs this browser in afresh with the new password). Returns the e-mail and new password for that.
 */
export async function changeOwnPassword(input: z.input<typeof changePasswordInput> | FormFields): Promise<{ email: string; newPassword: string }> {
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
    const ended = await endAllSessions(user.id, "password_changed", tx);
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "user.password_changed",
      subjectType: "user",
      subjectId: user.id,
      payload: { sessionsEnded: ended },
    });
  });
  return { email: user.email, newPassword: data.newPassword };
}

/** "Sign out everywhere": ends every session of the signed-in user, this one included. */
export async function signOutEverywhere(): Promise<{ ended: number }> {
  const user = await requireUser();
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const ended = await endAllSessions(user.id, "signed_out_everywhere", tx);
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "user.signed_out_everywhere",
      subjectType: "user",
      subjectId: user.id,
      payload: { sessions: ended },
    });
    return { ended };
  });
}
