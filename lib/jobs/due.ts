import type { Db } from "@/lib/db";
import { executeJob, instanceName, type JobOutcome } from "./execute";
import { latestSlot, retryDelayMs } from "./schedule";
import { DEFAULT_RETRY, type JobDefinition } from "./types";

// Which scheduled attempts are due, read from JobRun alone, so that the embedded database's timer and
// `npm run jobs:run-once` agree with whatever pg-boss already ran for a slot.

/** A scheduled attempt to make: `job` for its `slot`, try number `attempt` (1 = first). */
export type DueAttempt = { job: JobDefinition; slot: Date; attempt: number };

/**
 * The attempt of `job` due at `now`, or null: its latest slot (at or before `now`) with no run yet is
 * attempt 1; a slot whose latest attempt FAILED gets attempt n+1 once `retryDelayMs(job, n)` has passed
 * since that attempt finished, up to `retry.limit` retries. A slot that succeeded, is running or has used
 * up its retries is not due; older slots are never caught up (a daily job missed for a week runs once).
 */
export async function dueAttempt(db: Db, job: JobDefinition, now: Date): Promise<DueAttempt | null> {
  const slot = latestSlot(job.cron, now);
  const last = await db.jobRun.findFirst({
    where: { jobName: job.name, trigger: "SCHEDULE", slot },
    orderBy: { attempt: "desc" },
    select: { attempt: true, status: true, finishedAt: true },
  });
  if (!last) return { job, slot, attempt: 1 };
  if (last.status !== "FAILED" || !last.finishedAt) return null;
  if (last.attempt > (job.retry ?? DEFAULT_RETRY).limit) return null;
  const retryAt = last.finishedAt.getTime() + retryDelayMs(job, last.attempt);
  return retryAt <= now.getTime() ? { job, slot, attempt: last.attempt + 1 } : null;
}

/**
 * Runs, one after the other, every attempt of `jobs` due at `now` and returns what each did. An attempt
 * another runner claimed first is reported `skipped`.
 */
export async function runDueJobs(db: Db, jobs: readonly JobDefinition[], now: Date, instance = instanceName()): Promise<{ job: string; outcome: JobOutcome }[]> {
  const results: { job: string; outcome: JobOutcome }[] = [];
  for (const job of jobs) {
    const due = await dueAttempt(db, job, now);
    if (!due) continue;
    const outcome = await executeJob(db, job, { trigger: "SCHEDULE", slot: due.slot, attempt: due.attempt }, now, instance);
    results.push({ job: job.name, outcome });
  }
  return results;
}
