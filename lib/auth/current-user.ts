// Who is asking, read from the database on every request, so a role change or removal applies at once.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";
import { getDb } from "@/lib/prisma/client";
import { forbidden, noMembership, unauthenticated } from "./errors";
import { can, type Permission, type Role } from "./permissions";

export interface CurrentUser {
  /** the user's id; for an API token, the id of the owner who created it (audit events name the token too) */
  id: string;
  email: string;
  name: string;
  workspaceId: string;
  workspaceName: string;
  role: Role;
  /** set when a pipeline acts through an API token rather than a person through a session */
  apiToken?: { id: string; name: string };
}

/** What an API token may do: push data and read results, like an analyst. */
export const API_TOKEN_ROLE: Role = "analyst";

export interface ApiTokenPrincipal {
  id: string;
  name: string;
  workspaceId: string;
  workspaceName: string;
  createdById: string;
}

// Outside a web request (tests, command-line tools) the caller says who acts with runAsUser().
type Acting = { userId: string | null } | { token: ApiTokenPrincipal };
const actingUser = new AsyncLocalStorage<Acting>();

/** Runs `fn` on behalf of an API token (route handlers under /api/v1 after checking the bearer token). */
export function runAsApiToken<T>(token: ApiTokenPrincipal, fn: () => Promise<T>): Promise<T> {
  return actingUser.run({ token }, fn);
}

export function runAsUser<T>(userId: string, fn: () => Promise<T>): Promise<T> {
  return actingUser.run({ userId }, fn);
}

/** Runs `fn` as nobody: every data function must refuse. */
export function runAsAnonymous<T>(fn: () => Promise<T>): Promise<T> {
  return actingUser.run({ userId: null }, fn);
}

async function sessionUserId(): Promise<string | null> {
  const acting = actingUser.getStore();
  if (acting) return "userId" in acting ? acting.userId : null;
  // Inside a web request: the Auth.js session (loaded lazily, so tests and command-line tools never need Next.js).
  const { auth } = await import("./auth");
  const session = await auth();
  return session?.user?.id ?? null;
}

async function loadUser(userId: string): Promise<CurrentUser> {
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      // The oldest membership is the active workspace (one workspace per user for now).
      memberships: {
        orderBy: { createdAt: "asc" },
        take: 1,
        select: { role: true, workspace: { select: { id: true, name: true } } },
      },
    },
  });
  if (!user) throw unauthenticated();
  const membership = user.memberships[0];
  if (!membership) throw noMembership();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    workspaceId: membership.workspace.id,
    workspaceName: membership.workspace.name,
    role: membership.role,
  };
}

const loadUserOncePerRequest = cache(loadUser);

/** The signed-in user and their workspace role; throws AccessError when there is none. */
export async function requireUser(): Promise<CurrentUser> {
  const acting = actingUser.getStore();
  if (acting && "token" in acting) {
    const { token } = acting;
    return {
      id: token.createdById,
      email: "",
      name: `API token "${token.name}"`,
      workspaceId: token.workspaceId,
      workspaceName: token.workspaceName,
      role: API_TOKEN_ROLE,
      apiToken: { id: token.id, name: token.name },
    };
  }
  const userId = await sessionUserId();
  if (!userId) throw unauthenticated();
  return actingUser.getStore() ? loadUser(userId) : loadUserOncePerRequest(userId);
}

/** requireUser() plus a role check; `what` completes "Your role does not allow you to ...". */
export async function requirePermission(permission: Permission, what: string): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) throw forbidden(what);
  return user;
}
