"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/auth/guard";
import { INPUT_FIELD_PREFIX, columnsFromText } from "@/lib/contracts/input-mapping";
import { updateVersionInputMapping } from "@/lib/db/versions";
import { INPUTS_SAVED } from "@/lib/narrative/input-mapping-words";
import "@/lib/evaluation/register-jobs";

export type InputMappingState = ActionResult<{ jobId: string | null }> | null;

/** The version page's "Inputs" form: one field per model input (`input:<name>`), columns split by commas. */
export async function saveInputMappingAction(modelId: string, version: number, _prev: InputMappingState, form: FormData): Promise<InputMappingState> {
  const mapping: Record<string, string | string[]> = {};
  for (const [key, value] of form.entries()) {
    if (!key.startsWith(INPUT_FIELD_PREFIX) || typeof value !== "string") continue;
    const columns = columnsFromText(value);
    if (columns.length === 0) continue; // an empty field leaves the input unmapped, and the check says so
    mapping[key.slice(INPUT_FIELD_PREFIX.length)] = columns.length === 1 ? (columns[0] as string) : columns;
  }
  const result = await runAction(async () => {
    const changed = await updateVersionInputMapping(modelId, version, mapping, "page");
    return { jobId: changed.jobId };
  }, INPUTS_SAVED);
  if (result.ok) revalidatePath(`/models/${modelId}`, "layout");
  return result;
}
