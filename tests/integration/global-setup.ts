import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase } from "@/prisma/embedded/server";
import { applyMigrations } from "@/prisma/tools/migrations";
import { resetTestDatabase } from "@/prisma/tools/reset-test-database";

// Integration tests run on real PostgreSQL semantics: a dedicated PostgreSQL test database when DATABASE_URL is
// set (CI runs both), otherwise an in-memory embedded PGlite. Either way the schema comes from the migrations.

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.DATABASE_URL;
  let url: string;
  let stop = async () => {};
  if (external) {
    await resetTestDatabase(external, "the integration tests");
    url = external;
  } else {
    const embedded = await startEmbeddedDatabase();
    url = embedded.url;
    stop = () => embedded.stop();
    // Test workers are separate processes and the embedded server wants one connection per process.
    process.env.DATABASE_POOL_MAX = "1";
  }
  try {
    await applyMigrations(url);
  } catch (error) {
    await stop();
    throw error;
  }
  // Workers are started after this and inherit the environment, so lib/db.ts finds the database.
  process.env.DATABASE_URL = url;
  project.provide("databaseUrl", url);
  return async () => {
    await stop();
    if (!external) delete process.env.DATABASE_URL;
  };
}

