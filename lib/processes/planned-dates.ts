import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from "@/lib/calendar/working-days";

// Planned dates of a process's steps (issue 9 §3), on the mainland-China working-day calendar
// (lib/calendar/working-days.ts). Pure: dates are "YYYY-MM-DD" calendar dates in Asia/Shanghai.
//
// The rules, step by step in position order:
// - Step 1 starts on the start date, or the next working day when that is not one.
// - Every later step starts `startAfterDays` working days after the previous step's planned due date,
//   counted from the next working day: 0 → the next working day after the previous due date, 2 → the
//   third working day after it (addWorkingDays(previousDue, startAfterDays + 1)).
// - A step's planned due date is its last planned working day: a step of `plannedDays` working days
//   that starts on day S is due on addWorkingDays(S, plannedDays − 1) — a 1-day step is due the day it
//   starts, a 5-day step starting on a Monday of a normal week is due on its Friday; 0 days counts as 1.
// - The course-start anchor (`monthsBeforeCourseStart` = N, with the contract's 开学时间 known): the step
//   may not start before course start − N calendar months (the same day of the month, or the month's
//   last day when it has fewer days; the next working day when that is a day off). So the UK visa
//   ("开学前 6 个月内递交": no earlier than 6 months before the course) of a course starting 2026-09-14 is
//   planned to start no earlier than 2026-03-16 (2026-03-14 is a Saturday). Its start is the later of
//   the chain's start and that date; its due date follows from its own start as above, and the steps
//   after it chain from that due date. Without a course start the anchor is ignored.

export type PlanInput = { plannedDays: number; startAfterDays: number; monthsBeforeCourseStart: number | null };
export type PlannedDates = { plannedStartOn: string; plannedDueOn: string };

/**
 * The planned start and due dates of `steps` (in position order) for a process started on `startOn`,
 * with the contract's course start `courseStartOn` (or null). Returns one entry per step, same order.
 * Throws RangeError for an invalid date (lib/calendar/working-days.ts).
 */
export function planStepDates(
  steps: readonly PlanInput[],
  startOn: string,
  courseStartOn: string | null,
  calendar: WorkingCalendar,
): PlannedDates[] {
  const out: PlannedDates[] = [];
  let previousDue: string | null = null;
  for (const step of steps) {
    let start = previousDue === null ? addWorkingDays(startOn, 0, calendar) : addWorkingDays(previousDue, step.startAfterDays + 1, calendar);
    if (step.monthsBeforeCourseStart !== null && courseStartOn) {
      const earliest = addWorkingDays(addMonths(courseStartOn, -step.monthsBeforeCourseStart), 0, calendar);
      if (earliest > start) start = earliest;
    }
    const due = addWorkingDays(start, Math.max(step.plannedDays, 1) - 1, calendar);
    out.push({ plannedStartOn: start, plannedDueOn: due });
    previousDue = due;
  }
  return out;
}

/**
 * `date` ("YYYY-MM-DD") moved by `months` calendar months, the day clamped to the target month's
 * length (2026-08-31 − 6 months = 2026-02-28).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * How many working days a step is late (0 when it is not), for the overdue marks: an open step
 * (`completedOn` null) compares `today` (Asia/Shanghai) with its planned due date; a finished one its
 * completion date. A step without a planned due date (a process not started) is never late. Working
 * days d with due < d ≤ today (or completedOn): due on Friday, today the next Monday → 1.
 */
export function overdueDays(
  step: { plannedDueOn: string | null; completedOn: string | null; skipped?: boolean },
  today: string,
  calendar: WorkingCalendar,
): number {
  if (!step.plannedDueOn || step.skipped) return 0;
  const end = step.completedOn ?? today;
  if (end <= step.plannedDueOn) return 0;
  return workingDaysBetween(step.plannedDueOn, end, calendar);
}
