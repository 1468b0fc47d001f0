import cronParser from "cron-parser";
import { DEFAULT_RETRY, JOBS_TIME_ZONE, type JobDefinition } from "./types";

// Cron arithmetic on Asia/Shanghai schedules, with cron-parser (the parser pg-boss itself uses, pinned
// to the version it depends on).

/** The latest time `cron` fires at or before `now` (the slot a run at `now` belongs to). */
export function latestSlot(cron: string, now: Date): Date {
  const interval = cronParser.parseExpression(cron, { tz: JOBS_TIME_ZONE, currentDate: new Date(now.getTime() + 1) });
  return interval.prev().toDate();
}

/** The first time `cron` fires strictly after `now`. */
export function nextSlot(cron: string, now: Date): Date {
  const interval = cronParser.parseExpression(cron, { tz: JOBS_TIME_ZONE, currentDate: now });
  return interval.next().toDate();
}

/** True when `cron` is five valid fields. */
export function isValidCron(cron: string): boolean {
  try {
    cronParser.parseExpression(cron, { tz: JOBS_TIME_ZONE });
    return cron.trim().split(/\s+/).length === 5;
  } catch {
    return false;
  }
}

/** The wait in ms before retry number `retry` (1 = the first retry) of `job`. */
export function retryDelayMs(job: JobDefinition, retry: number): number {
  const { delaySeconds } = job.retry ?? DEFAULT_RETRY;
  return delaySeconds * 1000 * 2 ** (retry - 1);
}
