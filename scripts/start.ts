import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import nextEnv from "@next/env";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { describeCalendarImport, fillCalendarFromPackage } from "@/lib/calendar/import-calendar";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { defaultDataDir, projectRoot, startEmbeddedDatabase, type EmbeddedDatabase } from "@/prisma/embedded/server";
import { applyMigrations } from "@/prisma/tools/migrations";

// `npm start` (production server) and `npm run dev` (`--dev`). Without DATABASE_URL the app runs on the embedded
// database in .data/pglite, migrated and seeded with demo data on first run; with DATABASE_URL nothing is started
// or seeded here (production creates its first admin with `npm run admin:create`), only migrations are applied
// and the working-day calendar gets the years of the chinese-days package it does not have yet.
// The app is then served by our own server (scripts/server.ts), not `next start`: it tells the app each client's
// real address, which the login lockout counts by.

const dev = process.argv.includes("--dev");
const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const tsxBin = require.resolve("tsx/cli");
const authSecretFile = join(projectRoot, ".data/auth-secret");
// What the production build is made from; a change in any of them makes `npm start` rebuild.
const buildInputs = ["app", "lib", "components", "messages", "i18n", "prisma/schema.prisma", "next.config.ts"];

let embedded: EmbeddedDatabase | undefined;
let child: ChildProcess | undefined;
let shuttingDown = false;
let receivedSignal: NodeJS.Signals | undefined;

async function main(): Promise<number> {
  // Read .env files the way Next.js will, so DATABASE_URL there counts before deciding to embed a database.
  nextEnv.loadEnvConfig(projectRoot, dev);
  // Telemetry would try to reach the internet on every build and start.
  const env: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: "1", ...process.env };

  if (env.DATABASE_URL) {
    if (!env.AUTH_SECRET) {
      throw new Error(
        "AUTH_SECRET is not set. With DATABASE_URL the app runs as a real deployment and needs a stable secret " +
          "for sessions: generate one with `openssl rand -base64 32` and set AUTH_SECRET.",
      );
    }
  } else {
    embedded = await startEmbeddedDatabase({ dataDir: defaultDataDir, port: 0 });
    env.DATABASE_URL = embedded.url;
    env.DATABASE_POOL_MAX = "1";
    env.AUTH_SECRET ??= localAuthSecret();
    // Auth.js refuses requests for hosts it was not told to trust when not on Vercel; this local-only setup is
    // reached on localhost or the LAN address the user chooses.
    env.AUTH_TRUST_HOST ??= "true";
    console.log(`Embedded database ${relative(projectRoot, defaultDataDir)} at ${embedded.url}`);
  }
  const databaseUrl = env.DATABASE_URL;

  const applied = await applyMigrations(databaseUrl);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
  await fillCalendar(databaseUrl);

  if (embedded && (await hasNoUsers(databaseUrl))) {
    console.log("Empty database: loading the demo data (prisma/seed/index.ts)…");
    await runStep("The demo seed", [tsxBin, "--conditions=react-server", "prisma/seed/index.ts"], env);
  }

  if (!dev && buildIsStale()) {
    console.log("The production build is missing or older than the sources: running next build…");
    await runStep("next build", [nextBin, "build"], env);
  }

  const port = env.PORT ?? "3000";
  const serverArgs = [tsxBin, "scripts/server.ts", "--port", port, ...(dev ? ["--dev"] : [])];
  return run("The app server (scripts/server.ts)", serverArgs, env);
}

function localAuthSecret(): string {
  if (existsSync(authSecretFile)) return readFileSync(authSecretFile, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(join(projectRoot, ".data"), { recursive: true });
  // Kept so sessions survive restarts; private to the user running the app.
  writeFileSync(authSecretFile, `${secret}\n`, { mode: 0o600 });
  return secret;
}

// The 工作日历's years from the package that the table lacks (lib/calendar/import-calendar.ts): a new
// package version brings a new year in at the next start, on the embedded database and in production
// alike, without touching what 信息中心 changed. One connection, closed before the app opens its own
// (the embedded database serves one at a time).
async function fillCalendar(databaseUrl: string): Promise<void> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 1 }) });
  try {
    const years = await fillCalendarFromPackage(db);
    if (years.length > 0) console.log(describeCalendarImport(years));
  } finally {
    await db.$disconnect();
  }
}

async function hasNoUsers(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ empty: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM "User") AS empty`);
    return rows[0].empty;
  } finally {
    await client.end();
  }
}

function buildIsStale(): boolean {
  const buildId = join(projectRoot, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return buildInputs.some((input) => newestChange(join(projectRoot, input)) > builtAt);
}

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => (name === "node_modules" ? newest : Math.max(newest, newestChange(join(path, name)))),
    stat.mtimeMs,
  );
}

class Interrupted extends Error {}

/** Runs a child with the terminal attached and resolves with its exit status. */
function run(label: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = spawn(process.execPath, args, { cwd: projectRoot, env, stdio: "inherit" });
    child = started;
    started.once("error", (error) => reject(new Error(`${label} could not start: ${error.message}`)));
    started.once("exit", (code, signal) => {
      child = undefined;
      if (shuttingDown) reject(new Interrupted());
      else resolve(code ?? (signal ? 128 + signalNumber(signal) : 1));
    });
  });
}

async function runStep(label: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const status = await run(label, args, env);
  if (status !== 0) throw new Error(`${label} failed (exit ${status}).`);
}

function signalNumber(signal: NodeJS.Signals): number {
  return signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1;
}

async function stopDatabase(): Promise<void> {
  const database = embedded;
  embedded = undefined;
  await database?.stop();
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    shuttingDown = true;
    receivedSignal = signal;
    // The child stops and its exit finishes main(); without a child, stop here.
    if (child) child.kill(signal);
    else void stopDatabase().finally(() => process.exit(128 + signalNumber(signal)));
  });
}

main().then(
  async (code) => {
    await stopDatabase();
    process.exit(code);
  },
  async (error: unknown) => {
    if (!(error instanceof Interrupted)) console.error(error instanceof Error ? error.message : String(error));
    await stopDatabase().catch(() => {});
    process.exit(receivedSignal ? 128 + signalNumber(receivedSignal) : 1);
  },
);
