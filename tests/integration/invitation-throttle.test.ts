// Invitation acceptance does not reveal whether an account exists, and is throttled like sign-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RuleError, ThrottledError } from "@/lib/auth/errors";
import { acceptInvitation, createInvitation, previewInvitation } from "@/lib/db/members";
import { closeDb, getDb, makeWorkspace, runAsUser, usePostgres } from "./support";

beforeAll(usePostgres);
afterAll(closeDb);

async function failure(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return "joined";
  } catch (error) {
    if (error instanceof ThrottledError) return `throttled: ${error.message}`;
    if (error instanceof RuleError) return `refused: ${error.message}`;
    throw error;
  }
}

describe("invitation acceptance", () => {
  it("shows the same invitation for an existing account as for a new e-mail", async () => {
    const home = await makeWorkspace("Home");
    const other = await makeWorkspace("Other");
    const db = await getDb();
    const existing = await db.user.findUniqueOrThrow({ where: { id: home.users.viewer }, select: { email: true } });
    const forExisting = await runAsUser(other.users.owner, () => createInvitation({ email: existing.email, role: "analyst" }));
    const forNew = await runAsUser(other.users.owner, () => createInvitation({ email: "brand-new@invite.test", role: "analyst" }));
    const a = await previewInvitation(forExisting.token);
    const b = await previewInvitation(forNew.token);
    expect(Object.keys(a ?? {}).sort()).toEqual(Object.keys(b ?? {}).sort());
    expect(a).not.toHaveProperty("accountExists");
  });

  it("locks an existing account's invitation after 10 wrong passwords from one address; another address still joins", async () => {
    const home = await makeWorkspace("Guarded");
    const other = await makeWorkspace("Inviting");
    const db = await getDb();
    const { email } = await db.user.findUniqueOrThrow({ where: { id: home.users.analyst }, select: { email: true } });
    const { token } = await runAsUser(other.users.owner, () => createInvitation({ email, role: "viewer" }));
    const attempt = (password: string, address: string) =>
      failure(() => acceptInvitation({ token, name: "ignored", password }, { address }));
    for (let i = 0; i < 10; i++) {
      expect(await attempt("wrong password guess", "198.51.100.7")).toMatch(/^refused: This password cannot be used to join/);
    }
    expect(await attempt("wrong password guess", "198.51.100.7")).toBe("throttled: Too many attempts. Try again in 15 minutes.");
    // Locked even with the right password, until the lock ends.
    expect(await attempt("integration-password", "198.51.100.7")).toMatch(/^throttled: /);
    expect(await attempt("integration-password", "198.51.100.8")).toBe("joined");
    const memberships = await db.membership.count({ where: { userId: home.users.analyst } });
    expect(memberships).toBe(2);
  });
});
