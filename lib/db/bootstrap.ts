// Operations of the machine's operator (seed, `npm run user:create`): no session, audit actor is null.
// Never call these from a route: they skip permission checks by design.
import "server-only";
import type { Role } from "@/lib/auth/permissions";
import type { FairnessQuestion } from "@/lib/contracts/snapshot-types";
import { defaultRules } from "@/lib/governance/policy-rules";
import { policyRowData } from "./policy-row";
import { hashPassword } from "@/lib/auth/password";
import { appendAuditEvent } from "./audit";
import { getDb } from "@/lib/prisma/client";
import type { ModelTask } from "@/lib/prisma/generated/enums";

export async function findOrCreateWorkspace(name: string): Promise<{ id: string; name: string; created: boolean }> {
  const db = await getDb();
  const existing = await db.workspace.findFirst({ where: { name }, orderBy: { createdAt: "asc" } });
  if (existing) return { id: existing.id, name: existing.name, created: false };
  return db.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({ data: { name } });
    await appendAuditEvent(tx, {
      workspaceId: workspace.id,
      actorId: null,
      action: "workspace.created",
      subjectType: "workspace",
      subjectId: workspace.id,
      payload: { name },
    });
    return { id: workspace.id, name: workspace.name, created: true };
  });
}

export interface NewMember {
  workspaceId: string;
  email: string;
  name: string;
  password: string;
  role: Role;
}

/** Creates the user if needed and gives them `role` in the workspace. Returns the user id. */
export async function addMemberAsOperator(member: NewMember): Promise<{ userId: string; created: boolean }> {
  const db = await getDb();
  const email = member.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  const passwordHash = existing ? null : await hashPassword(member.password);
  return db.$transaction(async (tx) => {
    const user =
      existing ?? (await tx.user.create({ data: { email, name: member.name, passwordHash: passwordHash! } }));
    const current = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: member.workspaceId, userId: user.id } },
    });
    if (current?.role === member.role) return { userId: user.id, created: false };
    if (current) {
      await tx.membership.update({ where: { id: current.id }, data: { role: member.role } });
    } else {
      await tx.membership.create({ data: { workspaceId: member.workspaceId, userId: user.id, role: member.role } });
    }
    await appendAuditEvent(tx, {
      workspaceId: member.workspaceId,
      actorId: null,
      action: current ? "member.role_changed" : "member.added",
      subjectType: "user",
      subjectId: user.id,
      payload: current
        ? { email, from: current.role, to: member.role, via: "command line" }
        : { email, role: member.role, via: "command line" },
    });
    return { userId: user.id, created: !existing };
  });
}

export interface NewModelRecord {
  workspaceId: string;
  name: string;
  purpose: string;
  task: ModelTask;
  positiveLabel?: string | null;
  sensitiveAttributes?: string[];
  fairnessQuestion?: FairnessQuestion | null;
  rowNoun?: string;
}

export async function findOrCreateModelAsOperator(model: NewModelRecord): Promise<{ id: string; created: boolean }> {
  const db = await getDb();
  const existing = await db.model.findUnique({
    where: { workspaceId_name: { workspaceId: model.workspaceId, name: model.name } },
    select: { id: true },
  });
  if (existing) return { id: existing.id, created: false };
  return db.$transaction(async (tx) => {
    const created = await tx.model.create({
      data: {
        workspaceId: model.workspaceId,
        name: model.name,
        purpose: model.purpose,
        task: model.task,
        positiveLabel: model.positiveLabel ?? null,
        sensitiveAttributes: model.sensitiveAttributes ?? [],
        policies: { create: { version: 1, ...policyRowData(model.task, { ...defaultRules(model.task), fairnessQuestion: model.fairnessQuestion ?? null, rowNoun: model.rowNoun ?? "rows" }) } },
      },
    });
    await appendAuditEvent(tx, {
      workspaceId: model.workspaceId,
      actorId: null,
      action: "model.created",
      subjectType: "model",
      subjectId: created.id,
      payload: { name: model.name, task: model.task },
    });
    return { id: created.id, created: true };
  });
}
