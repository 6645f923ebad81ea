"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { signIn } from "@/lib/auth/auth";
import { checkLoginAllowed, clientAddress, tooManyAttemptsMessage } from "@/lib/auth/throttle";

export interface LoginState {
  error: string | null;
  email: string;
}

/** Only same-site paths: never redirect to another host after sign-in. */
function safeCallback(value: FormDataEntryValue | null): string {
  const text = typeof value === "string" ? value : "";
  return text.startsWith("/") && !text.startsWith("//") && !text.startsWith("/\\") ? text : "/";
}

/** The throttle's answer for this e-mail and address, as the form's message (same whether the account exists). */
async function throttledMessage(email: string): Promise<string | null> {
  const check = await checkLoginAllowed(email.toLowerCase(), clientAddress(await headers()));
  return check.ok ? null : tooManyAttemptsMessage(check.retryAfterSeconds);
}

export async function loginAction(_previous: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return { error: "Enter your e-mail address and your password.", email };
  const throttled = await throttledMessage(email);
  if (throttled) return { error: throttled, email };
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallback(form.get("callbackUrl")) });
    return { error: null, email };
  } catch (error) {
    if (error instanceof AuthError) {
      const code = "code" in error ? String(error.code) : "";
      if (code === "too_many_attempts") {
        return { error: (await throttledMessage(email)) ?? tooManyAttemptsMessage(15 * 60), email };
      }
      if (code === "no_workspace") {
        return {
          error: "Your account is not a member of any workspace any more. Ask a workspace owner for a new invitation.",
          email,
        };
      }
      return { error: "Wrong e-mail or password. Check both and try again.", email };
    }
    throw error; // includes the redirect after a successful sign-in
  }
}
