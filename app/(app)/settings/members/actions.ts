"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { runAction, type ActionResult } from "@/lib/auth/guard";
import { formFields } from "@/lib/db/form-fields";
import { changeMemberRole, createInvitation, removeMember, revokeInvitation } from "@/lib/db/members";

async function origin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}

export type InviteState = ActionResult<{ link: string; email: string; expiresAt: string }> | null;

export async function inviteAction(_prev: InviteState, form: FormData): Promise<InviteState> {
  return runAction(async () => {
    const { token, email, expiresAt } = await createInvitation(formFields(form));
    revalidatePath("/settings/members");
    return { link: `${await origin()}/invite/${token}`, email, expiresAt: expiresAt.toISOString() };
  });
}

export type MemberActionState = ActionResult | null;

export async function changeRoleAction(_prev: MemberActionState, form: FormData): Promise<MemberActionState> {
  return runAction(async () => {
    await changeMemberRole(formFields(form));
    revalidatePath("/settings/members");
    return undefined;
  }, "Role changed.");
}

export async function removeMemberAction(_prev: MemberActionState, form: FormData): Promise<MemberActionState> {
  return runAction(async () => {
    await removeMember(String(form.get("userId") ?? ""));
    revalidatePath("/settings/members");
    return undefined;
  }, "Member removed.");
}

export async function revokeInvitationAction(_prev: MemberActionState, form: FormData): Promise<MemberActionState> {
  return runAction(async () => {
    await revokeInvitation(String(form.get("invitationId") ?? ""));
    revalidatePath("/settings/members");
    return undefined;
  }, "Invitation cancelled.");
}
