// Which version a request names (model id and version number from a URL), and the statuses in which a version's
// inputs and processing may still change: before it is submitted for review, or once it is back.
import { z } from "zod";
import { notFound } from "@/lib/auth/errors";

export const versionParams = z.object({ modelId: z.string().min(1).max(64), version: z.coerce.number().int().positive().max(1_000_000) });

export const EDITABLE_STATUSES = ["draft", "changes_requested"] as const;

export function isEditable(status: string): boolean {
  return (EDITABLE_STATUSES as readonly string[]).includes(status);
}

/** The where clause for the version a request names, inside the caller's workspace; an unreadable name is "not found". */
export function versionWhere(workspaceId: string, modelId: unknown, version: unknown): { modelId: string; version: number; model: { workspaceId: string } } {
  const parsed = versionParams.safeParse({ modelId, version });
  if (!parsed.success) throw notFound("That model version");
  return { modelId: parsed.data.modelId, version: parsed.data.version, model: { workspaceId } };
}
