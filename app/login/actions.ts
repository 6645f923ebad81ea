"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";

export interface LoginState {
  error: string | null;
  email: string;
}

/** Only same-site paths: never redirect to another host after sign-in. */
function safeCallback(value: FormDataEntryValue | null): string {
  const text = typeof value === "string" ? value : "";
  return text.startsWith("/") && !text.startsWith("//") && !text.startsWith("/\\") ? text : "/";
}

export async function loginAction(_previous: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return { error: "Enter your e-mail address and your password.", email };
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallback(form.get("callbackUrl")) });
    return { error: null, email };
  } catch (error) {
    if (error instanceof AuthError) {
      const code = "code" in error ? String(error.code) : "";
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
