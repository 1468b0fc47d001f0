import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedDatabase } from "@/prisma/embedded/server";
import { applyMigrations } from "@/prisma/tools/migrations";
import { resetTestDatabase } from "@/prisma/tools/reset-test-database";

// Playwright's webServer: the production build (`next build` must have run), served by our server
// (scripts/server.ts) on a freshly migrated and seeded database. With DATABASE_URL it wipes and reuses that test database;
// without, it runs an embedded database in a throw-away folder.

const PORT = Number(process.env.E2E_PORT ?? 3210);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

type Database = { url: string; embedded: boolean; stop: () => Promise<void> };


async function openDatabase(): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) {
    await resetTestDatabase(external, "the e2e run");
    return { url: external, embedded: false, stop: async () => {} };
  }
  const tempDir = await mkdtemp(path.join(tmpdir(), "crm-e2e-"));
  // A subfolder, so the lock file the embedded database keeps beside its folder is cleaned up too.
  const embedded = await startEmbeddedDatabase({ dataDir: path.join(tempDir, "pglite"), port: 0 });
  return {
    url: embedded.url,
    embedded: true,
    stop: async () => {
      await embedded.stop();
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code ?? signal}`)),
    );
  });
}

async function main(): Promise<void> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("No production build in .next: run `npx next build` first.");
  }

  const database = await openDatabase();
  // Uploaded files go to a folder of their own, removed with the run.
  const filesDir = await mkdtemp(path.join(tmpdir(), "crm-e2e-files-"));
  let server: ChildProcess | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await database.stop();
    await rm(filesDir, { recursive: true, force: true });
    process.exit(code);
  };
  process.on("SIGTERM", () => void shutdown(0));
  process.on("SIGINT", () => void shutdown(0));

  try {
    await applyMigrations(database.url);
    // PGlite serves one connection at a time, so every client of the embedded database keeps one.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      ...(database.embedded ? { DATABASE_POOL_MAX: "1" } : {}),
    };
    await run(bin("tsx"), ["--conditions=react-server", "prisma/seed/index.ts"], env);

    // Our server, as `npm start` runs it: the tests of the login lockout depend on its client addresses.
    server = spawn(bin("tsx"), ["scripts/server.ts", "--port", String(PORT), "--hostname", "127.0.0.1"], {
      cwd: root,
      stdio: "inherit",
      env: {
        ...env,
        NODE_ENV: "production",
        AUTH_SECRET: "e2e-secret-only-for-the-playwright-run-0123456789abcdef",
        AUTH_TRUST_HOST: "true",
        FILE_STORAGE: "local",
        FILE_STORAGE_DIR: filesDir,
        // No scheduled job may change the seed data under the tests (jobs are tested in tests/integration).
        JOBS_DISABLED: "1",
      },
    });
    server.once("exit", (code, signal) => {
      if (!stopping) {
        console.error(`scripts/server.ts exited with ${code ?? signal}`);
        void shutdown(1);
      }
    });
  } catch (error) {
    console.error(error);
    await shutdown(1);
  }
}

await main();
