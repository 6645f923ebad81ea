"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/auth";
import { RuleError } from "@/lib/auth/errors";
import { switchWorkspace } from "@/lib/db/workspaces";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login?reason=signed-out" });
}

/** The app bar's workspace picker: work in another workspace this person belongs to, from its home page. */
export async function switchWorkspaceAction(form: FormData): Promise<void> {
  try {
    await switchWorkspace(form.get("workspace"));
  } catch (error) {
    // Not a member (any more): stay where you are; the page shows the workspaces that remain.
    if (!(error instanceof RuleError)) throw error;
  }
  redirect("/");
}
