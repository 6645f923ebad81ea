// Roles and what each may do. Pure: used by the data layer, pages and tests.
import { z } from "zod";

export const ROLES = ["owner", "reviewer", "analyst", "viewer"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const PERMISSIONS = {
  "model.read": ["owner", "reviewer", "analyst", "viewer"],
  "model.write": ["owner", "analyst"],
  "data.upload": ["owner", "analyst"],
  "version.review": ["owner", "reviewer"],
  "policy.edit": ["owner"],
  "members.manage": ["owner"],
  "tokens.manage": ["owner"],
  "audit.read": ["owner"],
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
