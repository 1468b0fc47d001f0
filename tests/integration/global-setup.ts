import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase } from "@/prisma/embedded/server";
import { applyMigrations } from "@/prisma/tools/migrations";

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
    await resetSchema(external);
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

async function resetSchema(url: string): Promise<void> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  // Everything in the database is dropped: only ever do that to a database named as a test database.
  if (!database.toLowerCase().includes("test")) {
    throw new Error(
      `Refusing to reset database "${database}" for the integration tests: its name must contain "test".`,
    );
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA public CASCADE");
    await client.query("CREATE SCHEMA public");
  } finally {
    await client.end();
  }
}
