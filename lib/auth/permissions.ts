// Roles and what each may do. Pure: used by the data layer, pages and tests.
import { z } from "zod";

export const ROLES = ["owner", "reviewer", "analyst", "viewer"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const PERMISSIONS = {
  "model.read": ["owner", "reviewer", "analyst", "viewer"],
  "model.write": ["owner", "analyst"],
  "data.upload": ["owner", "analyst"],
  "version.submit": ["owner", "analyst"],
  "version.review": ["owner", "reviewer"],
  "version.release": ["owner"],
  "policy.edit": ["owner"],
  "members.manage": ["owner"],
  "tokens.manage": ["owner"],
  "audit.read": ["owner", "reviewer"],
  "webhooks.manage": ["owner"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** One line per role, shown next to the role picker. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, including members, policies, API tokens and the audit log.",
  reviewer: "Reads everything and signs off model versions.",
  analyst: "Uploads models and data, and explores results.",
  viewer: "Reads dashboards only.",
};

/** What an API token may be allowed to do, chosen when it is created. */
export const API_TOKEN_SCOPES = ["results:read", "data:write", "versions:manage"] as const;
export const apiTokenScopeSchema = z.enum(API_TOKEN_SCOPES);
export type ApiTokenScope = z.infer<typeof apiTokenScopeSchema>;
export const DEFAULT_API_TOKEN_SCOPES: readonly ApiTokenScope[] = ["results:read", "data:write"];

export const API_TOKEN_SCOPE_PERMISSIONS: Record<ApiTokenScope, readonly Permission[]> = {
  "results:read": ["model.read"],
  "data:write": ["data.upload"],
  "versions:manage": ["model.write", "version.submit"],
};

export const API_TOKEN_SCOPE_DESCRIPTIONS: Record<ApiTokenScope, string> = {
  "results:read": "Read models, snapshots and job progress.",
  "data:write": "Send data windows and labels (and cancel or retry their jobs).",
  "versions:manage": "Add models, upload new model versions and submit them for review.",
};

/**
 * A token's power: its scopes intersected with its creator's current role, so a demoted creator's tokens
 * shrink with them. Never more than the creator has now.
 */
export function tokenCan(scopes: readonly ApiTokenScope[], creatorRole: Role, permission: Permission): boolean {
  return can(creatorRole, permission) && scopes.some((scope) => API_TOKEN_SCOPE_PERMISSIONS[scope].includes(permission));
}
