// The demo seed and the command-line tools against real PostgreSQL (and the PGlite one-process rule).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_WORKSPACE, OTHER_DEMO_WORKSPACE } from "@/lib/auth/demo";
import { verifyWorkspaceChain } from "@/lib/db/audit";
import { openAdapter } from "@/lib/prisma/connect";
import { seedDemo } from "@/prisma/seed";
import { closeDb, getDb, usePostgres } from "./support";

function cli(script: string, args: string[], env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", script, ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

beforeAll(usePostgres);
afterAll(closeDb);

describe("demo seed on PostgreSQL", () => {
  it("creates both workspaces, the four demo members and a model each, and is safe to run twice", async () => {
    await seedDemo(() => {});
    await seedDemo(() => {});
    const db = await getDb();
    const northwind = await db.workspace.findFirstOrThrow({
      where: { name: DEMO_WORKSPACE },
      select: { id: true, memberships: { select: { role: true, user: { select: { email: true } } } }, models: { select: { name: true, task: true, policies: { select: { version: true } } } } },
    });
    expect(northwind.memberships.map((m) => `${m.user.email}:${m.role}`).sort()).toEqual(
      DEMO_ACCOUNTS.map((a) => `${a.email}:${a.role}`).sort(),
    );
    expect(northwind.models).toEqual([{ name: "Income screener", task: "binary", policies: [{ version: 1 }] }]);
    const other = await db.workspace.findFirstOrThrow({ where: { name: OTHER_DEMO_WORKSPACE }, select: { id: true, _count: { select: { memberships: true, models: true } } } });
    expect(other._count).toEqual({ memberships: 1, models: 1 });
    // workspace.created, 4 members, model.created, 2 versions uploaded, reference and production data uploaded,
    // then version 1 submitted, approved and made live, and version 2 submitted: 14 events; the second run added nothing.
    expect(await verifyWorkspaceChain(db, northwind.id)).toMatchObject({ ok: true, events: 14 });

    // The demo data went through the upload pipeline: jobs, windows and snapshots, none written by hand.
    const income = await db.model.findFirstOrThrow({ where: { workspaceId: northwind.id }, select: { id: true } });
    const jobs = await db.job.findMany({ where: { modelId: income.id }, select: { status: true } });
    expect(jobs.map((j) => j.status)).toEqual(["succeeded", "succeeded"]);
    const windows = await db.window.findMany({ where: { modelId: income.id }, orderBy: { startsAt: "asc" }, select: { label: true } });
    expect(windows.map((w) => w.label)).toEqual(["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "Reference data"]);
    // two versions x (reference + six months)
    expect(await db.snapshot.count({ where: { window: { modelId: income.id } } })).toBe(14);
    const live = await db.modelVersion.findMany({ where: { modelId: income.id }, orderBy: { version: "asc" }, select: { status: true } });
    expect(live.map((v) => v.status)).toEqual(["live", "in_review"]);
    // Version 1 went live through the real steps, never marked live by hand.
    const events = await db.auditEvent.findMany({ where: { workspaceId: northwind.id, action: { startsWith: "version." } }, orderBy: { seq: "asc" }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(["version.uploaded", "version.uploaded", "version.submitted", "version.approved", "version.made_live", "version.submitted"]);
  });
});

describe("command-line tools on PostgreSQL", () => {
  it("user:create makes the first owner of a new workspace, and audit:verify checks its chain", () => {
    const url = inject("databaseUrl");
    const email = `first-owner-${Date.now()}@example.com`;
    const workspace = `Acme ${Date.now()}`;
    const created = cli("lib/cli/user-create.ts", ["--email", email, "--workspace", workspace, "--role", "owner"], {
      DATABASE_URL: url,
      SIGHTLINE_PASSWORD: "a strong first password",
    });
    expect(created.out).toContain(`Created ${email} as owner of "${workspace}" (new workspace).`);
    expect(created.code).toBe(0);

    const verified = cli("lib/cli/audit-verify.ts", ["--workspace", workspace], { DATABASE_URL: url });
    expect(verified.out).toMatch(new RegExp(`OK +${workspace}: 2 events`));
    expect(verified.code).toBe(0);
  });

  it("user:create refuses a bad role or a short password with what to do", () => {
    const url = inject("databaseUrl");
    const badRole = cli("lib/cli/user-create.ts", ["--email", "x@example.com", "--workspace", "W", "--role", "boss"], {
      DATABASE_URL: url,
      SIGHTLINE_PASSWORD: "long enough password",
    });
    expect(badRole.code).toBe(1);
    expect(badRole.out).toContain("Usage: npm run user:create");
    const shortPassword = cli("lib/cli/user-create.ts", ["--email", "x@example.com", "--workspace", "W", "--role", "owner"], {
      DATABASE_URL: url,
      SIGHTLINE_PASSWORD: "short",
    });
    expect(shortPassword.code).toBe(1);
    expect(shortPassword.out).toContain("Use at least 10 characters for the password.");
  });
});

describe("PGlite one-process rule", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-lock-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("a command stops with a clear message while another process holds the embedded database", async () => {
    const held = await openAdapter({ kind: "pglite", dir: path.join(dir, "pglite") });
    try {
      const result = cli("lib/cli/audit-verify.ts", [], { DATABASE_URL: undefined, SIGHTLINE_DATA_DIR: dir });
      expect(result.code).toBe(1);
      expect(result.out).toContain(`is open in another process (pid ${process.pid})`);
      expect(result.out).toContain("stop that process first");
    } finally {
      await held.close();
    }
  });
});
