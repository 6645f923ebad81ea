// lib/ingest is a pure layer: it runs unchanged in Node, a browser Web Worker and tests.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "../../../lib/ingest");
const ALLOWED_PACKAGES = new Set(["papaparse", "hyparquet", "hyparquet-compressors", "zod"]);

describe("lib/ingest stays pure", () => {
  const files = readdirSync(ROOT).filter((f) => f.endsWith(".ts"));
  it("has source files", () => expect(files.length).toBeGreaterThan(15));
  it.each(files)("%s imports only its own modules, lib/metrics and lib/contracts types and papaparse, hyparquet, zod", (file) => {
    const src = readFileSync(join(ROOT, file), "utf8");
    const imports = [...src.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']/gm)].map((m) => ({ typeOnly: m[2] !== undefined, spec: m[3] as string }));
    for (const { typeOnly, spec } of imports) {
      if (spec.startsWith("./")) continue;
      if (spec === "../metrics") {
        expect(typeOnly, `${file}: lib/metrics is imported for types only`).toBe(true);
        continue;
      }
      if (spec.startsWith("../contracts/")) {
        expect(typeOnly, `${file}: lib/contracts is imported for types only`).toBe(true);
        continue;
      }
      expect(ALLOWED_PACKAGES.has(spec), `${file} imports ${spec}`).toBe(true);
    }
    const code = src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    expect(code).not.toMatch(/\bprocess\.|\brequire\(|\bfetch\(/);
  });
  it("file names are kebab-case", () => {
    for (const f of files) expect(f).toMatch(/^[a-z0-9-]+\.ts$/);
  });
});
