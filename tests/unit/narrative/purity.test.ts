// lib/narrative is a pure layer: it runs unchanged in Node, a Web Worker and tests, and imports nothing at run time
// but its own modules (types from lib/contracts are fine: they vanish when compiled).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "../../../lib/narrative");
/** Type-only imports may come from lib/contracts (the shared data shapes), nowhere else. */
const TYPE_SOURCE = /^@\/lib\/contracts\/[a-z0-9-]+$/;

describe("lib/narrative stays pure", () => {
  const files = readdirSync(ROOT).filter((f) => f.endsWith(".ts"));
  it("has source files, named in kebab-case", () => {
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(f).toMatch(/^[a-z0-9-]+\.ts$/);
  });
  it.each(files)("%s imports its own modules, and other layers for types only", (file) => {
    const src = readFileSync(join(ROOT, file), "utf8");
    const imports = [...src.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']/gm)].map((m) => ({ typeOnly: m[2] !== undefined, spec: m[3] as string }));
    for (const { typeOnly, spec } of imports) {
      if (spec.startsWith("./")) continue;
      expect(TYPE_SOURCE.test(spec), `${file} imports ${spec}`).toBe(true);
      expect(typeOnly, `${file}: ${spec} is imported for types only`).toBe(true);
    }
    const code = src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    expect(code).not.toMatch(/\bprocess\.|\brequire\(|\bfetch\(|\bDate\.now\(|Math\.random\(/);
  });
});
