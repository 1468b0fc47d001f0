import nextEnv from "@next/env";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { runDueJobs } from "@/lib/jobs/due";
import { executeJob, instanceName, type JobOutcome } from "@/lib/jobs/execute";
import { findJob, JOBS } from "@/lib/jobs/registry";
import { defaultDataDir, projectRoot, startEmbeddedDatabase, type EmbeddedDatabase } from "@/prisma/embedded/server";

// `npm run jobs:run-once` — for a system cron (or by hand): runs every scheduled job whose latest slot
// has not run yet, or whose failed slot's retry is due, once, and exits; the same claim as the workers'
// (lib/jobs/execute.ts) means a slot another instance or pg-boss already ran is skipped.
// `npm run jobs:run-once -- <name>` runs that job now, whether due or not. Exit status 1 when a job failed.
// Without DATABASE_URL it opens the embedded database in .data/pglite (only while `npm start` is not
// running: that process holds it, and runs the jobs itself).

async function main(): Promise<number> {
  nextEnv.loadEnvConfig(projectRoot, false);
  const name = process.argv[2];
  const job = name === undefined ? undefined : findJob(name);
  if (name !== undefined && !job) {
    console.error(`No job called "${name}". Jobs: ${JOBS.map((j) => j.name).join(", ")}`);
    return 2;
  }
  let embedded: EmbeddedDatabase | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedDatabase({ dataDir: defaultDataDir, port: 0 });
    url = embedded.url;
  }
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 1 }) });
  try {
    const now = new Date();
    const results: { job: string; outcome: JobOutcome }[] = job
      ? [{ job: job.name, outcome: await executeJob(db, job, { trigger: "COMMAND" }, now, instanceName("jobs:run-once")) }]
      : await runDueJobs(db, JOBS, now, instanceName("jobs:run-once"));
    if (results.length === 0) console.log("No job is due.");
    for (const { job: jobName, outcome } of results) {
      const detail = outcome.status === "OK" ? JSON.stringify(outcome.summary) : outcome.status === "FAILED" ? outcome.error : "already claimed elsewhere";
      console.log(`${jobName}: ${outcome.status} ${detail}`);
    }
    return results.some((r) => r.outcome.status === "FAILED") ? 1 : 0;
  } finally {
    await db.$disconnect();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
