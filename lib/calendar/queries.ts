import "server-only";
import { prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { dateOnly, isoDateOnly, shanghaiToday } from "@/lib/time";
import { CALENDAR_PACKAGE_VERSION, packageYears } from "./package-calendar";
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from "./schema";
import { createWorkingCalendar, workingDaysBetween } from "./working-days";

// The 工作日历 page's reads (calendar.manage). Working days themselves are counted from
// ./loader.ts's cached calendar; this is the table as 信息中心 edits it.

/** One day as the page lists it: date YYYY-MM-DD (Asia/Shanghai), who entered or re-imported it (null: the system) and when (UTC). */
export type CalendarDayRow = {
  id: string;
  date: string;
  kind: "HOLIDAY" | "WORKDAY";
  name: string;
  source: "PACKAGE" | "MANUAL";
  packageVersion: string | null;
  createdBy: string | null;
  createdAt: Date;
};

/**
 * One year of the calendar for 信息中心, or null without calendar.manage: its days by date (with who
 * entered or imported each, and when), how many of each kind and the year's working days, whether and
 * when the year was imported from the package, whether the installed package holds it, and the years
 * the year picker offers (those in the table or the package, and up to next year).
 */
export async function getCalendarYear(user: SessionUser, year: number) {
  if (!can(user.roles, "calendar.manage")) return null;
  const range = { gte: dateOnly(`${year}-01-01`), lt: dateOnly(`${year + 1}-01-01`) };
  const [rows, imported, bounds] = await Promise.all([
    prisma.calendarDay.findMany({ where: { date: range }, orderBy: { date: "asc" }, include: { createdBy: { select: { name: true } } } }),
    prisma.calendarYear.findUnique({ where: { year }, include: { importedBy: { select: { name: true } } } }),
    prisma.calendarDay.aggregate({ _min: { date: true }, _max: { date: true } }),
  ]);
  const days: CalendarDayRow[] = rows.map((r) => ({
    id: r.id,
    date: isoDateOnly(r.date),
    kind: r.kind,
    name: r.name,
    source: r.source,
    packageVersion: r.packageVersion,
    createdBy: r.createdBy?.name ?? null,
    createdAt: r.createdAt,
  }));
  const inPackage = packageYears();
  const thisYear = Number(shanghaiToday().slice(0, 4));
  const yearOf = (d: Date | null) => (d ? d.getUTCFullYear() : null);
  const first = Math.max(CALENDAR_FIRST_YEAR, Math.min(inPackage[0] ?? thisYear, yearOf(bounds._min.date) ?? thisYear, year));
  const last = Math.min(CALENDAR_LAST_YEAR, Math.max(inPackage.at(-1) ?? thisYear, yearOf(bounds._max.date) ?? thisYear, thisYear + 1, year));
  return {
    year,
    days,
    holidays: days.filter((d) => d.kind === "HOLIDAY").length,
    workdays: days.filter((d) => d.kind === "WORKDAY").length,
    workingDays: workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`, createWorkingCalendar(days)),
    imported: imported ? { packageVersion: imported.packageVersion, at: imported.importedAt, by: imported.importedBy?.name ?? null } : null,
    inPackage: inPackage.includes(year),
    packageVersion: CALENDAR_PACKAGE_VERSION,
    years: Array.from({ length: last - first + 1 }, (_, i) => first + i),
  };
}
