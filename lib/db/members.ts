// Workspace members and invitations. Owners manage; invitees accept with a one-time link.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { RuleError, ThrottledError, notFound } from "@/lib/auth/errors";
import { hashPassword, passwordSchema, verifyPassword } from "@/lib/auth/password";
import { endAllSessions } from "@/lib/auth/sessions";
import { checkLoginAllowed, recordLoginFailure, recordLoginSuccess, tooManyAttemptsMessage } from "@/lib/auth/throttle";
import { roleSchema, type Role } from "@/lib/auth/permissions";
import { appendAuditEvent } from "./audit";
import { getDb, type Tx } from "@/lib/prisma/client";
import type { FormFields } from "./form-fields";

const INVITATION_DAYS = 7;

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  since: Date;
  isYou: boolean;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  createdBy: string;
}

export async function listMembers(): Promise<{ members: MemberRow[]; invitations: PendingInvitation[] }> {
  const user = await requirePermission("members.manage", "manage members");
  const db = await getDb();
  const [memberships, invitations] = await Promise.all([
    db.membership.findMany({
      where: { workspaceId: user.workspaceId },
      orderBy: { createdAt: "asc" },
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    db.invitation.findMany({
      where: { workspaceId: user.workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true, createdBy: { select: { name: true } } },
    }),
  ]);
  return {
    members: memberships.map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      since: m.createdAt,
      isYou: m.user.id === user.id,
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      expiresAt: i.expiresAt,
      createdBy: i.createdBy.name,
    })),
  };
}

export const inviteInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid e-mail address, like name@example.com."),
  role: roleSchema,
});

function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Creates a one-time invitation and returns its secret token (shown once, stored only as a hash). */
export async function createInvitation(input: z.input<typeof inviteInput> | FormFields): Promise<{ token: string; email: string; expiresAt: Date }> {
  const user = await requirePermission("members.manage", "invite members");
  const { email, role } = inviteInput.parse(input);
  const db = await getDb();
  const already = await db.membership.findFirst({
    where: { workspaceId: user.workspaceId, user: { email } },
    select: { id: true },
  });
  if (already) throw new RuleError(`${email} is already a member of this workspace. Change their role in the list instead.`);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.create({
      data: { workspaceId: user.workspaceId, email, role, tokenHash: tokenHash(token), expiresAt, createdById: user.id },
    });
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "member.invited",
      subjectType: "invitation",
      subjectId: invitation.id,
      payload: { email, role, expiresAt: expiresAt.toISOString() },
    });
  });
  return { token, email, expiresAt };
}

export async function revokeInvitation(invitationId: string): Promise<void> {
  const user = await requirePermission("members.manage", "cancel invitations");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, workspaceId: user.workspaceId, acceptedAt: null, revokedAt: null },
      select: { id: true, email: true },
    });
    if (!invitation) throw notFound("That invitation");
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "member.invitation_revoked",
      subjectType: "invitation",
      subjectId: invitation.id,
      payload: { email: invitation.email },
    });
  });
}

async function ownersLeftAfter(tx: Tx, workspaceId: string, userId: string): Promise<number> {
  return tx.membership.count({ where: { workspaceId, role: "owner", userId: { not: userId } } });
}

export const changeRoleInput = z.object({ userId: z.string().min(1), role: roleSchema });

export async function changeMemberRole(input: z.input<typeof changeRoleInput> | FormFields): Promise<void> {
  const user = await requirePermission("members.manage", "change roles");
  const { userId, role } = changeRoleInput.parse(input);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: user.workspaceId, userId } },
      select: { id: true, role: true, user: { select: { email: true } } },
    });
    if (!membership) throw notFound("That member");
    if (membership.role === role) return;
    if (membership.role === "owner" && (await ownersLeftAfter(tx, user.workspaceId, userId)) === 0) {
      throw new RuleError("A workspace needs at least one owner. Make someone else an owner first.");
    }
    await tx.membership.update({ where: { id: membership.id }, data: { role } });
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "member.role_changed",
      subjectType: "user",
      subjectId: userId,
      payload: { email: membership.user.email, from: membership.role, to: role },
    });
  });
}

export async function removeMember(userId: string): Promise<void> {
  const user = await requirePermission("members.manage", "remove members");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: user.workspaceId, userId } },
      select: { id: true, role: true, user: { select: { email: true } } },
    });
    if (!membership) throw notFound("That member");
    if (membership.role === "owner" && (await ownersLeftAfter(tx, user.workspaceId, userId)) === 0) {
      throw new RuleError("A workspace needs at least one owner. Make someone else an owner before removing this one.");
    }
    await tx.membership.delete({ where: { id: membership.id } });
    // One workspace per user for now: a removed member has no workspace left, so every session of theirs ends.
    await endAllSessions(userId, "removed", tx);
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "member.removed",
      subjectType: "user",
      subjectId: userId,
      payload: { email: membership.user.email, role: membership.role },
    });
  });
}

