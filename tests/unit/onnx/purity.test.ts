// lib/onnx's pure half runs unchanged in the browser, a Web Worker and Node: no Node, React, Next or
// Prisma imports, and no onnxruntime import outside the two session helpers.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers";

const DIR = join(ROOT, "lib/onnx");
const SESSIONS = new Set(["session-node.ts", "session-browser.ts"]);
const files = readdirSync(DIR).filter((f) => f.endsWith(".ts"));

function imports(source: string): { specifier: string; typeOnly: boolean; dynamic: boolean }[] {
  const found: { specifier: string; typeOnly: boolean; dynamic: boolean }[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']/gm)) {
    found.push({ specifier: m[3] ?? "", typeOnly: Boolean(m[2]), dynamic: false });
  }
  for (const m of source.matchAll(/(?<!typeof\s)import\(\s*["']([^"']+)["']\s*\)/g)) found.push({ specifier: m[1] ?? "", typeOnly: false, dynamic: true });
  return found;
}

describe("lib/onnx purity", () => {
  it("has kebab-case files", () => {
    expect(files.length).toBeGreaterThan(15);
    for (const f of files) expect(f).toMatch(/^[a-z0-9-]+\.ts$/);
  });

  it.each(files.filter((f) => !SESSIONS.has(f)))("%s imports no I/O, framework or runtime", (file) => {
    const source = readFileSync(join(DIR, file), "utf8");
    for (const { specifier, typeOnly, dynamic } of imports(source)) {
      expect(specifier, `${file}: ${specifier}`).not.toMatch(/^(node:|fs$|path$|os$|crypto$|react|next|@prisma|prisma)/);
      if (specifier.startsWith("onnxruntime")) expect(typeOnly && !dynamic, `${file} may only import types from ${specifier}`).toBe(true);
      else expect(specifier.startsWith(".") || specifier === "zod" || specifier === "onnx-proto", `${file}: ${specifier}`).toBe(true);
    }
  });

  it("session-browser loads onnxruntime lazily and never the webgpu build", () => {
    const source = readFileSync(join(DIR, "session-browser.ts"), "utf8");
    const runtime = imports(source).filter((i) => i.specifier.startsWith("onnxruntime"));
    expect(runtime.filter((i) => !i.typeOnly).every((i) => i.dynamic)).toBe(true);
    expect(runtime.map((i) => i.specifier)).not.toContain("onnxruntime-web/webgpu");
    expect(imports(source).some((i) => i.specifier.startsWith("node:"))).toBe(false);
  });
});
