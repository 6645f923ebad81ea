// Workspace API tokens for pipelines. Owners create and revoke them; only a sha256 of the token is stored.
// A token has scopes and an expiry, and never more power than its creator has now (lib/auth/permissions.ts tokenCan).
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { ApiTokenPrincipal } from "@/lib/auth/current-user";
import { requirePermission } from "@/lib/auth/current-user";
import { ApiTokenExpiredError, notFound, unauthenticated } from "@/lib/auth/errors";
import { API_TOKEN_SCOPES, apiTokenScopeSchema, DEFAULT_API_TOKEN_SCOPES, type ApiTokenScope } from "@/lib/auth/permissions";
import { appendAuditEvent } from "./audit";
import { getDb } from "@/lib/prisma/client";
import type { FormFields } from "./form-fields";

const TOKEN_PREFIX = "sl_";
const DAY_MS = 24 * 60 * 60 * 1000;
export const API_TOKEN_LIFETIMES_DAYS = [30, 90, 365] as const;
export const DEFAULT_API_TOKEN_DAYS = 90;
/** lastUsedAt is written at most once a minute per token, not on every request. */
const LAST_USED_EVERY_MS = 60 * 1000;

const tokenHash = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** Scopes stored on a row, keeping only the ones this version knows. */
function knownScopes(scopes: readonly string[]): ApiTokenScope[] {
  return API_TOKEN_SCOPES.filter((s) => scopes.includes(s));
}

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date;
  /** whole days left, rounded up; 0 when expired */
  daysLeft: number;
  scopes: ApiTokenScope[];
}

export async function listApiTokens(): Promise<ApiTokenRow[]> {
  const user = await requirePermission("tokens.manage", "manage API tokens");
  const db = await getDb();
  const rows = await db.apiToken.findMany({
    where: { workspaceId: user.workspaceId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      scopes: true,
      createdBy: { select: { name: true } },
    },
  });
  const now = Date.now();
  return rows.map((r) => ({
    ...r,
    daysLeft: Math.max(0, Math.ceil((r.expiresAt.getTime() - now) / DAY_MS)),
    scopes: knownScopes(r.scopes),
    createdBy: r.createdBy.name,
  }));
}

/** Checkbox fields arrive as one string or several; none checked means the default pair. */
const scopesField = z
  .union([apiTokenScopeSchema, z.array(apiTokenScopeSchema)])
  .optional()
  .transform((v) => (v === undefined ? [...DEFAULT_API_TOKEN_SCOPES] : knownScopes(Array.isArray(v) ? v : [v])))
  .refine((v) => v.length > 0, "Choose at least one thing the token may do.");

export const createTokenInput = z.object({
  name: z.string().trim().min(1, "Give the token a name, like \"nightly pipeline\".").max(80, "Use at most 80 characters for the name."),
  scopes: scopesField,
  expiresInDays: z.coerce
    .number()
    .refine((d) => (API_TOKEN_LIFETIMES_DAYS as readonly number[]).includes(d), "Choose 30, 90 or 365 days.")
    .default(DEFAULT_API_TOKEN_DAYS),
});

/** Returns the secret once; it cannot be shown again. */
export async function createApiToken(
  input: z.input<typeof createTokenInput> | FormFields,
): Promise<{ token: string; name: string; scopes: ApiTokenScope[]; expiresAt: Date }> {
  const user = await requirePermission("tokens.manage", "create API tokens");
  const { name, scopes, expiresInDays } = createTokenInput.parse(input);
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + expiresInDays * DAY_MS);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        workspaceId: user.workspaceId,
        name,
        tokenHash: tokenHash(token),
        prefix: token.slice(0, 10),
        createdById: user.id,
        scopes,
        expiresAt,
      },
    });
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "api_token.created",
      subjectType: "api_token",
      subjectId: row.id,
      payload: { name, prefix: row.prefix, scopes, expiresAt: expiresAt.toISOString() },
    });
  });
  return { token, name, scopes, expiresAt };
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

/**
 * Checks an `Authorization: Bearer sl_…` header. Throws AccessError (401) when it is missing, unknown or revoked,
 * or when its creator is no longer a member; ApiTokenExpiredError (401) when it expired.
 */
export async function authenticateApiToken(authorization: string | null): Promise<ApiTokenPrincipal> {
  const match = /^Bearer\s+(sl_[A-Za-z0-9_-]{43})\s*$/.exec(authorization ?? "");
  if (!match?.[1]) throw unauthenticated();
  const db = await getDb();
  // One query: the token, its workspace and its creator's memberships (the role in this workspace is the ceiling).
  const row = await db.apiToken.findUnique({
    where: { tokenHash: tokenHash(match[1]) },
    select: {
      id: true,
      name: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      scopes: true,
      createdById: true,
      workspace: { select: { id: true, name: true } },
      createdBy: { select: { memberships: { select: { workspaceId: true, role: true } } } },
    },
  });
  if (!row || row.revokedAt) throw unauthenticated();
  if (row.expiresAt.getTime() <= Date.now()) throw new ApiTokenExpiredError(row.expiresAt);
  // The owner who created it must still be a member, or the token stops working with them.
  const membership = row.createdBy.memberships.find((m) => m.workspaceId === row.workspace.id);
  if (!membership) throw unauthenticated();
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return {
    id: row.id,
    name: row.name,
    workspaceId: row.workspace.id,
    workspaceName: row.workspace.name,
    createdById: row.createdById,
    creatorRole: membership.role,
    scopes: knownScopes(row.scopes),
  };
}
