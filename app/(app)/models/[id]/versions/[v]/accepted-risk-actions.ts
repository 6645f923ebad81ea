"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/auth/guard";
import { confirmAcceptedRisk, proposeAcceptedRisk, withdrawAcceptedRisk } from "@/lib/db/accepted-risks";
import { formFields } from "@/lib/db/form-fields";
import { ACCEPT_CONFIRMED_DONE, ACCEPT_PROPOSED_DONE, ACCEPT_WITHDRAWN_DONE } from "@/lib/narrative/accepted-risk-words";

export type AcceptedRiskState = ActionResult<{ id: string }> | null;

const decisionForm = z.object({
  step: z.enum(["confirm", "withdraw"], { message: "Press one of the buttons to choose a step." }),
  id: z.string().min(1).max(64),
});

/** The "Accept this risk" form of one red or amber check (owners). */
export async function proposeAcceptedRiskAction(modelId: string, version: number, _prev: AcceptedRiskState, form: FormData): Promise<AcceptedRiskState> {
  const fields = formFields(form);
  const result = await runAction(
    () =>
      proposeAcceptedRisk(modelId, version, {
        checkKind: fields.checkKind as "metric",
        checkKey: typeof fields.checkKey === "string" ? fields.checkKey : "",
        reason: typeof fields.reason === "string" ? fields.reason : "",
        expiresAt: typeof fields.expiresAt === "string" ? fields.expiresAt : "",
      }),
    ACCEPT_PROPOSED_DONE,
  );
  if (result.ok) revalidatePath(`/models/${modelId}`, "layout");
  return result;
}

/** Confirm (reviewers, another owner) or withdraw (owners) one acceptance. */
export async function decideAcceptedRiskAction(modelId: string, _prev: AcceptedRiskState, form: FormData): Promise<AcceptedRiskState> {
  const result = await runAction(async () => {
    const { step, id } = decisionForm.parse(formFields(form));
    return step === "confirm" ? confirmAcceptedRisk(id) : withdrawAcceptedRisk(id);
  });
  if (result.ok) {
    revalidatePath(`/models/${modelId}`, "layout");
    return { ...result, message: form.get("step") === "confirm" ? ACCEPT_CONFIRMED_DONE : ACCEPT_WITHDRAWN_DONE };
  }
  return result;
}