/** An owner signs a member out of every browser (a lost laptop, a shared computer). */
export async function signOutMemberEverywhere(userId: string): Promise<{ ended: number }> {
  const user = await requirePermission("members.manage", "sign members out");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: user.workspaceId, userId } },
      select: { id: true, user: { select: { email: true } } },
    });
    if (!membership) throw notFound("That member");
    const ended = await endAllSessions(userId, userId === user.id ? "signed_out_everywhere" : "signed_out_by_owner", tx);
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "member.signed_out_everywhere",
      subjectType: "user",
      subjectId: userId,
      payload: { email: membership.user.email, sessions: ended },
    });
    return { ended };
  });
}

export interface InvitationPreview {
  workspaceName: string;
  email: string;
  role: Role;
}

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

async function findOpenInvitation(token: string) {
  if (!tokenSchema.safeParse(token).success) return null;
  const db = await getDb();
  return db.invitation.findFirst({
    where: { tokenHash: tokenHash(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, workspaceId: true, workspace: { select: { name: true } } },
  });
}

/** Public (the link is the credential): what the invitation offers, or null if it is unknown, used or expired. */
export async function previewInvitation(token: string): Promise<InvitationPreview | null> {
  const invitation = await findOpenInvitation(token);
  if (!invitation) return null;
  // Whether an account exists for the e-mail is not shown: the same form serves both (see acceptInvitation).
  return { workspaceName: invitation.workspace.name, email: invitation.email, role: invitation.role };
}

export const acceptInput = z.object({
  token: z.string(),
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters for your name."),
  password: z.string().min(1, "Enter a password."),
});

const WRONG_PASSWORD_FOR_INVITATION =
  "This password cannot be used to join. If you already have a Sightline account with this e-mail, enter that account's password; otherwise choose a new one.";

/**
 * Public: turns an open invitation into a membership. One form for everyone: a new e-mail gets an account with the
 * chosen password; an e-mail that has an account joins only with that account's password. Failures are throttled
 * like sign-in (per e-mail and address, and per address), so the form is no faster way to guess a password.
 */
export async function acceptInvitation(
  input: z.input<typeof acceptInput> | FormFields,
  context: { address: string } = { address: "unknown" },
): Promise<{ email: string }> {
  const { token, name, password } = acceptInput.parse(input);
  const { address } = context;
  const invitation = await findOpenInvitation(token);
  const account = invitation?.email ?? `invitation:${tokenHash(token).slice(0, 16)}`;
  const allowed = await checkLoginAllowed(account, address);
  if (!allowed.ok) throw new ThrottledError(allowed.retryAfterSeconds, tooManyAttemptsMessage(allowed.retryAfterSeconds));
  const fail = async (message: string, status: 409 | 422): Promise<never> => {
    const counted = await recordLoginFailure(account, address);
    if (!counted.ok) throw new ThrottledError(counted.retryAfterSeconds, tooManyAttemptsMessage(counted.retryAfterSeconds));
    throw new RuleError(message, status);
  };
  if (!invitation) {
    return fail("This invitation link is not valid any more: it was used, cancelled or has expired. Ask the owner for a new one.", 422);
  }
  const newPassword = passwordSchema.parse(password);
  const db = await getDb();
  const existing = await db.user.findUnique({
    where: { email: invitation.email },
    select: { id: true, passwordHash: true },
  });
  let passwordHash: string | null = null;
  if (existing) {
    if (!(await verifyPassword(existing.passwordHash, newPassword))) await fail(WRONG_PASSWORD_FOR_INVITATION, 422);
    await recordLoginSuccess(account, address);
  } else {
    passwordHash = await hashPassword(newPassword); // about the cost of checking an existing account's password
  }
  await db.$transaction(async (tx) => {
    // Mark used first: a second acceptance of the same link fails here.
    const used = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (used.count !== 1) throw new RuleError("This invitation link was just used. Sign in instead.", 409);
    const userId = existing
      ? existing.id
      : (await tx.user.create({ data: { email: invitation.email, name, passwordHash: passwordHash! } })).id;
    await tx.membership.create({ data: { workspaceId: invitation.workspaceId, userId, role: invitation.role } });
    await appendAuditEvent(tx, {
      workspaceId: invitation.workspaceId,
      actorId: userId,
      action: "member.joined",
      subjectType: "user",
      subjectId: userId,
      payload: { email: invitation.email, role: invitation.role, invitationId: invitation.id },
    });
  });
  return { email: invitation.email };
}
