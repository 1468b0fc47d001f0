import PgBoss from "pg-boss";
import type { Db } from "@/lib/db";
import { executeJob, instanceName } from "./execute";
import { latestSlot } from "./schedule";
import { DEFAULT_RETRY, JOBS_TIME_ZONE, type JobDefinition } from "./types";

// The jobs on PostgreSQL: pg-boss (pinned at 10.4.2, the last release that runs on Node 20). Every app
// instance starts one of these. pg-boss's cron monitor lets one instance at a time look at the schedules
// (a timestamp row it updates conditionally), queues each due schedule once per minute (a singleton
// key), and its workers fetch each job with FOR UPDATE SKIP LOCKED, so one instance runs it; failures are
// retried with pg-boss's exponential back-off. On top of that executeJob claims the (job, slot, attempt)
// row in JobRun, so `npm run jobs:run-once` run by cron on another host cannot run the same slot again.

/**
 * `schema`: pg-boss's own schema, created and migrated by pg-boss at start (default "pgboss"); tests use
 * a throw-away one. `pollingIntervalSeconds`: how often each worker asks for work (default 10).
 * `cronMonitorIntervalSeconds` (1–45, default 30) and `cronWorkerIntervalSeconds` (1–45, default 5):
 * pg-boss's schedule checks. `max`: the connections pg-boss's own pool opens (default 2).
 */
export type JobQueueOptions = {
  connectionString: string;
  db: Db;
  jobs: readonly JobDefinition[];
  schema?: string;
  pollingIntervalSeconds?: number;
  cronMonitorIntervalSeconds?: number;
  cronWorkerIntervalSeconds?: number;
  max?: number;
  onError?: (error: Error) => void;
};

export type JobQueue = { boss: PgBoss; stop(): Promise<void> };

// PostgreSQL errors two instances starting at once may meet while both create the same queue or
// schedule: a deadlock, a serialization failure, or the other's row already inserted.
const CONTENTION_CODES = new Set(["40P01", "40001", "23505"]);

/** Runs `step` again (up to 5 tries, 50–300 ms apart) when another instance's set-up collides with it. */
async function retryOnContention(step: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || !code || !CONTENTION_CODES.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 250));
    }
  }
}

/**
 * Starts pg-boss (creating or migrating its schema), schedules every job in Asia/Shanghai with its retry
 * policy, removes schedules of jobs no longer listed, and starts a worker per job that records each
 * attempt through executeJob. A failed attempt is thrown back to pg-boss so it retries it.
 */
export async function startJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema ?? "pgboss",
    max: options.max ?? 2,
    application_name: "crm-jobs",
    cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds ?? 30,
    cronWorkerIntervalSeconds: options.cronWorkerIntervalSeconds ?? 5,
  });
  boss.on("error", options.onError ?? ((error: Error) => console.error(`[jobs] pg-boss: ${error.message}`)));
  await boss.start();

  const listed = new Set(options.jobs.map((job) => job.name));
  await retryOnContention(async () => {
    for (const schedule of await boss.getSchedules()) {
      if (!listed.has(schedule.name)) await boss.unschedule(schedule.name);
    }
  });
  for (const job of options.jobs) {
    const { limit, delaySeconds } = job.retry ?? DEFAULT_RETRY;
    const retry = { retryLimit: limit, retryDelay: delaySeconds, retryBackoff: true };
    await retryOnContention(async () => {
      await boss.createQueue(job.name, { name: job.name, policy: "standard", ...retry });
      await boss.updateQueue(job.name, { name: job.name, policy: "standard", ...retry });
      await boss.schedule(job.name, job.cron, {}, { tz: JOBS_TIME_ZONE, ...retry });
    });
    await boss.work(
      job.name,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10 },
      async ([queued]) => {
        // The slot this job was queued for: the schedule's latest time at its creation (retries keep it).
        const slot = latestSlot(job.cron, queued.createdOn);
        const outcome = await executeJob(
          options.db,
          job,
          { trigger: "SCHEDULE", slot, attempt: queued.retryCount + 1 },
          new Date(),
          instanceName(`pg-boss ${queued.id}`),
        );
        if (outcome.status === "FAILED") throw new Error(outcome.error);
      },
    );
  }
  return {
    boss,
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
