"use server";

import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/auth/guard";
import { formFields } from "@/lib/db/form-fields";
import { createModel } from "@/lib/db/models";

/** On failure the typed values come back, so the form shows them again instead of starting empty. */
export type CreateModelState = (ActionResult<{ id: string }> & { values?: Record<string, string> }) | null;

export async function createModelAction(_prev: CreateModelState, form: FormData): Promise<CreateModelState> {
  const fields = formFields(form);
  const result = await runAction(() => createModel(fields));
  if (result.ok) redirect(`/models/${result.data.id}`);
  const values = Object.fromEntries(Object.entries(fields).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  return { ...result, values };
}
