// The pure layers (lib/metrics, lib/narrative, lib/ingest) must not import frameworks, the database or I/O.
// Each case writes a real probe file into the layer (type-aware linting needs a file on disk) and removes it.
import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });
const probes: string[] = [];

async function restrictedImportErrors(code: string, layerDir: string): Promise<string[]> {
  const dir = path.join(process.cwd(), layerDir, `__lint_probe_${process.pid}__`);
  fs.mkdirSync(dir, { recursive: true });
  probes.push(dir);
  const file = path.join(dir, `probe-${probes.length}-${Math.random().toString(36).slice(2)}.ts`);
  fs.writeFileSync(file, code);
  const [result] = await eslint.lintFiles([file]);
  const fatal = result?.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`ESLint could not parse the probe: ${fatal.message}`);
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

afterAll(() => {
  for (const dir of probes) {
    fs.rmSync(dir, { recursive: true, force: true });
    const layer = path.dirname(dir);
    if (fs.existsSync(layer) && fs.readdirSync(layer).length === 0) fs.rmdirSync(layer); // a layer not written yet
  }
});

// The first lint loads the whole TypeScript project, which takes a few seconds.
describe("pure-layer import rule", { timeout: 60_000 }, () => {
  it.each([
    ['import { useState } from "react";\nexport const x = useState;', "React"],
    ['import { NextResponse } from "next/server";\nexport const x = NextResponse;', "Next.js"],
    ['import { PrismaClient } from "@prisma/client";\nexport const x = PrismaClient;', "database"],
    ['import { getDb } from "@/lib/prisma/client";\nexport const x = getDb;', "database"],
    ['import { getModel } from "@/lib/db/models";\nexport const x = getModel;', "database"],
    ['import fs from "node:fs";\nexport const x = fs;', "I/O"],
    ['import { readFileSync } from "fs";\nexport const x = readFileSync;', "I/O"],
  ])("rejects %s in lib/metrics", async (code, reason) => {
    const errors = await restrictedImportErrors(`${code}\n`, "lib/metrics");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(reason);
  });

  it.each(["lib/narrative", "lib/ingest"])("applies to %s too", async (layer) => {
    const errors = await restrictedImportErrors('import { cache } from "react";\nexport const x = cache;\n', layer);
    expect(errors).toHaveLength(1);
  });

  it("leaves relative imports and other layers alone", async () => {
    expect(await restrictedImportErrors("export const y = Math.max(1, 2);\n", "lib/metrics")).toEqual([]);
    expect(await restrictedImportErrors('import fs from "node:fs";\nexport const y = fs;\n', "lib/cli")).toEqual([]);
  });
});
