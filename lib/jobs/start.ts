import type { Db } from "@/lib/db";
import { JOBS } from "./registry";
import { startJobQueue } from "./queue";
import { startJobTimer } from "./timer";
import type { JobDefinition } from "./types";

// Which scheduler this process runs (README, Jobs): none with JOBS_DISABLED=1, the in-process timer
// on the embedded database, pg-boss on PostgreSQL.

export type JobRunner = { kind: "disabled" | "timer" | "pg-boss"; stop(): Promise<void> };

/** True when `db` is the embedded database (PGlite says so in version()). */
export async function isEmbeddedDatabase(db: Db): Promise<boolean> {
  const [{ version }] = await db.$queryRaw<{ version: string }[]>`SELECT version()`;
  return version.includes("PGlite");
}

/** True when JOBS_DISABLED is set to 1 or true: this instance serves requests but works no jobs. */
export function jobsDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return ["1", "true"].includes((env.JOBS_DISABLED ?? "").trim().toLowerCase());
}

/**
 * Starts this process's scheduler for `jobs` on `db` (the app's client; `connectionString` is what
 * pg-boss opens its own small pool on) and returns it with its stop().
 */
export async function startJobs(db: Db, connectionString: string, jobs: readonly JobDefinition[] = JOBS): Promise<JobRunner> {
  if (jobsDisabled()) {
    console.log("[jobs] JOBS_DISABLED: this instance runs no scheduled jobs.");
    return { kind: "disabled", stop: async () => {} };
  }
  if (await isEmbeddedDatabase(db)) {
    const timer = startJobTimer({ db, jobs });
    console.log(`[jobs] Embedded database: ${jobs.length} job(s) on the in-process timer.`);
    return { kind: "timer", stop: async () => timer.stop() };
  }
  const queue = await startJobQueue({ connectionString, db, jobs });
  console.log(`[jobs] PostgreSQL: ${jobs.length} job(s) on pg-boss.`);
  return { kind: "pg-boss", stop: queue.stop };
}
