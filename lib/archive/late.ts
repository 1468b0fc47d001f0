import { workingDaysBetween, type WorkingCalendar } from "@/lib/calendar/working-days";

/**
 * How many working days a hand-off is late: 0 while unsigned up to its due date (Asia/Shanghai
 * "YYYY-MM-DD") or once signed by then; otherwise the working days after `dueOn` up to the signing date
 * (signed late) or `today` (still unsigned). A cancelled hand-off is never late.
 */
export function transferLateDays(
  transfer: { dueOn: string; signedOn: string | null; cancelled?: boolean },
  today: string,
  calendar: WorkingCalendar,
): number {
  if (transfer.cancelled) return 0;
  const end = transfer.signedOn ?? today;
  if (end <= transfer.dueOn) return 0;
  return workingDaysBetween(transfer.dueOn, end, calendar);
}

/** Working days a contract has waited for the archive centre since its audit date (both "YYYY-MM-DD"). */
export function waitingDays(auditedOn: string, today: string, calendar: WorkingCalendar): number {
  return Math.max(0, workingDaysBetween(auditedOn, today, calendar));
}
