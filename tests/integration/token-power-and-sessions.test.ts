// API tokens never have more power than their creator has now, expire, and are rate limited; sessions are rows
// that sign-out, a password change, "sign out everywhere" and removal end.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAsApiToken } from "@/lib/auth/current-user";
import { AccessError, ApiTokenExpiredError } from "@/lib/auth/errors";
import { requirePermission } from "@/lib/auth/current-user";
import { isSessionLive, startSession } from "@/lib/auth/sessions";
import { handleApi } from "@/lib/api/route";
import { authenticateApiToken, createApiToken, listApiTokens } from "@/lib/db/api-tokens";
import { changeMemberRole, removeMember, signOutMemberEverywhere } from "@/lib/db/members";
import { changeOwnPassword, signOutEverywhere } from "@/lib/db/users";
import { closeDb, getDb, makeWorkspace, runAsUser, usePostgres } from "./support";

beforeAll(() => {
  usePostgres();
  process.env.SIGHTLINE_API_TOKEN_RATE_PER_MINUTE = "5";
});
afterAll(closeDb);

async function outcome(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return "allowed";
  } catch (error) {
    if (error instanceof AccessError) return error.kind;
    if (error instanceof ApiTokenExpiredError) return "expired";
    throw error;
  }
}

const bearer = (token: string) => `Bearer ${token}`;

describe("API token power", () => {
  it("is the intersection of its scopes and its creator's current role", async () => {
    const ws = await makeWorkspace("Tokens");
    // A second owner, who later demotes the first.
    await runAsUser(ws.users.owner, () => changeMemberRole({ userId: ws.users.reviewer, role: "owner" }));
    const { token, scopes } = await runAsUser(ws.users.owner, () => createApiToken({ name: "pipeline" }));
    expect(scopes).toEqual(["results:read", "data:write"]);
    const principal = await authenticateApiToken(bearer(token));
    expect(principal.creatorRole).toBe("owner");
    const as = (permission: Parameters<typeof requirePermission>[0]) =>
      outcome(() => runAsApiToken(principal, () => requirePermission(permission, "do it")));
    expect(await as("data.upload")).toBe("allowed");
    expect(await as("model.read")).toBe("allowed");
    // Not in its scopes, although the creator is an owner.
    expect(await as("model.write")).toBe("forbidden");
    expect(await as("members.manage")).toBe("forbidden");
    expect(await as("tokens.manage")).toBe("forbidden");

    // The creator is demoted to viewer: the token shrinks with them at its next request.
    await runAsUser(ws.users.reviewer, () => changeMemberRole({ userId: ws.users.owner, role: "viewer" }));
    const demoted = await authenticateApiToken(bearer(token));
    expect(demoted.creatorRole).toBe("viewer");
    expect(await outcome(() => runAsApiToken(demoted, () => requirePermission("data.upload", "upload data")))).toBe("forbidden");
    expect(await outcome(() => runAsApiToken(demoted, () => requirePermission("model.read", "see models")))).toBe("allowed");

    // The creator is removed: the token stops.
    await runAsUser(ws.users.reviewer, () => removeMember(ws.users.owner));
    expect(await outcome(() => authenticateApiToken(bearer(token)))).toBe("unauthenticated");
  });

  it("has only the scopes chosen at creation, and an expiry from the choices offered", async () => {
    const ws = await makeWorkspace("Scopes");
    const created = await runAsUser(ws.users.owner, () =>
      createApiToken({ name: "reader", scopes: ["results:read"], expiresInDays: 30 }),
    );
    const days = (created.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const principal = await authenticateApiToken(bearer(created.token));
    expect(await outcome(() => runAsApiToken(principal, () => requirePermission("data.upload", "upload data")))).toBe("forbidden");
    await expect(runAsUser(ws.users.owner, () => createApiToken({ name: "x", expiresInDays: 7 }))).rejects.toThrow();
    await expect(runAsUser(ws.users.owner, () => createApiToken({ name: "x", scopes: [] }))).rejects.toThrow();
    const [row] = await runAsUser(ws.users.owner, () => listApiTokens());
    expect(row?.daysLeft).toBe(30);
  });

  it("refuses an expired token with 401 and says how to get a new one", async () => {
    const ws = await makeWorkspace("Expiry");
    const { token } = await runAsUser(ws.users.owner, () => createApiToken({ name: "old pipeline" }));
    const db = await getDb();
    await db.apiToken.updateMany({ where: { name: "old pipeline", workspaceId: ws.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await outcome(() => authenticateApiToken(bearer(token)))).toBe("expired");
    const response = await handleApi(new Request("http://localhost/api/v1/models", { headers: { authorization: bearer(token) } }), async () =>
      Response.json({ ok: true }),
    );
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("token_expired");
    expect(body.error.message).toMatch(/expired on \d{4}-\d\d-\d\d\. An owner can create a new one under Settings → API tokens/);
    const [row] = await runAsUser(ws.users.owner, () => listApiTokens());
    expect(row?.daysLeft).toBe(0);
  });

  it("answers 429 with Retry-After over the per-token request limit", async () => {
    const ws = await makeWorkspace("Rate");
    const { token } = await runAsUser(ws.users.owner, () => createApiToken({ name: "busy" }));
    const call = () =>
      handleApi(new Request("http://localhost/api/v1/models", { headers: { authorization: bearer(token) } }), async () => Response.json({}));
    for (let i = 0; i < 5; i++) expect((await call()).status).toBe(200);
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("sessions the server can end", () => {
  it("a password change ends every session of that person, and only theirs", async () => {
    const ws = await makeWorkspace("Sessions");
    const one = await startSession(ws.users.analyst, "browser one");
    const two = await startSession(ws.users.analyst, "browser two");
    const other = await startSession(ws.users.viewer, null);
    expect(await isSessionLive(one, ws.users.analyst)).toBe(true);
    await runAsUser(ws.users.analyst, () =>
      changeOwnPassword({ currentPassword: "integration-password", newPassword: "a brand new password", confirmPassword: "a brand new password" }),
    );
    expect(await isSessionLive(one, ws.users.analyst)).toBe(false);
    expect(await isSessionLive(two, ws.users.analyst)).toBe(false);
    expect(await isSessionLive(other, ws.users.viewer)).toBe(true);
    // A session id is bound to its user.
    expect(await isSessionLive(other, ws.users.analyst)).toBe(false);
  });

  it("'sign out everywhere', an owner's sign-out of a member, and removal end sessions", async () => {
    const ws = await makeWorkspace("Everywhere");
    const mine = await startSession(ws.users.reviewer, null);
    await runAsUser(ws.users.reviewer, () => signOutEverywhere());
    expect(await isSessionLive(mine, ws.users.reviewer)).toBe(false);

    const member = await startSession(ws.users.analyst, null);
    expect(await outcome(() => runAsUser(ws.users.viewer, () => signOutMemberEverywhere(ws.users.analyst)))).toBe("forbidden");
    expect(await isSessionLive(member, ws.users.analyst)).toBe(true);
    const { ended } = await runAsUser(ws.users.owner, () => signOutMemberEverywhere(ws.users.analyst));
    expect(ended).toBe(1);
    expect(await isSessionLive(member, ws.users.analyst)).toBe(false);

    const removed = await startSession(ws.users.viewer, null);
    await runAsUser(ws.users.owner, () => removeMember(ws.users.viewer));
    const db = await getDb();
    const row = await db.session.findUniqueOrThrow({ where: { id: removed } });
    expect(row.endedReason).toBe("removed");
  });
});
