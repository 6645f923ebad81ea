"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/throttle";
import { runAction, type ActionResult } from "@/lib/auth/guard";
import { formFields } from "@/lib/db/form-fields";
import { acceptInvitation } from "@/lib/db/members";

export type AcceptState = ActionResult<{ email: string }> | null;

export async function acceptInvitationAction(_prev: AcceptState, form: FormData): Promise<AcceptState> {
  const fields = formFields(form);
  if (fields.confirmPassword !== undefined && fields.confirmPassword !== fields.password) {
    return { ok: false, error: "The two passwords differ. Type the same password twice.", fieldErrors: { confirmPassword: "The two passwords differ." } };
  }
  const address = clientAddress(await headers());
  const result = await runAction(() => acceptInvitation(fields, { address }));
  if (result.ok) redirect("/login?reason=joined");
  return result;
}
