import { defineConfig } from "prisma/config";

// Used by the Prisma CLI where it runs (generate here; migrate on a connected host).
// Offline, the project's own tool in prisma/tools/ does the migration work.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/crm" },
});
