// Working days on the mainland-China calendar (issue 9 §1). Planned durations — a process step's
// "10 working days", an alert's "within 3 working days" — count working days: Monday to Friday, except
// the public holidays the State Council (国务院办公厅) publishes each year, plus the weekend days it
// makes working days to compensate (调休上班). Those exceptions live in the CalendarDay table
// (lib/calendar/loader.ts reads them; 信息中心 keeps them on the 工作日历 page).
//
// Everything here is pure and works on calendar dates written "YYYY-MM-DD": dates in Asia/Shanghai,
// the agency's day. Turn an instant into one with shanghaiToday(instant) from lib/time.ts first; a date
// never passes through the server's time zone here, so the answers are the same on every machine.
// Shared by the server and the forms (no database, no Node APIs).

/** 放假: a weekday (Monday–Friday) off. 调休上班 (WORKDAY): a Saturday or Sunday worked. */
export type CalendarDayKind = "HOLIDAY" | "WORKDAY";

/**
 * The exceptions to "Monday to Friday work" that decide working days, made by createWorkingCalendar.
 * `exceptions` maps a day number (days since 1970-01-01) to whether that day is worked; it holds only
 * real exceptions (a weekday off, a weekend day worked).
 */
export type WorkingCalendar = { readonly exceptions: ReadonlyMap<number, boolean> };

/** A calendar without exceptions: Monday to Friday are the working days. */
export const WEEKDAYS_ONLY: WorkingCalendar = { exceptions: new Map() };

const FIRST_DAY = daysFromCivil(1, 1, 1);
const LAST_DAY = daysFromCivil(9999, 12, 31);

/**
 * A working calendar from the CalendarDay rows (or any list of exceptions). A HOLIDAY on a Saturday or
 * Sunday and a WORKDAY on Monday–Friday change nothing and are left out, so a schedule may be given
 * whole (every day of a holiday, weekend days included). Later entries for the same date win.
 * Throws RangeError for a date that is not a real "YYYY-MM-DD" date between 0001 and 9999.
 */
export function createWorkingCalendar(days: Iterable<{ date: string; kind: CalendarDayKind }>): WorkingCalendar {
  const exceptions = new Map<number, boolean>();
  for (const { date, kind } of days) {
    const day = toDayNumber(date);
    const worked = kind === "WORKDAY";
    if (worked === isWeekdayNumber(day)) exceptions.delete(day);
    else exceptions.set(day, worked);
  }
  return { exceptions };
}

/**
 * The ISO weekday of a "YYYY-MM-DD" date: 1 = Monday … 6 = Saturday, 7 = Sunday (proleptic Gregorian,
 * no time zone involved). Throws RangeError for an invalid date.
 */
export function isoWeekday(date: string): number {
  return weekdayOf(toDayNumber(date));
}

/** True for a Saturday or Sunday. Throws RangeError for an invalid date. */
export function isWeekend(date: string): boolean {
  return !isWeekdayNumber(toDayNumber(date));
}

/**
 * Whether `date` ("YYYY-MM-DD", Asia/Shanghai) is a working day: a 调休上班 day of `calendar`, or a
 * Monday–Friday that is no holiday of it. Throws RangeError for an invalid date.
 */
export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  return worked(toDayNumber(date), calendar);
}

/**
 * The date `n` working days from `date` (both "YYYY-MM-DD", Asia/Shanghai):
 * - n ≥ 1: the n-th working day after `date` (`date` itself never counts): Thursday + 1 is Friday,
 *   Friday + 1 is the next Monday (or the 调休 Saturday / Sunday if one comes first);
 * - n = 0: `date` if it is a working day, otherwise the next working day after it;
 * - n ≤ -1: the |n|-th working day before `date` (`date` itself never counts).
 * The result is always a working day. Inverse of workingDaysBetween: for n ≠ 0,
 * workingDaysBetween(date, addWorkingDays(date, n)) === n.
 * Throws RangeError when `date` is invalid, `n` is not a safe integer, or the answer would fall
 * outside the years 0001–9999. Takes time in proportion to the days stepped over.
 */
export function addWorkingDays(date: string, n: number, calendar: WorkingCalendar): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`addWorkingDays: n must be an integer, got ${n}`);
  let day = toDayNumber(date);
  if (n === 0) {
    while (!worked(day, calendar)) day = step(day, 1);
    return fromDayNumber(day);
  }
  const direction = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0; ) {
    day = step(day, direction);
    if (worked(day, calendar)) left -= 1;
  }
  return fromDayNumber(day);
}

/**
 * The working days from `a` to `b` (both "YYYY-MM-DD", Asia/Shanghai), counting the day arrived at and
 * not the day started from:
 * - b > a: the working days d with a < d ≤ b (a Friday to the next Monday is 1);
 * - b = a: 0;
 * - b < a: minus the working days d with b ≤ d < a (a Monday to the Friday before is -1).
 * So addWorkingDays(a, workingDaysBetween(a, b)) === b whenever b is a working day, and
 * workingDaysBetween(b, a) === -workingDaysBetween(a, b) when a and b are both working days (when one
 * is a day off the two directions count different half-open ranges, and may differ by one).
 * Throws RangeError for an invalid date. Takes time in proportion to the days between a and b.
 */
export function workingDaysBetween(a: string, b: string, calendar: WorkingCalendar): number {
  const from = toDayNumber(a);
  const to = toDayNumber(b);
  let count = 0;
  if (to >= from) {
    for (let day = from + 1; day <= to; day += 1) if (worked(day, calendar)) count += 1;
    return count;
  }
  for (let day = to; day < from; day += 1) if (worked(day, calendar)) count -= 1;
  return count;
}

// ---- Day numbers: days since 1970-01-01, by integer arithmetic (no Date, no time zone) ----------

function worked(day: number, calendar: WorkingCalendar): boolean {
  return calendar.exceptions.get(day) ?? isWeekdayNumber(day);
}

function step(day: number, direction: 1 | -1): number {
  const next = day + direction;
  if (next < FIRST_DAY || next > LAST_DAY) throw new RangeError("Working days beyond the years 0001–9999");
  return next;
}

// 1970-01-01 was a Thursday (ISO 4).
function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function isWeekdayNumber(day: number): boolean {
  return weekdayOf(day) <= 5;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function toDayNumber(date: string): number {
  const match = typeof date === "string" ? ISO_DATE.exec(date) : null;
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${String(date)}`);
  }
  return daysFromCivil(year, month, day);
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(dayNumber: number): string {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
