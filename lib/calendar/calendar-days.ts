import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { dateOnly, isoDateOnly } from "@/lib/time";
import { CALENDAR_AUDIT_ENTITY, importCalendarYear, type CalendarImportSummary } from "./import-calendar";
import { invalidateWorkingCalendar } from "./loader";
import type { AddCalendarDayInput, RemoveCalendarDayInput } from "./schema";

// 信息中心's changes to the 工作日历 (calendar.manage): add a day, remove one, re-import a year from the
// package. Each runs in one transaction with its audit row (on the year: entity WorkingCalendar, id
// "2026") and then drops the process's cached calendar (./loader.ts).

const DATE_TAKEN = { date: ["calendarDateTaken"] };

function isDateTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function requireCalendarManager(actor: SessionUser): void {
  if (!can(actor.roles, "calendar.manage")) throw new ForbiddenError();
}

/**
 * Adds one day entered by 信息中心 (source MANUAL, created by `actor`): a 放假 on a weekday or a
 * 调休上班 on a weekend (the schema checked which). Returns its id. Throws ForbiddenError without
 * calendar.manage, DomainError("invalidInput") with { date: ["calendarDateTaken"] } when the date is
 * in the calendar already (remove it first), also when two requests add it at once.
 */
export async function addCalendarDay(actor: SessionUser, input: AddCalendarDayInput): Promise<{ id: string }> {
  requireCalendarManager(actor);
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.calendarDay.findUnique({ where: { date: dateOnly(input.date) }, select: { id: true } })) {
        throw new DomainError("invalidInput", DATE_TAKEN);
      }
      const day = await tx.calendarDay.create({
        data: { date: dateOnly(input.date), kind: input.kind, name: input.name, source: "MANUAL", createdById: actor.id },
        select: { id: true },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "calendar.addDay",
        entity: CALENDAR_AUDIT_ENTITY,
        entityId: input.date.slice(0, 4),
        after: { date: input.date, kind: input.kind, name: input.name, source: "MANUAL" },
      });
      return day;
    });
  } catch (error) {
    if (isDateTaken(error)) throw new DomainError("invalidInput", DATE_TAKEN);
    throw error;
  } finally {
    invalidateWorkingCalendar();
  }
}

/**
 * Removes one day (package or 信息中心's): the date becomes an ordinary day of its weekday. The
 * audit row keeps what it was. Throws ForbiddenError without calendar.manage, NotFoundError when the
 * day is not (or no longer) in the calendar.
 */
export async function removeCalendarDay(actor: SessionUser, input: RemoveCalendarDayInput): Promise<{ date: string }> {
  requireCalendarManager(actor);
  try {
    return await prisma.$transaction(async (tx) => {
      const day = await tx.calendarDay.findUnique({ where: { id: input.id } });
      if (!day) throw new NotFoundError();
      const { count } = await tx.calendarDay.deleteMany({ where: { id: day.id } });
      if (count === 0) throw new NotFoundError();
      const date = isoDateOnly(day.date);
      await writeAudit(tx, {
        actorId: actor.id,
        action: "calendar.removeDay",
        entity: CALENDAR_AUDIT_ENTITY,
        entityId: date.slice(0, 4),
        before: { date, kind: day.kind, name: day.name, source: day.source },
      });
      return { date };
    });
  } finally {
    invalidateWorkingCalendar();
  }
}

/**
 * 从软件包重新导入 `year` (./import-calendar.ts, importCalendarYear: package days restored or updated,
 * 信息中心's own days kept). Throws ForbiddenError without calendar.manage and
 * DomainError("calendarYearNotInPackage") for a year the package does not hold.
 */
export async function reimportCalendarYear(actor: SessionUser, year: number): Promise<CalendarImportSummary> {
  requireCalendarManager(actor);
  try {
    return await importCalendarYear(prisma, year, actor.id);
  } finally {
    invalidateWorkingCalendar();
  }
}
