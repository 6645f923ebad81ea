"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/auth/guard";
import type { ApiTokenScope } from "@/lib/auth/permissions";
import { createApiToken, revokeApiToken } from "@/lib/db/api-tokens";

export type CreateTokenState = ActionResult<{ token: string; name: string; scopes: ApiTokenScope[]; expiresAt: string }> | null;

export async function createTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  return runAction(async () => {
    const created = await createApiToken({
      name: String(form.get("name") ?? ""),
      // Checkboxes: every checked one (none checked is refused with a message).
      scopes: form.getAll("scopes").map(String) as ApiTokenScope[],
      expiresInDays: String(form.get("expiresInDays") ?? "90"),
    });
    revalidatePath("/settings/tokens");
    return { ...created, expiresAt: created.expiresAt.toISOString() };
  });
}

export type RevokeTokenState = ActionResult | null;

export async function revokeTokenAction(_prev: RevokeTokenState, form: FormData): Promise<RevokeTokenState> {
  return runAction(async () => {
    await revokeApiToken(String(form.get("tokenId") ?? ""));
    revalidatePath("/settings/tokens");
  }, "Token revoked. Pipelines that use it are refused from now on.");
}
