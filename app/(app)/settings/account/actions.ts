"use server";

import { signIn, signOut } from "@/lib/auth/auth";
import { runAction, type ActionResult } from "@/lib/auth/guard";
import { formFields } from "@/lib/db/form-fields";
import { changeOwnPassword, signOutEverywhere } from "@/lib/db/users";

export type PasswordState = ActionResult<null> | null;

/**
 * A password change ends every session of the person (other browsers are signed out at their next request);
 * this browser is signed in afresh with the new password, so it gets a new session and stays on the page.
 */
export async function changePasswordAction(_prev: PasswordState, form: FormData): Promise<PasswordState> {
  const result = await runAction(() => changeOwnPassword(formFields(form)));
  if (!result.ok) return result;
  await signIn("credentials", { email: result.data.email, password: result.data.newPassword, redirect: false });
  return {
    ok: true,
    data: null,
    message: "Your password is changed. Every other browser signed in as you was signed out; use the new password next time you sign in.",
  };
}

/** Ends every session of the signed-in person, this one included, and goes to the sign-in page. */
export async function signOutEverywhereAction(): Promise<void> {
  await runAction(signOutEverywhere); // an already ended session goes to /login
  await signOut({ redirectTo: "/login?reason=signed-out-everywhere" });
}
