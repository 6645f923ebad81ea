// Who is asking, read from the database on every request, so a role change or removal applies at once.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";
import { getDb } from "@/lib/prisma/client";
import { forbidden, noMembership, tokenForbidden, unauthenticated } from "./errors";
import { can, tokenCan, type ApiTokenScope, type Permission, type Role } from "./permissions";
import { USER_WITH_WORKSPACE, readSessionOncePerRequest, type SessionRow } from "./sessions";
import { WORKSPACE_COOKIE } from "./workspace-cookie";

export interface CurrentUser {
  /** the user's id; for an API token, the id of the owner who created it (audit events name the token too) */
  id: string;
  email: string;
  name: string;
  workspaceId: string;
  workspaceName: string;
  role: Role;
  /** set when a pipeline acts through an API token rather than a person through a session */
  apiToken?: { id: string; name: string; scopes: readonly ApiTokenScope[] };
  /** the Session row of a signed-in browser (absent for API tokens, tests and command-line tools) */
  sessionId?: string;
  /** every workspace this person belongs to, oldest first (for switching; absent for API tokens) */
  workspaces?: { id: string; name: string; role: Role }[];
}

export interface ApiTokenPrincipal {
  id: string;
  name: string;
  workspaceId: string;
  workspaceName: string;
  createdById: string;
  /** the creator's role in the workspace now: the token never has more power than that */
  creatorRole: Role;
  scopes: readonly ApiTokenScope[];
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

type UserWithMembership = SessionRow["user"];

/** The membership the session chose (a person in several workspaces), else the oldest. */
function toCurrentUser(user: UserWithMembership, sessionId?: string, chosenWorkspaceId?: string | null): CurrentUser {
  const membership = user.memberships.find((m) => m.workspace.id === chosenWorkspaceId) ?? user.memberships[0];
  if (!membership) throw noMembership();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    workspaceId: membership.workspace.id,
    workspaceName: membership.workspace.name,
    role: membership.role,
    ...(sessionId ? { sessionId } : {}),
    workspaces: user.memberships.map((m) => ({ id: m.workspace.id, name: m.workspace.name, role: m.role })),
  };
}

async function loadUser(userId: string): Promise<CurrentUser> {
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: USER_WITH_WORKSPACE,
  });
  if (!user) throw unauthenticated();
  return toCurrentUser(user);
}

/**
 * A browser request: the Auth.js cookie names a session; its row (and the membership) in one query. The cookie is
 * read through cookies(), not auth(), so the render that follows a server action which replaced the cookie (a
 * password change signs this browser in afresh) sees the new one.
 */
async function loadSessionUser(): Promise<CurrentUser> {
  // Loaded lazily, so tests and command-line tools never need Next.js.
  const [{ cookies, headers }, { getToken }] = await Promise.all([import("next/headers"), import("next-auth/jwt")]);
  const [cookieStore, h] = await Promise.all([cookies(), headers()]);
  const secureCookie = (h.get("x-forwarded-proto") ?? "http").startsWith("https");
  const token = await getToken({
    req: { headers: new Headers({ cookie: cookieStore.toString() }) },
    secret: process.env.AUTH_SECRET,
    secureCookie,
  }).catch(() => null);
  const userId = typeof token?.sub === "string" ? token.sub : undefined;
  const sessionId = typeof token?.sid === "string" ? token.sid : undefined;
  if (!userId || !sessionId) throw unauthenticated();
  const row = await readSessionOncePerRequest(sessionId);
  if (!row || row.userId !== userId) throw unauthenticated();
  // Ended: refused. A member who was removed is told why on the sign-in page.
  if (row.endedAt) throw row.endedReason === "removed" ? noMembership() : unauthenticated();
  return toCurrentUser(row.user, sessionId, cookieStore.get(WORKSPACE_COOKIE)?.value);
}

const loadSessionUserOncePerRequest = cache(loadSessionUser);

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
      role: token.creatorRole,
      apiToken: { id: token.id, name: token.name, scopes: token.scopes },
    };
  }
  if (acting) {
    if (!acting.userId) throw unauthenticated();
    return loadUser(acting.userId);
  }
  return loadSessionUserOncePerRequest();
}

/** requireUser() plus a role check; `what` completes "Your role does not allow you to ...". */
export async function requirePermission(permission: Permission, what: string): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.apiToken) {
    if (!tokenCan(user.apiToken.scopes, user.role, permission)) throw tokenForbidden(what);
  } else if (!can(user.role, permission)) {
    throw forbidden(what);
  }
  return user;
}
