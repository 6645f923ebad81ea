// Workspace API tokens for pipelines. Owners create and revoke them; only a sha256 of the token is stored.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { ApiTokenPrincipal } from "@/lib/auth/current-user";
import { requirePermission } from "@/lib/auth/current-user";
import { notFound, unauthenticated } from "@/lib/auth/errors";
import { appendAuditEvent } from "./audit";
import { getDb } from "@/lib/prisma/client";
import type { FormFields } from "./form-fields";

const TOKEN_PREFIX = "sl_";
const tokenHash = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export async function listApiTokens(): Promise<ApiTokenRow[]> {
  const user = await requirePermission("tokens.manage", "manage API tokens");
  const db = await getDb();
  const rows = await db.apiToken.findMany({
    where: { workspaceId: user.workspaceId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, createdBy: { select: { name: true } } },
  });
  return rows.map((r) => ({ ...r, createdBy: r.createdBy.name }));
}

export const createTokenInput = z.object({
  name: z.string().trim().min(1, "Give the token a name, like \"nightly pipeline\".").max(80, "Use at most 80 characters for the name."),
});

/** Returns the secret once; it cannot be shown again. */
export async function createApiToken(input: z.input<typeof createTokenInput> | FormFields): Promise<{ token: string; name: string }> {
  const user = await requirePermission("tokens.manage", "create API tokens");
  const { name } = createTokenInput.parse(input);
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { workspaceId: user.workspaceId, name, tokenHash: tokenHash(token), prefix: token.slice(0, 10), createdById: user.id },
    });
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "api_token.created",
      subjectType: "api_token",
      subjectId: row.id,
      payload: { name, prefix: row.prefix },
    });
  });
  return { token, name };
}

export async function revokeApiToken(tokenId: string): Promise<void> {
  const user = await requirePermission("tokens.manage", "revoke API tokens");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const row = await tx.apiToken.findFirst({
      where: { id: tokenId, workspaceId: user.workspaceId, revokedAt: null },
      select: { id: true, name: true, prefix: true },
    });
    if (!row) throw notFound("That API token");
    await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "api_token.revoked",
      subjectType: "api_token",
      subjectId: row.id,
      payload: { name: row.name, prefix: row.prefix },
    });
  });
}

/** Checks an `Authorization: Bearer sl_…` header. Throws AccessError (401) when it is missing, unknown or revoked. */
export async function authenticateApiToken(authorization: string | null): Promise<ApiTokenPrincipal> {
  const match = /^Bearer\s+(sl_[A-Za-z0-9_-]{43})\s*$/.exec(authorization ?? "");
  if (!match?.[1]) throw unauthenticated();
  const db = await getDb();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: tokenHash(match[1]) },
    select: { id: true, name: true, revokedAt: true, createdById: true, workspace: { select: { id: true, name: true } } },
  });
  if (!row || row.revokedAt) throw unauthenticated();
  // Owner who created it must still be a member, or the token stops working with them.
  const stillMember = await db.membership.count({ where: { workspaceId: row.workspace.id, userId: row.createdById } });
  if (!stillMember) throw unauthenticated();
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { id: row.id, name: row.name, workspaceId: row.workspace.id, workspaceName: row.workspace.name, createdById: row.createdById };
}
