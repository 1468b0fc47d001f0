import { deleteExpiredLoginAttempts } from "@/lib/auth/login-attempts";
import { fillCalendarFromPackage } from "@/lib/calendar/import-calendar";
import { escalateAlerts, runMonitorRules } from "@/lib/alerts/run-monitor";
import type { AlertRunResult } from "@/lib/alerts/run-rules";
import { runContractAlarms } from "@/lib/contract-alarms/run";
import type { JobDefinition, JobSummary } from "./types";

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
  {
    // 预警监控 (issue 11 §2): every enabled rule opens alerts for what it finds and resolves those whose
    // condition no longer holds, then the webhook gets the new ones (lib/alerts/run-monitor.ts).
    name: "alertRules",
    cron: "*/15 * * * *",
    run: (db, now) => runMonitorRules(db, now),
  },
  {
    // Alerts still 未处理 / 已确认 after the working days 信息中心 set go to the owner's manager.
    name: "alertEscalation",
    cron: "0 * * * *",
    run: (db, now) => escalateAlerts(db, now),
  },
  {
    // 行政秘书检查合同报警 (issue 11 §3): the secretary's contract alarms.
    name: "contractAlarms",
    cron: "20 * * * *",
    run: async (db, now) => alertSummary(await runContractAlarms(db, now)),
  },
];

function alertSummary(run: AlertRunResult): JobSummary {
  const counts = { rules: run.results.length, opened: 0, autoResolved: 0, stillOpen: 0 };
  for (const r of run.results) {
    counts.opened += r.opened;
    counts.autoResolved += r.autoResolved;
    counts.stillOpen += r.stillOpen;
  }
  return { counts };
}

/** The job called `name`, or undefined. */
export function findJob(name: string, jobs: readonly JobDefinition[] = JOBS): JobDefinition | undefined {
  return jobs.find((job) => job.name === name);
}
