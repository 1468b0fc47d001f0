import { relative } from "node:path";
import { defaultDataDir, projectRoot, startEmbeddedDatabase } from "@/prisma/embedded/server";
import {
  applyMigrations,
  checkMigrations,
  createMigration,
  migrationsDir,
  migrationStatus,
  resolveMigration,
} from "@/prisma/tools/migrations";

const usage = `Usage: tsx prisma/tools/migrate.ts <command>

  create <name>  write prisma/migrations/<timestamp>_<name>/migration.sql from the changes in schema.prisma
  apply          apply pending migrations
  status         list applied and pending migrations; exits 1 unless up to date (like prisma migrate status)
  check          exit 1 when schema.prisma and the migrations disagree
  resolve <migration> --rolled-back | --applied
                 after a failed migration: let apply run it again, or record it as finished by hand

DATABASE_URL selects the database. Without it, apply, status and resolve use the embedded database in
${relative(projectRoot, defaultDataDir)}, and create and check replay the migrations on an in-memory one.`;

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const databaseUrl = process.env.DATABASE_URL || undefined;
  switch (command) {
    case "create": {
      const name = rest.join("_");
      if (!name) return fail(`Missing the migration name.\n\n${usage}`);
      const created = await createMigration(databaseUrl, name);
      if (created === null) {
        console.log("schema.prisma matches the migrations; no migration created.");
      } else {
        console.log(`Created ${relative(projectRoot, migrationsDir)}/${created}/migration.sql`);
      }
      return 0;
    }
    case "apply":
      return onDatabase(databaseUrl, async (url, label) => {
        const applied = await applyMigrations(url);
        if (applied.length === 0) console.log(`${capitalize(label)} is up to date.`);
        else console.log(`Applied to ${label}:\n${applied.map((name) => `  ${name}`).join("\n")}`);
        return 0;
      });
    case "status":
      return onDatabase(databaseUrl, async (url, label) => {
        const { applied, pending, problems } = await migrationStatus(url);
        console.log(`${capitalize(label)}: ${applied.length} applied, ${pending.length} pending.`);
        for (const name of applied) console.log(`  applied  ${name}`);
        for (const name of pending) console.log(`  pending  ${name}`);
        for (const problem of problems) console.error(`  problem  ${problem}`);
        return pending.length === 0 && problems.length === 0 ? 0 : 1;
      });
    case "check": {
      const { ok, diffSql } = await checkMigrations(databaseUrl);
      if (ok) {
        console.log("schema.prisma and the migrations agree.");
        return 0;
      }
      return fail(
        `schema.prisma and the migrations disagree. Run \`npm run db:migrate:create -- <name>\` to add a migration with:\n\n${diffSql}`,
      );
    }
    case "resolve": {
      const [name, flag] = rest;
      const as = flag === "--applied" ? "applied" : flag === "--rolled-back" ? "rolled-back" : undefined;
      if (!name || !as) return fail(`resolve needs a migration name and --rolled-back or --applied.\n\n${usage}`);
      return onDatabase(databaseUrl, async (url, label) => {
        await resolveMigration(url, name, as);
        console.log(`Marked ${name} as ${as} in ${label}.`);
        return 0;
      });
    }
    default:
      return fail(command ? `Unknown command "${command}".\n\n${usage}` : usage);
  }
}

async function onDatabase(
  databaseUrl: string | undefined,
  run: (url: string, label: string) => Promise<number>,
): Promise<number> {
  if (databaseUrl) return run(databaseUrl, describe(databaseUrl));
  const embedded = await startEmbeddedDatabase({ dataDir: defaultDataDir });
  try {
    return await run(embedded.url, `the embedded database (${relative(projectRoot, defaultDataDir)})`);
  } finally {
    await embedded.stop();
  }
}

// Names the database without its password.
function describe(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `database ${url.pathname.slice(1)} on ${url.host}`;
  } catch {
    return "the database in DATABASE_URL";
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
