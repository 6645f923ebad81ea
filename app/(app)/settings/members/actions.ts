"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/auth/guard";
import { formFields } from "@/lib/db/form-fields";
import { publicUrl } from "@/lib/auth/public-url";
import { changeMemberRole, createInvitation, removeMember, revokeInvitation, signOutMemberEverywhere } from "@/lib/db/members";

export type InviteState = ActionResult<{ link: string; email: string; expiresAt: string }> | null;

export async function inviteAction(_prev: InviteState, form: FormData): Promise<InviteState> {
  return runAction(async () => {
    const { token, email, expiresAt } = await createInvitation(formFields(form));
    revalidatePath("/settings/members");
    return { link: `${publicUrl()}/invite/${token}`, email, expiresAt: expiresAt.toISOString() };
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

export async function signOutMemberAction(_prev: MemberActionState, form: FormData): Promise<MemberActionState> {
  return runAction(async () => {
    const { ended } = await signOutMemberEverywhere(String(form.get("userId") ?? ""));
    return ended;
  }).then((result) =>
    result.ok
      ? { ok: true as const, data: undefined, message: `Signed out of every browser (${result.data} ${result.data === 1 ? "session" : "sessions"} ended).` }
      : result,
  );
}
