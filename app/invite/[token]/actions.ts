"use server";

import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/auth/guard";
import { formFields } from "@/lib/db/form-fields";
import { acceptInvitation } from "@/lib/db/members";

export type AcceptState = ActionResult<{ email: string }> | null;

export async function acceptInvitationAction(_prev: AcceptState, form: FormData): Promise<AcceptState> {
  const fields = formFields(form);
  if (fields.confirmPassword !== undefined && fields.confirmPassword !== fields.password) {
    return { ok: false, error: "The two passwords differ. Type the same password twice.", fieldErrors: { confirmPassword: "The two passwords differ." } };
  }
  const result = await runAction(() => acceptInvitation(fields));
  if (result.ok) redirect("/login?reason=joined");
  return result;
}
