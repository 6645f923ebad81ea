import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

// Pure layers: they run unchanged in Node, in a Web Worker and in tests, so no framework, database or I/O.
const PURE_LAYER_BANS = {
  patterns: [
    { group: ["react", "react-dom", "react/*", "react-dom/*"], message: "Pure layer: no React here (DESIGN.md, Layers)." },
    { group: ["next", "next/*", "next-auth", "next-auth/*"], message: "Pure layer: no Next.js here (DESIGN.md, Layers)." },
    { group: ["@prisma/*", "prisma", "*/prisma/generated/*", "@/lib/prisma", "@/lib/prisma/*", "@/lib/db", "@/lib/db/*"], message: "Pure layer: no database access here." },
    { group: ["node:*", "fs", "fs/*", "path", "child_process", "net", "http", "https", "os", "worker_threads"], message: "Pure layer: no I/O here; take typed arrays in and return plain objects." },
    { group: ["@/app/*", "@/components/*"], message: "Pure layer: nothing imports upward (DESIGN.md, Layers)." },
  ],
};

export default tseslint.config(
  {
    ignores: [".next/**", "node_modules/**", "data/**", "lib/prisma/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "tests/bench/.out/**", "public/onnxruntime/**"],
  },
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": ["error", { "ts-ignore": true, "ts-nocheck": true, "ts-expect-error": "allow-with-description" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["lib/metrics/**/*.ts", "lib/narrative/**/*.ts", "lib/ingest/**/*.ts", "lib/onnx/**/*.ts", "lib/contracts/**/*.ts"],
    rules: { "no-restricted-imports": ["error", PURE_LAYER_BANS] },
  },
);
