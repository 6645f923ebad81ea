// Integration tests run the real data layer against the PostgreSQL that global-setup.ts starts.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { runAsAnonymous, runAsUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/auth/permissions";
import { AccessError, RuleError } from "@/lib/auth/errors";
import { addMemberAsOperator, findOrCreateWorkspace } from "@/lib/db/bootstrap";
import { closeDb, getDb } from "@/lib/prisma/client";

/** Points the data layer at the test PostgreSQL (and files at a temp folder). Call in beforeAll, and closeDb() in afterAll. */
export function usePostgres(): void {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.SIGHTLINE_ARTIFACT_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "sightline-artifacts-"));
}

export { closeDb, getDb, runAsAnonymous, runAsUser };

/** "allowed", or how the data layer refused: "rule: ..." or "<kind>: ..." (any other error is thrown). */
export async function refusal(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof RuleError) return `rule: ${error.message}`;
    if (error instanceof AccessError) return `${error.kind}: ${error.message}`;
    throw error;
  }
  return "allowed";
}

export interface TestWorkspace {
  id: string;
  name: string;
  users: Record<Role, string>;
}

const PASSWORD = "integration-password";

/** A workspace with one member per role, all with unique names. */
export async function makeWorkspace(label: string): Promise<TestWorkspace> {
  const tag = randomUUID().slice(0, 8);
  const ws = await findOrCreateWorkspace(`${label} ${tag}`);
  const users = {} as Record<Role, string>;
  for (const role of ["owner", "reviewer", "analyst", "viewer"] as const) {
    const { userId } = await addMemberAsOperator({
      workspaceId: ws.id,
      email: `${role}-${tag}@${label.toLowerCase().replace(/\W+/g, "-")}.test`,
      name: `${role} ${tag}`,
      password: PASSWORD,
      role,
    });
    users[role] = userId;
  }
  return { id: ws.id, name: ws.name, users };
}
