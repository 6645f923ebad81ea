"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/auth/guard";
import { formFields } from "@/lib/db/form-fields";
import { makeVersionLive, moveVersionBackToDraft, rollbackToVersion, submitVersion, withdrawVersion, type StepResult } from "@/lib/db/lifecycle";
import { reviewVersion } from "@/lib/db/reviews";

export type GovernanceState = ActionResult<StepResult> | null;

const stepForm = z.object({
  step: z.enum(["submit", "withdraw", "make_live", "rollback", "back_to_draft"], { message: "Press one of the buttons to choose a step." }),
  comment: z.string().trim().max(2000, "Keep the note under 2,000 characters.").optional(),
});

const DONE: Record<z.infer<typeof stepForm>["step"], string> = {
  submit: "Sent for review. Reviewers can now see it.",
  withdraw: "Taken back from review. It is a draft again.",
  make_live: "It is live now. The version that was live is retired.",
  rollback: "It is live again. The version that was live is retired.",
  back_to_draft: "It is a draft again. Send it for review when it is ready.",
};

/** One lifecycle button (submit, withdraw, make live, roll back, back to draft). */
export async function lifecycleStepAction(modelId: string, version: number, _prev: GovernanceState, form: FormData): Promise<GovernanceState> {
  const result = await runAction(async () => {
    const { step, comment } = stepForm.parse(formFields(form));
    const input = comment ? { comment } : {};
    switch (step) {
      case "submit":
        return submitVersion(modelId, version, input);
      case "withdraw":
        return withdrawVersion(modelId, version, input);
      case "make_live":
        return makeVersionLive(modelId, version);
      case "rollback":
        return rollbackToVersion(modelId, version, input);
      case "back_to_draft":
        return moveVersionBackToDraft(modelId, version);
    }
  });
  if (result.ok) {
    const step = form.get("step");
    revalidatePath(`/models/${modelId}`, "layout");
    return { ...result, message: typeof step === "string" && step in DONE ? DONE[step as keyof typeof DONE] : "Done." };
  }
  return result;
}

/** The review form: checklist answers (`checklist.<item>`), a decision and a comment. */
export async function reviewAction(modelId: string, version: number, _prev: GovernanceState, form: FormData): Promise<GovernanceState> {
  const fields = formFields(form);
  const checklist: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (key.startsWith("checklist.")) checklist[key.slice("checklist.".length)] = value;
  const result = await runAction(
    () => reviewVersion(modelId, version, { decision: fields.decision as "approve", comment: typeof fields.comment === "string" ? fields.comment : "", checklist }),
    "Your review is saved and signed into the audit log.",
  );
  if (result.ok) revalidatePath(`/models/${modelId}`, "layout");
  return result;
}
