// The layering of DESIGN.md ("Layers"), checked on the import statements themselves: components never reach
// into lib/db, lib/contracts imports nothing outside itself, the lib/* directories form no cycle, and every app
// entry point that can queue or run a job registers the job handlers (lib/db queues jobs but cannot import them).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = process.cwd();
const SOURCE_DIRS = ["lib", "components", "app"];
// Generated Prisma code imports only itself; dependency folders are not ours.
const SKIP_DIRS = new Set(["node_modules", "generated"]);

// `import x from "m"`, `import type { T } from "m"`, `export { x } from "m"`, `import "m"` and `import("m")`.
const IMPORT_PATTERNS = [
  /\b(?:import|export)\s+(?:type\s+)?[^;"'`]*?\bfrom\s*["']([^"']+)["']/g,
  /\bimport\s*["']([^"']+)["']/g,
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
];

interface ImportEdge {
  /** the importing file, relative to the repository root */
  file: string;
  /** the import as written */
  specifier: string;
  /** the imported module, relative to the repository root (without extension) */
  target: string;
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith(".")) files.push(...sourceFiles(relative));
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      files.push(relative);
    }
  }
  return files;
}

/** Drops comments so that prose such as `read from "x"` in a comment does not count as an import. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

/** Repository-relative module path for an import, or null for a package import. */
function resolveSpecifier(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return path.posix.normalize(specifier.slice(2));
  if (specifier.startsWith("./") || specifier.startsWith("../")) {
    return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  }
  return null;
}

function importsOf(file: string, source: string): ImportEdge[] {
  const code = stripComments(source);
  const edges: ImportEdge[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[1];
      if (!specifier) continue;
      const target = resolveSpecifier(file, specifier);
      if (target !== null) edges.push({ file, specifier, target });
    }
  }
  return edges;
}

/** `lib/<dir>` for a module under lib/ (a file in it, or the directory itself through its index), else null. */
function libDirOf(modulePath: string): string | null {
  const parts = modulePath.split("/");
  return parts[0] === "lib" && parts.length >= 2 && parts[1] ? `lib/${parts[1]}` : null;
}

/** The source file a module path names (`x.ts`, `x.tsx` or `x/index.ts`), or the path itself when none exists. */
function fileOf(modulePath: string): string {
  for (const candidate of [modulePath, `${modulePath}.ts`, `${modulePath}.tsx`, `${modulePath}/index.ts`]) {
    const full = path.join(root, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  return modulePath;
}

function isUnder(modulePath: string, dir: string): boolean {
  return modulePath === dir || modulePath.startsWith(`${dir}/`);
}

/** One cycle in a directed graph (as a closed path), or null when it is acyclic. */
function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, "open");
    stack.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (state.get(next) === "open") return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of [...graph.keys()].sort()) {
    if (!state.has(node)) {
      const cycle = visit(node);
      if (cycle) return cycle;
    }
  }
  return null;
}

const allImports: ImportEdge[] = SOURCE_DIRS.flatMap((dir) =>
  sourceFiles(dir).flatMap((file) => importsOf(file, fs.readFileSync(path.join(root, file), "utf8"))),
);

const REGISTER_JOBS = "lib/evaluation/register-jobs.ts";
const JOB_RUNNER = "lib/jobs/runner.ts";

/** The lib/ files that import `target`, directly or through other lib/ files. */
function filesReaching(target: string): Set<string> {
  const importers = new Map<string, Set<string>>();
  for (const edge of allImports) {
    const to = fileOf(edge.target);
    if (!importers.has(to)) importers.set(to, new Set());
    importers.get(to)?.add(edge.file);
  }
  const reached = new Set<string>();
  const queue = [target];
  while (queue.length) {
    for (const from of importers.get(queue.pop() as string) ?? []) {
      if (from.startsWith("lib/") && !reached.has(from)) {
        reached.add(from);
        queue.push(from);
      }
    }
  }
  return reached;
}

function describeEdge(edge: ImportEdge): string {
  return `${edge.file} imports "${edge.specifier}"`;
}

