import { addWorkingDays, workingDaysBetween } from "@/lib/calendar/working-days";
import { isoDateOnly, shanghaiDayStart } from "@/lib/time";
import type { RuleContext } from "../rule";

// What the 预警监控 rules share (issue 11 §2): the working-day cut-offs their thresholds count in, and
// how an alert names a contract (合同号 · 客户姓名).

/**
 * The first day a date must be earlier than for "more than `n` working days have passed" at
 * `ctx.today`: today itself for n = 0 (the date is past), else the n-th working day before today. So a
 * contract signed on a Monday is 3 working days late from the Friday on (Tue, Wed, Thu have passed).
 * Returns "YYYY-MM-DD" (Asia/Shanghai).
 */
export function workingCutoff(ctx: RuleContext, n: number): string {
  return n === 0 ? ctx.today : addWorkingDays(ctx.today, -n, ctx.calendar);
}

/** The start (UTC instant) of the Asia/Shanghai day `isoDate`, for comparing timestamps with a cut-off. */
export const dayStart = (isoDate: string): Date => shanghaiDayStart(isoDate);

/** Working days from `from` (Date or "YYYY-MM-DD") to today; 0 when not after it. */
export function workingDaysSince(ctx: RuleContext, from: Date | string): number {
  const day = typeof from === "string" ? from : isoDateOnly(from);
  return day >= ctx.today ? 0 : workingDaysBetween(day, ctx.today, ctx.calendar);
}

/** The date `n` working days after `from` (Date or "YYYY-MM-DD"): the alert's due date. */
export function workingDue(ctx: RuleContext, from: Date | string, n: number): string {
  const day = typeof from === "string" ? from : isoDateOnly(from);
  return n === 0 ? day : addWorkingDays(day, n, ctx.calendar);
}

/** How people name a contract: 合同号 · 客户姓名. */
export const contractTitle = (row: { number: string; customerName: string }): string => `${row.number} · ${row.customerName}`;

/** A date column read by $queryRaw (a Date at UTC midnight) as "YYYY-MM-DD". */
export const iso = (date: Date): string => isoDateOnly(date);
