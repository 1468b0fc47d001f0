import "server-only";
import { prisma } from "@/lib/db";
import type { JobRunStatus, JobTrigger } from "@/lib/generated/prisma/enums";
import { JOBS } from "./registry";
import { nextSlot } from "./schedule";
import type { JobDefinition } from "./types";

// The jobs page (/jobs, 信息中心): reads only JobRun and the registry. Callers check jobs.read.

export type JobRunRow = {
  id: string;
  jobName: string;
  trigger: JobTrigger;
  attempt: number;
  status: JobRunStatus;
  startedAt: Date;
  durationMs: number | null;
  error: string | null;
  instance: string;
};

/** One job as the page shows it: its schedule, its latest run (if any) and when it is next due. */
export type JobOverview = { name: string; cron: string; lastRun: JobRunRow | null; nextRun: Date };

const RUN_COLUMNS = { id: true, jobName: true, trigger: true, attempt: true, status: true, startedAt: true, durationMs: true, error: true, instance: true } as const;

/**
 * Every registered job with its latest run (one DISTINCT ON query on JobRun_jobName_startedAt_idx) and
 * its next slot after `now` (Asia/Shanghai cron).
 */
export async function listJobOverviews(now = new Date(), jobs: readonly JobDefinition[] = JOBS): Promise<JobOverview[]> {
  const names = jobs.map((job) => job.name);
  const latest = await prisma.$queryRaw<JobRunRow[]>`
    SELECT DISTINCT ON ("jobName") id, "jobName", trigger, attempt, status, "startedAt", "durationMs", error, instance
    FROM "JobRun" WHERE "jobName" = ANY(${names}) ORDER BY "jobName", "startedAt" DESC`;
  const byName = new Map(latest.map((row) => [row.jobName, row]));
  return jobs.map((job) => ({ name: job.name, cron: job.cron, lastRun: byName.get(job.name) ?? null, nextRun: nextSlot(job.cron, now) }));
}

/** The latest `take` failed attempts of the registered jobs, newest first, with their errors. */
export async function listRecentFailures(take = 20, jobs: readonly JobDefinition[] = JOBS): Promise<JobRunRow[]> {
  return prisma.jobRun.findMany({
    where: { jobName: { in: jobs.map((job) => job.name) }, status: "FAILED" },
    orderBy: { startedAt: "desc" },
    take,
    select: RUN_COLUMNS,
  });
}
