"use server";

import { runAction, type ActionResult } from "@/lib/auth/guard";
import { formFields } from "@/lib/db/form-fields";
import { changeOwnPassword } from "@/lib/db/users";

export type PasswordState = ActionResult | null;

export async function changePasswordAction(_prev: PasswordState, form: FormData): Promise<PasswordState> {
  return runAction(() => changeOwnPassword(formFields(form)), "Your password is changed. Use the new one next time you sign in.");
}
