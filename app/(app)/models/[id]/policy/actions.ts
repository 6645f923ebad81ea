"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/auth/guard";
import { formFields } from "@/lib/db/form-fields";
import { changePolicy, reevaluateModel } from "@/lib/db/policies";
import "@/lib/evaluation/register-jobs";

export type PolicyState = (ActionResult<{ version: number; jobId: string }> & { values?: Record<string, string> }) | null;

export async function changePolicyAction(modelId: string, _prev: PolicyState, form: FormData): Promise<PolicyState> {
  const fields = formFields(form);
  const result = await runAction(
    () => changePolicy(modelId, fields),
    "The policy is saved as a new version. Every stored period is being judged again with it; the model's pages update when that finishes.",
  );
  if (result.ok) {
    revalidatePath(`/models/${modelId}`, "layout");
    return result;
  }
  const values = Object.fromEntries(Object.entries(fields).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  return { ...result, values };
}

export type ReevaluateState = ActionResult<{ jobId: string }> | null;

export async function reevaluateAction(modelId: string, _prev: ReevaluateState, _form: FormData): Promise<ReevaluateState> {
  const result = await runAction(() => reevaluateModel(modelId), "Every stored period is being evaluated again. The model's pages update when that finishes.");
  if (result.ok) revalidatePath(`/models/${modelId}`, "layout");
  return result;
}
