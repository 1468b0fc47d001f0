import { relative } from "node:path";
import { defaultDataDir, projectRoot, startEmbeddedDatabase } from "@/prisma/embedded/server";

// `npm run db:embedded`: the app's embedded database as a standalone server, for psql, Prisma Studio or scripts.

const port = Number(process.env.EMBEDDED_DB_PORT ?? 5433);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`EMBEDDED_DB_PORT must be a port number, not "${process.env.EMBEDDED_DB_PORT}".`);
  process.exit(1);
}

try {
  const database = await startEmbeddedDatabase({ dataDir: defaultDataDir, port });
  console.log(`Embedded PostgreSQL (PGlite) from ${relative(projectRoot, defaultDataDir)} is listening.`);
  console.log(`DATABASE_URL=${database.url}`);
  console.log("Use one connection per client (DATABASE_POOL_MAX=1). Ctrl+C stops it.");

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the embedded database…`);
    try {
      await database.stop();
      process.exit(0);
    } catch (error) {
      console.error("Could not stop the embedded database cleanly:", error);
      process.exit(1);
    }
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  console.error(`Could not start the embedded database: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
