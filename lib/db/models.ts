// Models of the user's workspace. A model of another workspace answers "not found", never "forbidden".
import "server-only";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { RuleError, notFound } from "@/lib/auth/errors";
import { defaultRules } from "@/lib/governance/policy-rules";
import { policyRowData } from "./policy-row";
import { appendAuditEvent } from "./audit";
import { getDb } from "@/lib/prisma/client";
import type { FormFields } from "./form-fields";
import type { ModelTask, VersionStatus } from "@/lib/prisma/generated/enums";

export interface ModelCard {
  id: string;
  name: string;
  purpose: string;
  task: ModelTask;
  versionCount: number;
  windowCount: number;
  liveVersion: number | null;
}

export async function listModels(): Promise<ModelCard[]> {
  const user = await requirePermission("model.read", "see models");
  const db = await getDb();
  const models = await db.model.findMany({
    where: { workspaceId: user.workspaceId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      purpose: true,
      task: true,
      _count: { select: { versions: true, windows: true } },
      versions: { where: { status: "live" }, select: { version: true }, take: 1 },
    },
  });
  return models.map((m) => ({
    id: m.id,
    name: m.name,
    purpose: m.purpose,
    task: m.task,
    versionCount: m._count.versions,
    windowCount: m._count.windows,
    liveVersion: m.versions[0]?.version ?? null,
  }));
}

export interface ModelDetail {
  id: string;
  name: string;
  purpose: string;
  task: ModelTask;
  positiveLabel: string | null;
  sensitiveAttributes: string[];
  createdAt: Date;
  versions: { id: string; version: number; status: VersionStatus; createdAt: Date }[];
  windowCount: number;
  policy: { version: number; metricFloors: Record<string, number> } | null;
}

/** A model id as it may appear in a URL; anything else is "not found". */
export const modelIdSchema = z.string().min(1).max(64);

export async function getModel(id: string): Promise<ModelDetail> {
  const user = await requirePermission("model.read", "see models");
  if (!modelIdSchema.safeParse(id).success) throw notFound("That model");
  const db = await getDb();
  const model = await db.model.findFirst({
    where: { id, workspaceId: user.workspaceId },
    select: {
      id: true,
      name: true,
      purpose: true,
      task: true,
      positiveLabel: true,
      sensitiveAttributes: true,
      createdAt: true,
      versions: { orderBy: { version: "desc" }, select: { id: true, version: true, status: true, createdAt: true } },
      _count: { select: { windows: true } },
      policies: { orderBy: { version: "desc" }, take: 1, select: { version: true, metricFloors: true } },
    },
  });
  if (!model) throw notFound("That model");
  const { _count, policies, ...rest } = model;
  const policy = policies[0];
  return {
    ...rest,
    windowCount: _count.windows,
    policy: policy ? { version: policy.version, metricFloors: policy.metricFloors as Record<string, number> } : null,
  };
}

const columnName = z.string().trim().min(1).max(100);

export const createModelInput = z
  .object({
    name: z.string().trim().min(2, "Give the model a name of at least 2 characters.").max(80, "Use at most 80 characters for the name."),
    purpose: z
      .string()
      .trim()
      .min(10, "Say in a sentence what the model decides, for example \"Decides which loan applications get a fast-track review\".")
      .max(300, "Keep the purpose under 300 characters."),
    task: z.enum(["binary", "multiclass", "regression"], { message: "Choose what kind of answer the model gives." }),
    positiveLabel: z.string().trim().max(100).optional().transform((v) => (v ? v : undefined)),
    fairnessQuestion: z
      .enum(["help", "burden", "equal", ""], { message: "Choose how a yes from the model affects a person, or leave it unanswered." })
      .optional()
      .transform((v) => (v ? v : null)),
    rowNoun: z
      .string()
      .trim()
      .max(40, "Keep what a row is under 40 characters.")
      .optional()
      .transform((v) => (v ? v : "rows")),
    sensitiveAttributes: z
      .union([z.string(), z.array(columnName)])
      .optional()
      .transform((v) => {
        const list = typeof v === "string" ? v.split(",") : (v ?? []);
        return [...new Set(list.map((c) => c.trim()).filter(Boolean))];
      }),
  })
  .refine((v) => v.task !== "binary" || Boolean(v.positiveLabel), {
    message: "For a yes/no model, say which answer counts as \"yes\" (the positive label, for example \">50K\" or \"1\").",
    path: ["positiveLabel"],
  });

export async function createModel(input: z.input<typeof createModelInput> | FormFields): Promise<{ id: string }> {
  const user = await requirePermission("model.write", "add models");
  const data = createModelInput.parse(input);
  const db = await getDb();
  const clash = await db.model.count({ where: { workspaceId: user.workspaceId, name: data.name } });
  if (clash) throw new RuleError(`A model named "${data.name}" exists already in this workspace. Choose another name.`);
  return db.$transaction(async (tx) => {
    const model = await tx.model.create({
      data: {
        workspaceId: user.workspaceId,
        name: data.name,
        purpose: data.purpose,
        task: data.task,
        positiveLabel: data.task === "regression" ? null : (data.positiveLabel ?? null),
        sensitiveAttributes: data.sensitiveAttributes,
        policies: { create: { version: 1, ...policyRowData(data.task, { ...defaultRules(data.task), fairnessQuestion: data.fairnessQuestion, rowNoun: data.rowNoun }), createdById: user.id } },
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "model.created",
      subjectType: "model",
      subjectId: model.id,
      payload: { name: data.name, task: data.task, ...(user.apiToken ? { via: `API token ${user.apiToken.name}` } : {}) },
    });
    return model;
  });
}
