// The signed-in user's own account (sign-in itself: lib/auth/credentials.ts).
import "server-only";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { RuleError } from "@/lib/auth/errors";
import { hashPassword, passwordSchema, verifyPassword } from "@/lib/auth/password";
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
