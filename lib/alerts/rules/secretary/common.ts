import { addWorkingDays, type WorkingCalendar } from "@/lib/calendar/working-days";
import { shanghaiDayStart } from "@/lib/time";
import type { AlertFinding } from "../rule";

// What the 行政秘书检查合同报警 rules (issue 11 §3; lib/alerts/rules/secretary.ts) share: the contract row
// their queries return, how it becomes a finding (no owner: the secretary's queue; the contract's
// consultant's team, so 升级 goes to that team's managers), and the working-day cut-off.

/** The contract columns every secretary rule's query selects. */
export type AlarmContractRow = { id: string; number: string; customerId: string; customerName: string; teamId: string | null };

/** A contract past 草稿 and not 已终止: what the scan, required-field and originals rules look at. */
export const CHECKED_STATUSES = ["PENDING_MANAGER", "PENDING_FINANCE", "AUDITED", "IN_SERVICE", "COMPLETED"] as const;

/** A finding on contract `row` with the rule's own `params` (contractNo, customerName and title added). */
export function contractFinding(row: AlarmContractRow, params: Record<string, string | number | string[]>, dueOn: string | null = null): AlertFinding {
  return {
    subjectType: "Contract",
    subjectId: row.id,
    customerId: row.customerId,
    contractId: row.id,
    ownerId: null,
    teamId: row.teamId,
    params: { ...params, contractNo: row.number, customerName: row.customerName, title: `${row.number} · ${row.customerName}` },
    dueOn,
  };
}

/**
 * The instant before which a day (Asia/Shanghai) must start for "`n` working days after it" to lie
 * before `today`: a record dated on or before the latest such day D (addWorkingDays(D, n) < today) is
 * late. Lets a rule compare a timestamp column with one value in SQL. `n` ≥ 0, in working days.
 */
export function lateBefore(today: string, n: number, calendar: WorkingCalendar): Date {
  let day = shanghaiIso(today, -1);
  // addWorkingDays(d, n) grows with d: step back from yesterday until it is late.
  for (let guard = 0; guard < 400 && addWorkingDays(day, n, calendar) >= today; guard++) day = shanghaiIso(day, -1);
  return shanghaiDayStart(day, 1);
}

function shanghaiIso(date: string, addDays: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + addDays)).toISOString().slice(0, 10);
}
