// Models created through the REST API (`POST /api/v1/models`): the same createModel as the app's form (same rules,
// same audit event), with a JSON body checked in the API's own terms, each refusal naming its parameter.
import "server-only";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { API_MODEL_WORDS as W, CREATE_MODEL_PARAMETERS } from "@/lib/narrative/api-words";
import { getDb } from "@/lib/prisma/client";
import type { ModelTask } from "@/lib/prisma/generated/enums";
import { createModel } from "./models";

const optionalText = (max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .max(max, { error: message })
    .nullish()
    .transform((v) => (v ? v : undefined));

/** The body of `POST /api/v1/models`. */
export const createModelApiBody = z
  .object({
    name: z.string({ error: W.name }).trim().min(2, { error: W.name }).max(80, { error: W.name }),
    purpose: z.string({ error: W.purpose }).trim().min(10, { error: W.purpose }).max(300, { error: W.purpose }),
    task: z.enum(["binary", "multiclass", "regression"], { error: W.task }),
    positiveLabel: optionalText(100, W.positiveLabelText),
    sensitiveAttributes: z
      .array(z.string({ error: W.sensitiveAttributes }).trim().min(1, { error: W.sensitiveAttributes }).max(100, { error: W.sensitiveAttributes }), { error: W.sensitiveAttributes })
      .max(50, { error: W.sensitiveAttributes })
      .nullish()
      .transform((v) => v ?? []),
    fairnessQuestion: z
      .enum(["help", "burden", "equal"], { error: W.fairnessQuestion })
      .nullish()
      .transform((v) => v ?? undefined),
    rowNoun: optionalText(40, W.rowNoun),
  })
  .refine((v) => v.task !== "binary" || Boolean(v.positiveLabel), { error: W.positiveLabel, path: ["positiveLabel"] });

/** A model as the API describes it. */
export interface ApiModel {
  id: string;
  name: string;
  purpose: string;
  task: ModelTask;
  positiveLabel: string | null;
  sensitiveAttributes: string[];
  createdAt: string;
  versionCount: number;
  windowCount: number;
  liveVersion: number | null;
}

/** One refused parameter. */
export interface ApiProblem {
  parameter: string;
  message: string;
}

export type CreateModelApiResult = { ok: true; model: ApiModel } | { ok: false; problems: ApiProblem[] };

const KNOWN = new Set<string>(CREATE_MODEL_PARAMETERS);

/**
 * Creates a model from a parsed JSON body for an owner or analyst, or an API token with `versions:manage`: the caller
 * is authorized first (so a caller without the right learns nothing about the body), then the body is checked, then
 * the app's createModel stores it with its first policy and the `model.created` audit event. A name already used in
 * the workspace is a RuleError (409), as in the app.
 */
export async function createModelFromApi(body: unknown): Promise<CreateModelApiResult> {
  await requirePermission("model.write", "add models");
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { ok: false, problems: [{ parameter: "", message: W.notJson }] };
  const unknown = Object.keys(body).filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) return { ok: false, problems: [{ parameter: unknown[0] as string, message: W.unknown(unknown) }] };
  const parsed = createModelApiBody.safeParse(body);
  if (!parsed.success) {
    const seen = new Set<string>();
    const problems: ApiProblem[] = [];
    for (const issue of parsed.error.issues) {
      const parameter = String(issue.path[0] ?? "");
      if (seen.has(parameter)) continue;
      seen.add(parameter);
      problems.push({ parameter, message: issue.message });
    }
    return { ok: false, problems };
  }
  const data = parsed.data;
  const { id } = await createModel({
    name: data.name,
    purpose: data.purpose,
    task: data.task,
    positiveLabel: data.positiveLabel,
    sensitiveAttributes: data.sensitiveAttributes,
    fairnessQuestion: data.fairnessQuestion,
    rowNoun: data.rowNoun,
  });
  const db = await getDb();
  const model = await db.model.findUniqueOrThrow({
    where: { id },
    select: { id: true, name: true, purpose: true, task: true, positiveLabel: true, sensitiveAttributes: true, createdAt: true },
  });
  return { ok: true, model: { ...model, createdAt: model.createdAt.toISOString(), versionCount: 0, windowCount: 0, liveVersion: null } };
}
