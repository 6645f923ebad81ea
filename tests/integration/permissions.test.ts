// Data-layer authorization on real PostgreSQL: every lib/db function checks who asks, whatever the page does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessError } from "@/lib/auth/errors";
import { listAuditEvents, verifyAuditLog } from "@/lib/db/audit";
import { findOrCreateModelAsOperator } from "@/lib/db/bootstrap";
import { changeMemberRole, createInvitation, listMembers, removeMember } from "@/lib/db/members";
import { getModel, listModels } from "@/lib/db/models";
import { closeDb, makeWorkspace, runAsAnonymous, runAsUser, usePostgres, type TestWorkspace } from "./support";

let north: TestWorkspace;
let south: TestWorkspace;
let northModel: string;
let southModel: string;

beforeAll(async () => {
  usePostgres();
  north = await makeWorkspace("North");
  south = await makeWorkspace("South");
  northModel = (await findOrCreateModelAsOperator({ workspaceId: north.id, name: "North model", purpose: "p", task: "binary" })).id;
  southModel = (await findOrCreateModelAsOperator({ workspaceId: south.id, name: "South model", purpose: "p", task: "regression" })).id;
});

afterAll(closeDb);

async function accessKind(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return "allowed";
  } catch (error) {
    if (error instanceof AccessError) return error.kind;
    throw error;
  }
}

describe("data-layer permission checks on PostgreSQL", () => {
  it("refuses every data function without a signed-in user", async () => {
    expect(await accessKind(() => runAsAnonymous(() => listModels()))).toBe("unauthenticated");
    expect(await accessKind(() => runAsAnonymous(() => getModel(northModel)))).toBe("unauthenticated");
    expect(await accessKind(() => runAsAnonymous(() => listMembers()))).toBe("unauthenticated");
    expect(await accessKind(() => runAsAnonymous(() => verifyAuditLog()))).toBe("unauthenticated");
  });

  it("shows each user only their own workspace's models", async () => {
    const names = await runAsUser(north.users.viewer, async () => (await listModels()).map((m) => m.name));
    expect(names).toEqual(["North model"]);
    expect((await runAsUser(north.users.viewer, () => getModel(northModel))).name).toBe("North model");
  });

  it("answers not-found (404) for another workspace's model, even to its owner role", async () => {
    expect(await accessKind(() => runAsUser(north.users.owner, () => getModel(southModel)))).toBe("not-found");
    expect(await accessKind(() => runAsUser(south.users.owner, () => getModel(northModel)))).toBe("not-found");
  });

  it.each(["reviewer", "analyst", "viewer"] as const)("answers forbidden (403) to a %s managing members, and to all but reviewers reading the audit log", async (role) => {
    const userId = north.users[role];
    expect(await accessKind(() => runAsUser(userId, () => listMembers()))).toBe("forbidden");
    expect(await accessKind(() => runAsUser(userId, () => createInvitation({ email: "x@example.com", role: "owner" })))).toBe("forbidden");
    expect(await accessKind(() => runAsUser(userId, () => changeMemberRole({ userId, role: "owner" })))).toBe("forbidden");
    expect(await accessKind(() => runAsUser(userId, () => listAuditEvents()))).toBe(role === "reviewer" ? "allowed" : "forbidden");
  });

  it("lets an owner manage members, but only of their own workspace", async () => {
    const members = await runAsUser(north.users.owner, () => listMembers());
    expect(members.members.map((m) => m.role).sort()).toEqual(["analyst", "owner", "reviewer", "viewer"]);
    expect(await accessKind(() => runAsUser(north.users.owner, () => removeMember(south.users.viewer)))).toBe("not-found");
    expect(await accessKind(() => runAsUser(north.users.owner, () => changeMemberRole({ userId: south.users.viewer, role: "owner" })))).toBe("not-found");
  });

  it("applies a role change and a removal on the very next call", async () => {
    const ws = await makeWorkspace("Changes");
    expect(await accessKind(() => runAsUser(ws.users.viewer, () => listMembers()))).toBe("forbidden");
    await runAsUser(ws.users.owner, () => changeMemberRole({ userId: ws.users.viewer, role: "owner" }));
    expect(await accessKind(() => runAsUser(ws.users.viewer, () => listMembers()))).toBe("allowed");
    await runAsUser(ws.users.owner, () => removeMember(ws.users.viewer));
    expect(await accessKind(() => runAsUser(ws.users.viewer, () => listModels()))).toBe("no-membership");
  });

  it("keeps at least one owner", async () => {
    const ws = await makeWorkspace("Owners");
    await runAsUser(ws.users.owner, () => changeMemberRole({ userId: ws.users.analyst, role: "owner" }));
    await runAsUser(ws.users.analyst, () => removeMember(ws.users.owner));
    // The analyst is now the only owner: they can neither step down nor leave.
    await expect(runAsUser(ws.users.analyst, () => changeMemberRole({ userId: ws.users.analyst, role: "viewer" }))).rejects.toThrow(
      "A workspace needs at least one owner",
    );
    await expect(runAsUser(ws.users.analyst, () => removeMember(ws.users.analyst))).rejects.toThrow("A workspace needs at least one owner");
  });
});
