import { deleteExpiredLoginAttempts } from "@/lib/auth/login-attempts";
import { fillCalendarFromPackage } from "@/lib/calendar/import-calendar";
import type { JobDefinition } from "./types";

export type { JobDefinition, JobSummary } from "./types";

// Every scheduled job (issue 11 §1): one entry each, a plain list. To add one: an entry here with a
// stable `name`, a five-field `cron` read in Asia/Shanghai and `run(db, now)` returning a JobSummary
// (a set-based rule that copes with a million customers in seconds), plus its label and description
// under `names.<name>` and `descriptions.<name>` in messages/zh-CN/jobs.json and messages/en/jobs.json.
export const JOBS: readonly JobDefinition[] = [
  {
    // The 工作日历's years a newly deployed chinese-days holds (lib/calendar/import-calendar.ts); `npm
    // start` does the same, this catches instances that run for months. A no-op when nothing is new.
    name: "calendarFill",
    cron: "10 3 * * *",
    run: async (db) => {
      const years = await fillCalendarFromPackage(db);
      return { counts: { years: years.length }, ...(years.length > 0 ? { message: years.join(", ") } : {}) };
    },
  },
  {
    // Sign-in attempts the lockout no longer reads (lib/auth/login-attempts.ts).
    name: "loginAttemptCleanup",
    cron: "5 * * * *",
    run: async (db, now) => ({ counts: { deleted: await deleteExpiredLoginAttempts(db, now) } }),
  },
];

/** The job called `name`, or undefined. */
export function findJob(name: string, jobs: readonly JobDefinition[] = JOBS): JobDefinition | undefined {
  return jobs.find((job) => job.name === name);
}
