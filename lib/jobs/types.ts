import type { Db } from "@/lib/db";

// The shapes every scheduled job shares (issue 11 §1). No "server-only": the app server, the
// `npm run jobs:run-once` command and the tests load these outside Next.js.

/** What a job reports when it succeeds; stored on its JobRun row and shown on the jobs page. */
export type JobSummary = { message?: string; counts?: Record<string, number> };

/**
 * One scheduled job. `name`: a stable id (the pg-boss queue, the JobRun rows, the `jobs.names.<name>`
 * label and `jobs.descriptions.<name>` description in messages/…/jobs.json). `cron`: five fields, read in
 * Asia/Shanghai. `run` does the work with `db` as of `now` and must be safe to run again (a retry, a
 * 立即运行); it throws to fail. `retry`: how often a failed slot is tried again and the first delay in
 * seconds, doubled for each further try (default DEFAULT_RETRY).
 */
export type JobDefinition = {
  name: string;
  cron: string;
  run(db: Db, now: Date): Promise<JobSummary>;
  retry?: RetryPolicy;
};

/** `limit` retries after the first try; the n-th waits `delaySeconds · 2^(n−1)` seconds (up to twice that on pg-boss, which adds jitter). */
export type RetryPolicy = { limit: number; delaySeconds: number };

export const DEFAULT_RETRY: RetryPolicy = { limit: 3, delaySeconds: 60 };

/** The time zone every job's cron is read in. */
export const JOBS_TIME_ZONE = "Asia/Shanghai";
