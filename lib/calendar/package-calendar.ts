import schedule from "chinese-days/dist/chinese-days.json";
import packageJson from "chinese-days/package.json";
import { isWeekend, type CalendarDayKind } from "./working-days";

// The State Council's holiday schedules as the npm package chinese-days (https://github.com/vsme/chinese-days,
// pinned exactly in package.json) publishes them: its documented JSON file (dist/chinese-days.json)
// maps each date of a holiday ("holidays", weekend days included) and each 调休 working day
// ("workdays") to "English name,中文名,days". The package holds the years 2004 to the latest schedule
// published when it was released (2026 in 1.5.7); a new year arrives with a new version of it, or is
// entered by 信息中心 on the 工作日历 page.

/** The package the calendar is imported from. */
export const CALENDAR_PACKAGE = "chinese-days";

/** The installed version of it (package.json pins it exactly), stored with every imported row. */
export const CALENDAR_PACKAGE_VERSION: string = packageJson.version;

/** One exception as CalendarDay stores it: date "YYYY-MM-DD" (Asia/Shanghai), kind, the holiday's Chinese name. */
export type PackageCalendarDay = { date: string; kind: CalendarDayKind; name: string };

// "Spring Festival,春节,4" → 春节. A value not in that shape is kept whole rather than lost.
function chineseName(value: string): string {
  const parts = value.split(",");
  return parts.length >= 3 ? parts[parts.length - 2].trim() : value.trim();
}

function exceptionsOf(): Map<number, PackageCalendarDay[]> {
  const byYear = new Map<number, PackageCalendarDay[]>();
  const add = (date: string, kind: CalendarDayKind, value: string) => {
    // Only exceptions are stored: a holiday's weekend days are weekends anyway, and a 调休 day is
    // by definition a weekend day.
    if ((kind === "HOLIDAY") === isWeekend(date)) return;
    const year = Number(date.slice(0, 4));
    if (!byYear.has(year)) byYear.set(year, []);
    byYear.get(year)!.push({ date, kind, name: chineseName(value) });
  };
  for (const [date, value] of Object.entries(schedule.holidays as Record<string, string>)) add(date, "HOLIDAY", value);
  for (const [date, value] of Object.entries(schedule.workdays as Record<string, string>)) add(date, "WORKDAY", value);
  for (const days of byYear.values()) days.sort((a, b) => a.date.localeCompare(b.date));
  return byYear;
}

// The JSON is read once per process; the answers below are copies.
let cached: Map<number, PackageCalendarDay[]> | undefined;
const exceptions = () => (cached ??= exceptionsOf());

/** The years the package has a schedule for, ascending (2004–2026 in 1.5.7). */
export function packageYears(): number[] {
  return [...exceptions().keys()].sort((a, b) => a - b);
}

/**
 * The package's exceptions for `year`, by date: each weekday of a holiday (HOLIDAY) and each 调休上班
 * weekend day (WORKDAY), with the holiday's Chinese name (春节, 国庆节, 中秋…). Empty for a year the
 * package does not hold.
 */
export function packageCalendarDays(year: number): PackageCalendarDay[] {
  return (exceptions().get(year) ?? []).map((day) => ({ ...day }));
}