describe("import parsing", () => {
  it("finds static, type-only, re-export, side-effect and dynamic imports, and skips comments and packages", () => {
    const source = [
      'import "server-only";',
      'import "@/lib/jobs/register";',
      'import { a,\n  b } from "@/lib/db/users";',
      'import type { T } from "../contracts/job-view";',
      'export { c } from "./sibling";',
      'export * from "@/lib/metrics";',
      'const m = await import("@/lib/auth/auth");',
      '// moved from "@/lib/evaluation/old"',
      '/* import x from "@/lib/evaluation/older"; */',
      'const url = "https://example.com/a"; import { z } from "zod";',
    ].join("\n");
    expect(importsOf("lib/db/probe.ts", source).map((edge) => edge.target).sort()).toEqual(
      ["lib/auth/auth", "lib/contracts/job-view", "lib/db/sibling", "lib/db/users", "lib/jobs/register", "lib/metrics"].sort(),
    );
  });

  it("reports a cycle as a closed path and accepts an acyclic graph", () => {
    const graph = new Map([
      ["lib/a", new Set(["lib/b"])],
      ["lib/b", new Set(["lib/c"])],
      ["lib/c", new Set(["lib/a"])],
    ]);
    expect(findCycle(graph)).toEqual(["lib/a", "lib/b", "lib/c", "lib/a"]);
    graph.set("lib/c", new Set());
    expect(findCycle(graph)).toBeNull();
  });

  it("sees the source tree", () => {
    expect(allImports.length).toBeGreaterThan(100);
    expect(allImports.some((edge) => edge.file.startsWith("components/"))).toBe(true);
  });
});

describe("import layers (DESIGN.md, Layers)", () => {
  it("components import no module of lib/db (view types live in lib/contracts)", () => {
    const offending = allImports.filter((edge) => edge.file.startsWith("components/") && isUnder(edge.target, "lib/db"));
    expect(offending.map(describeEdge)).toEqual([]);
  });

  it("lib/contracts imports only lib/contracts (types and plain data shapes)", () => {
    const offending = allImports.filter((edge) => edge.file.startsWith("lib/contracts/") && !isUnder(edge.target, "lib/contracts"));
    expect(offending.map(describeEdge)).toEqual([]);
  });

  it("the lib/* directories import each other without a cycle", () => {
    const graph = new Map<string, Set<string>>();
    const witness = new Map<string, ImportEdge>();
    for (const edge of allImports) {
      const from = libDirOf(edge.file);
      const to = libDirOf(edge.target);
      if (!from || !to || from === to) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)?.add(to);
      if (!witness.has(`${from} ${to}`)) witness.set(`${from} ${to}`, edge);
    }
    const cycle = findCycle(graph);
    const explanation = cycle
      ? [
          `Directory cycle: ${cycle.join(" -> ")}`,
          ...cycle.slice(1).map((to, i) => {
            const edge = witness.get(`${cycle[i]} ${to}`);
            return `  ${cycle[i]} -> ${to}: ${edge ? describeEdge(edge) : "?"}`;
          }),
        ].join("\n")
      : "";
    expect(explanation).toBe("");
  });

  it("app files that use a job-queuing data function import lib/evaluation/register-jobs", () => {
    const queuing = filesReaching(JOB_RUNNER);
    expect(queuing.has("lib/db/uploads.ts")).toBe(true);
    const appFiles = new Set(allImports.filter((edge) => edge.file.startsWith("app/")).map((edge) => edge.file));
    const missing: string[] = [];
    for (const file of appFiles) {
      const imports = allImports.filter((edge) => edge.file === file);
      const registers = imports.some((edge) => fileOf(edge.target) === REGISTER_JOBS);
      const uses = imports.find((edge) => queuing.has(fileOf(edge.target)) && fileOf(edge.target) !== REGISTER_JOBS);
      if (uses && !registers) missing.push(`${describeEdge(uses)} but not "@/lib/evaluation/register-jobs"`);
    }
    expect(missing).toEqual([]);
  });
});
