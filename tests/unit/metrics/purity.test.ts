import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import * as metrics from "../../../lib/metrics";

const ROOT = join(__dirname, "../../../lib/metrics");

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return p.endsWith(".ts") ? [p] : [];
  });
}

const FORBIDDEN = [/^react/, /^next/, /^@prisma/, /^node:/, /^(fs|path|os|child_process|http|https|net|worker_threads|crypto)$/, /^@\//];

describe("lib/metrics stays pure", () => {
  const files = tsFiles(ROOT);
  it("has source files", () => expect(files.length).toBeGreaterThan(20));
  it.each(files.map((f) => [relative(ROOT, f), f]))("%s imports only relative modules, no framework or I/O", (_name, file) => {
    const src = readFileSync(file, "utf8");
    const specifiers = [...src.matchAll(/(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g)].map(
      (m) => (m[1] ?? m[2] ?? m[3]) as string,
    );
    for (const s of specifiers) {
      expect(FORBIDDEN.some((re) => re.test(s)), `${s} is not allowed in lib/metrics`).toBe(false);
      expect(s.startsWith("."), `${s} must be a relative import`).toBe(true);
    }
  });
  it("file names are kebab-case", () => {
    for (const f of files) expect(relative(ROOT, f)).toMatch(/^[a-z0-9/-]+\.ts$/);
  });
});

describe("README lists every public metric function with its peer", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const listed = [...readme.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1] as string);
  it("lists functions", () => expect(listed.length).toBeGreaterThan(40));
  it.each(listed)("`%s` is exported by lib/metrics/index.ts", (name) => {
    expect(typeof (metrics as Record<string, unknown>)[name]).toBe("function");
  });
});
