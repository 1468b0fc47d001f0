import { writeAudit } from "@/lib/audit/audit";
import { DomainError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dateOnly, isoDateOnly } from "@/lib/time";
import { CALENDAR_PACKAGE, CALENDAR_PACKAGE_VERSION, packageCalendarDays, packageYears } from "./package-calendar";

// Filling the CalendarDay table from the chinese-days package (./package-calendar.ts). No "server-only":
// the seed (prisma/seed/demo.ts) and `npm start` (scripts/start.ts) run it outside Next.js, with their
// own client. Every import writes one audit row on the year (entity WorkingCalendar, id "2026"), which
// the 工作日历 page shows in its 修改记录.

/** The audited record of the calendar: one year of it. */
export const CALENDAR_AUDIT_ENTITY = "WorkingCalendar";

/** What a re-import did to a year, in days. `kept`: days 信息中心 entered where the package has one too. */
export type CalendarImportSummary = { year: number; added: number; updated: number; removed: number; kept: number };

const yearRange = (year: number) => ({ gte: dateOnly(`${year}-01-01`), lt: dateOnly(`${year + 1}-01-01`) });

/**
 * Imports every year the package holds that the table has not imported yet (no CalendarYear row),
 * and returns those years. A date the table already has (信息中心 entered it) is left as it is, and a
 * year imported before is never touched again, so whatever 信息中心 removed or entered stays so.
 * Safe to run at every start of every instance: each year is claimed by inserting its CalendarYear
 * row, so two instances starting together import it once. Audited with no actor (the system).
 */
export async function fillCalendarFromPackage(db: PrismaClient): Promise<number[]> {
  const done = new Set((await db.calendarYear.findMany({ select: { year: true } })).map((row) => row.year));
  const imported: number[] = [];
  for (const year of packageYears().filter((y) => !done.has(y))) {
    const claimed = await db.$transaction(async (tx) => {
      const claim = await tx.calendarYear.createMany({ data: [{ year, packageVersion: CALENDAR_PACKAGE_VERSION }], skipDuplicates: true });
      if (claim.count === 0) return false;
      const days = packageCalendarDays(year);
      const created = await tx.calendarDay.createMany({
        data: days.map((d) => ({ date: dateOnly(d.date), kind: d.kind, name: d.name, source: "PACKAGE" as const, packageVersion: CALENDAR_PACKAGE_VERSION })),
        skipDuplicates: true,
      });
      await writeAudit(tx, {
        actorId: null,
        action: "calendar.importYear",
        entity: CALENDAR_AUDIT_ENTITY,
        entityId: String(year),
        after: { packageVersion: CALENDAR_PACKAGE_VERSION, added: created.count, updated: 0, removed: 0, kept: days.length - created.count },
      });
      return true;
    });
    if (claimed) imported.push(year);
  }
  return imported;
}

/** A line for the logs of the seed and of `npm start`: which years fillCalendarFromPackage imported. */
export function describeCalendarImport(years: readonly number[]): string {
  if (years.length === 0) return `Working-day calendar: every year of ${CALENDAR_PACKAGE} ${CALENDAR_PACKAGE_VERSION} is in already.`;
  const span = years.length === 1 ? String(years[0]) : `${years[0]}–${years.at(-1)}`;
  return `Working-day calendar: imported ${years.length} year(s) (${span}) from ${CALENDAR_PACKAGE} ${CALENDAR_PACKAGE_VERSION}.`;
}

/**
 * 信息中心's 从软件包重新导入 of `year`: the year's package rows become the package's schedule again —
 * package days missing from the table are added (also ones 信息中心 removed), package rows that differ
 * from it are updated, package rows it no longer has are removed (after a package upgrade) — while every
 * day 信息中心 entered stays as it is, even where the package has the same date. Records the year as
 * imported by `actorId`, with one audit row. Throws DomainError("calendarYearNotInPackage") for a year
 * the package does not hold.
 */
export async function importCalendarYear(db: PrismaClient, year: number, actorId: string): Promise<CalendarImportSummary> {
  const days = packageCalendarDays(year);
  if (days.length === 0) throw new DomainError("calendarYearNotInPackage");
  return db.$transaction(async (tx) => {
    // Serialises re-imports of the same year (and the start-up fill) on the year's row.
    await tx.calendarYear.upsert({
      where: { year },
      create: { year, packageVersion: CALENDAR_PACKAGE_VERSION, importedById: actorId },
      update: { packageVersion: CALENDAR_PACKAGE_VERSION, importedById: actorId, importedAt: new Date() },
    });
    const existing = new Map(
      (await tx.calendarDay.findMany({ where: { date: yearRange(year) } })).map((row) => [isoDateOnly(row.date), row] as const),
    );
    const summary: CalendarImportSummary = { year, added: 0, updated: 0, removed: 0, kept: 0 };
    const fromPackage = { source: "PACKAGE" as const, packageVersion: CALENDAR_PACKAGE_VERSION, createdById: actorId };
    for (const day of days) {
      const row = existing.get(day.date);
      existing.delete(day.date);
      if (!row) {
        await tx.calendarDay.create({ data: { date: dateOnly(day.date), kind: day.kind, name: day.name, ...fromPackage } });
        summary.added += 1;
      } else if (row.source === "MANUAL") {
        summary.kept += 1;
      } else if (row.kind !== day.kind || row.name !== day.name || row.packageVersion !== CALENDAR_PACKAGE_VERSION) {
        await tx.calendarDay.update({ where: { id: row.id }, data: { kind: day.kind, name: day.name, ...fromPackage, createdAt: new Date() } });
        summary.updated += 1;
      }
    }
    const stale = [...existing.values()].filter((row) => row.source === "PACKAGE").map((row) => row.id);
    if (stale.length > 0) summary.removed = (await tx.calendarDay.deleteMany({ where: { id: { in: stale } } })).count;
    const { year: _year, ...counts } = summary;
    await writeAudit(tx, {
      actorId,
      action: "calendar.importYear",
      entity: CALENDAR_AUDIT_ENTITY,
      entityId: String(year),
      after: { packageVersion: CALENDAR_PACKAGE_VERSION, ...counts },
    });
    return summary;
  });
}
