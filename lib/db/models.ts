// Models of the user's workspace. A model of another workspace answers "not found", never "forbidden".
import "server-only";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { notFound } from "@/lib/auth/errors";
import { getDb } from "./client";
import type { ModelTask, VersionStatus } from "./generated/prisma/enums";

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
}

const modelIdSchema = z.string().min(1).max(64);

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
    },
  });
  if (!model) throw notFound("That model");
  const { _count, ...rest } = model;
  return { ...rest, windowCount: _count.windows };
}
