"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/auth/guard";
import { createApiToken, revokeApiToken } from "@/lib/db/api-tokens";
import { formFields } from "@/lib/db/form-fields";

export type CreateTokenState = ActionResult<{ token: string; name: string }> | null;

export async function createTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  return runAction(async () => {
    const created = await createApiToken(formFields(form));
    revalidatePath("/settings/tokens");
    return created;
  });
}

export type RevokeTokenState = ActionResult | null;

export async function revokeTokenAction(_prev: RevokeTokenState, form: FormData): Promise<RevokeTokenState> {
  return runAction(async () => {
    await revokeApiToken(String(form.get("tokenId") ?? ""));
    revalidatePath("/settings/tokens");
  }, "Token revoked. Pipelines that use it are refused from now on.");
}
