// Prisma CLI configuration. The CLI only runs `prisma generate` here; migrations go through
// prisma/migrate.ts (the WASM schema engine), because the native engine cannot be downloaded.
import { defineConfig } from "prisma/config";

// `prisma generate` never uses the schema engine, but the CLI wants one on disk: point it at a stub.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
