import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getAuditTrail } from "@/lib/audit/queries";
import { fillCalendarFromPackage } from "@/lib/calendar/import-calendar";
import { CALENDAR_CACHE_MS, getWorkingCalendar, invalidateWorkingCalendar } from "@/lib/calendar/loader";
import { CALENDAR_PACKAGE_VERSION, packageCalendarDays, packageYears } from "@/lib/calendar/package-calendar";
import { getCalendarYear } from "@/lib/calendar/queries";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "@/lib/calendar/working-days";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { dateOnly, isoDateOnly } from "@/lib/time";
import { officialExceptions } from "../fixtures/state-council-schedules";
import { createUser } from "./fixtures";

// 工作日历 (issue 9 §1): the import from chinese-days, 信息中心's add / remove / re-import through the real
// server actions (only "who is signed in" and Next's cache swapped out), and the cached loader.
//
// The calendar is one table for everyone, so each test keeps to its own years: 2025 and 2026 are only
// read (2025 briefly loses a day it gets back), 2024 is re-imported and corrected, 2086–2089 are where days are added (the action fuzz test adds
// in 2090 and later and re-imports 2004).
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { addCalendarDayAction, removeCalendarDayAction, importCalendarYearAction } = await import("@/app/(app)/calendar/actions");

const ROLES: Role[] = ["CONSULTANT", "DOCUMENT_OFFICER", "MANAGER", "FINANCE", "ARCHIVIST", "ADMIN_SECRETARY", "IT_ADMIN"];

const yearRows = (year: number) =>
  prisma.calendarDay.findMany({ where: { date: { gte: dateOnly(`${year}-01-01`), lt: dateOnly(`${year + 1}-01-01`) } }, orderBy: { date: "asc" } });
const snapshot = async (year: number) =>
  (await yearRows(year)).map((r) => ({ date: isoDateOnly(r.date), kind: r.kind, name: r.name, source: r.source, id: r.id }));
const idOf = async (date: string) => (await prisma.calendarDay.findUniqueOrThrow({ where: { date: dateOnly(date) } })).id;

let it_: SessionUser;

beforeAll(async () => {
  await fillCalendarFromPackage(prisma);
  it_ = await createUser(["IT_ADMIN"], { name: "日历信息中心" });
});

describe("the import from chinese-days", () => {
  it("has imported every year of the package once; running it again imports nothing", async () => {
    expect(await fillCalendarFromPackage(prisma)).toEqual([]);
    const years = (await prisma.calendarYear.findMany({ orderBy: { year: "asc" } })).map((y) => y.year);
    expect(years).toEqual(expect.arrayContaining(packageYears()));
    const audited = await prisma.auditLog.count({ where: { entity: "WorkingCalendar", entityId: "2026", action: "calendar.importYear" } });
    expect(audited).toBe(1);
  });

  it.each([2025, 2026] as const)("holds the State Council's %i schedule in the table", async (year) => {
    const rows = await yearRows(year);
    expect(rows.map((r) => [isoDateOnly(r.date), r.kind])).toEqual(officialExceptions(year).map((d) => [d.date, d.kind]));
    for (const row of rows) expect(row).toMatchObject({ source: "PACKAGE", packageVersion: CALENDAR_PACKAGE_VERSION, createdById: null });
  });

  it("gives the loader the official working days: 7 from 2025-09-26 to 2025-10-13, 5 after 2026-02-12 is 2026-02-26", async () => {
    const calendar = await getWorkingCalendar();
    expect(workingDaysBetween("2025-09-26", "2025-10-13", calendar)).toBe(7);
    expect(addWorkingDays("2026-02-12", 5, calendar)).toBe("2026-02-26");
    expect(addWorkingDays("2025-12-31", 1, calendar)).toBe("2026-01-04");
  });

  it("fills a year not yet imported around the days 信息中心 entered in it, and never again after", async () => {
    // 2024 as if the package had only now brought it, after 信息中心 had entered 国庆节 itself.
    await prisma.calendarDay.deleteMany({ where: { date: { gte: dateOnly("2024-01-01"), lt: dateOnly("2025-01-01") } } });
    await prisma.calendarYear.delete({ where: { year: 2024 } });
    session.user = it_;
    expect(await addCalendarDayAction({ date: "2024-10-01", kind: "HOLIDAY", name: "国庆节（信息中心）" })).toMatchObject({ ok: true });

    expect(await fillCalendarFromPackage(prisma)).toEqual([2024]);
    const rows = await snapshot(2024);
    expect(rows.map((r) => r.date)).toEqual(packageCalendarDays(2024).map((d) => d.date));
    expect(rows.find((r) => r.date === "2024-10-01")).toMatchObject({ source: "MANUAL", name: "国庆节（信息中心）" });
    expect(rows.filter((r) => r.source === "MANUAL")).toHaveLength(1);

    // 信息中心 then corrects the year: removes a package day and adds a day of its own.
    expect(await removeCalendarDayAction({ id: await idOf("2024-02-12") })).toMatchObject({ ok: true });
    expect(await addCalendarDayAction({ date: "2024-03-08", kind: "HOLIDAY", name: "公司假日" })).toMatchObject({ ok: true });
    const corrected = await snapshot(2024);
    expect(await fillCalendarFromPackage(prisma)).toEqual([]);
    expect(await snapshot(2024)).toEqual(corrected);
  });

  it("re-imports a year for 信息中心: restores and updates package days, removes stale ones, keeps 信息中心's, and is idempotent", async () => {
    session.user = it_;
    await prisma.calendarDay.deleteMany({ where: { date: { in: [dateOnly("2024-02-12"), dateOnly("2024-03-08"), dateOnly("2024-07-01")] } } });
    await prisma.calendarDay.update({ where: { date: dateOnly("2024-05-01") }, data: { name: "错的名字" } });
    // A row an older package version had and this one does not.
    await prisma.calendarDay.create({ data: { date: dateOnly("2024-07-01"), kind: "HOLIDAY", name: "旧数据", source: "PACKAGE", packageVersion: "0.0.1" } });
    await prisma.calendarDay.upsert({
      where: { date: dateOnly("2024-10-01") },
      create: { date: dateOnly("2024-10-01"), kind: "HOLIDAY", name: "国庆节（信息中心）", source: "MANUAL", createdById: it_.id },
      update: { name: "国庆节（信息中心）", source: "MANUAL", packageVersion: null, createdById: it_.id },
    });
    await prisma.calendarDay.create({ data: { date: dateOnly("2024-03-08"), kind: "HOLIDAY", name: "公司假日", source: "MANUAL", createdById: it_.id } });

    const first = await importCalendarYearAction({ year: 2024 });
    expect(first).toEqual({ ok: true, data: { year: 2024, added: 1, updated: 1, removed: 1, kept: 1 } });
    const rows = await snapshot(2024);
    expect(rows.find((r) => r.date === "2024-02-12")).toMatchObject({ source: "PACKAGE", name: "春节" });
    expect(rows.find((r) => r.date === "2024-05-01")).toMatchObject({ source: "PACKAGE", name: "劳动节" });
    expect(rows.find((r) => r.date === "2024-07-01")).toBeUndefined();
    expect(rows.find((r) => r.date === "2024-10-01")).toMatchObject({ source: "MANUAL", name: "国庆节（信息中心）" });
    expect(rows.find((r) => r.date === "2024-03-08")).toMatchObject({ source: "MANUAL", name: "公司假日" });
    const restored = await prisma.calendarDay.findUniqueOrThrow({ where: { date: dateOnly("2024-02-12") } });
    expect(restored.createdById).toBe(it_.id);
    expect(await prisma.calendarYear.findUniqueOrThrow({ where: { year: 2024 } })).toMatchObject({ importedById: it_.id, packageVersion: CALENDAR_PACKAGE_VERSION });

    expect(await importCalendarYearAction({ year: 2024 })).toEqual({ ok: true, data: { year: 2024, added: 0, updated: 0, removed: 0, kept: 1 } });
    expect(await snapshot(2024)).toEqual(rows);

    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entity: "WorkingCalendar", entityId: "2024", action: "calendar.importYear", actorId: it_.id },
      orderBy: { id: "asc" },
    });
    expect(audit.after).toEqual({ packageVersion: CALENDAR_PACKAGE_VERSION, added: 1, updated: 1, removed: 1, kept: 1 });
  });

  it("refuses to re-import a year the package does not hold, or outside 2000–2099", async () => {
    session.user = it_;
    expect(await importCalendarYearAction({ year: 2089 })).toEqual({ ok: false, formError: "calendarYearNotInPackage" });
    expect(await importCalendarYearAction({ year: 1999 })).toEqual({ ok: false, formError: "invalidInput", fieldErrors: { year: ["calendarYearRange"] } });
    expect(await prisma.calendarYear.findUnique({ where: { year: 2089 } })).toBeNull();
  });
});

describe("信息中心's changes", () => {
  it.each(ROLES)("add, remove and re-import as %s: only 信息中心 may", async (role) => {
    session.user = await createUser([role]);
    const date = "2086-06-04";
    const added = await addCalendarDayAction({ date, kind: "HOLIDAY", name: "测试假日" });
    const day = await prisma.calendarDay.findUnique({ where: { date: dateOnly(date) } });
    const victim = await prisma.calendarDay.findUniqueOrThrow({ where: { date: dateOnly("2025-10-08") } });
    const removed = await removeCalendarDayAction({ id: victim.id });
    const reimported = await importCalendarYearAction({ year: 2026 });
    if (role === "IT_ADMIN") {
      expect(added).toMatchObject({ ok: true });
      expect(day).toMatchObject({ kind: "HOLIDAY", name: "测试假日", source: "MANUAL", createdById: session.user.id });
      expect(removed).toEqual({ ok: true, data: { date: "2025-10-08" } });
      expect(reimported).toMatchObject({ ok: true });
      // Put 2025 back as it was for the tests that read it, and take the test day away again.
      expect(await importCalendarYearAction({ year: 2025 })).toMatchObject({ ok: true, data: { added: 1 } });
      expect(await removeCalendarDayAction({ id: day!.id })).toMatchObject({ ok: true });
    } else {
      for (const result of [added, removed, reimported]) expect(result).toEqual({ ok: false, formError: "forbidden" });
      expect(day).toBeNull();
      expect(await prisma.calendarDay.findUnique({ where: { id: victim.id } })).not.toBeNull();
    }
  });

  it("answers a date already in the calendar with a field error on the date, also when two add it at once", async () => {
    session.user = it_;
    const taken = { ok: false, formError: "invalidInput", fieldErrors: { date: ["calendarDateTaken"] } };
    expect(await addCalendarDayAction({ date: "2087-06-02", kind: "HOLIDAY", name: "端午节" })).toMatchObject({ ok: true });
    expect(await addCalendarDayAction({ date: "2087-06-02", kind: "HOLIDAY", name: "别的名字" })).toEqual(taken);
    // A package day is taken just the same.
    expect(await addCalendarDayAction({ date: "2026-10-07", kind: "HOLIDAY", name: "国庆节" })).toEqual(taken);

    const both = await Promise.all([
      addCalendarDayAction({ date: "2087-06-07", kind: "WORKDAY", name: "端午节" }),
      addCalendarDayAction({ date: "2087-06-07", kind: "WORKDAY", name: "端午节" }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok)).toEqual([taken]);
    expect(await prisma.calendarDay.count({ where: { date: dateOnly("2087-06-07") } })).toBe(1);
    expect((await prisma.calendarDay.findUniqueOrThrow({ where: { date: dateOnly("2087-06-02") } })).name).toBe("端午节");
  });

  it("refuses a 放假 on a weekend and a 调休上班 on a weekday, and writes nothing", async () => {
    session.user = it_;
    const before = await prisma.auditLog.count();
    expect(await addCalendarDayAction({ date: "2088-03-06", kind: "HOLIDAY", name: "周末" })).toEqual({
      ok: false,
      formError: "invalidInput",
      fieldErrors: { date: ["calendarHolidayOnWeekend"] },
    });
    expect(await addCalendarDayAction({ date: "2088-03-01", kind: "WORKDAY", name: "周一" })).toEqual({
      ok: false,
      formError: "invalidInput",
      fieldErrors: { date: ["calendarWorkdayOnWeekday"] },
    });
    expect(await prisma.calendarDay.count({ where: { date: { in: [dateOnly("2088-03-06"), dateOnly("2088-03-01")] } } })).toBe(0);
    expect(await prisma.auditLog.count()).toBe(before);
  });

  it("the database itself refuses a row that breaks the rule", async () => {
    await expect(
      prisma.calendarDay.create({ data: { date: dateOnly("2088-03-07"), kind: "HOLIDAY", name: "周日", source: "MANUAL" } }),
    ).rejects.toThrow();
    await expect(
      prisma.calendarDay.create({ data: { date: dateOnly("2088-03-02"), kind: "HOLIDAY", name: "无版本", source: "PACKAGE" } }),
    ).rejects.toThrow();
  });

  it("audits an addition and a removal on the year, with what the day was, and shows them to 信息中心 only", async () => {
    session.user = it_;
    const added = await addCalendarDayAction({ date: "2088-03-02", kind: "HOLIDAY", name: "公司假日" });
    if (!added.ok) throw new Error("setup failed");
    expect(await removeCalendarDayAction({ id: added.data.id })).toEqual({ ok: true, data: { date: "2088-03-02" } });
    expect(await removeCalendarDayAction({ id: added.data.id })).toEqual({ ok: false, formError: "notFound" });

    const trail = await getAuditTrail(it_, "WorkingCalendar", "2088");
    expect(trail.map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([
      ["calendar.removeDay", it_.id, { date: "2088-03-02", kind: "HOLIDAY", name: "公司假日", source: "MANUAL" }, null],
      ["calendar.addDay", it_.id, null, { date: "2088-03-02", kind: "HOLIDAY", name: "公司假日", source: "MANUAL" }],
    ]);
    expect(await getAuditTrail(await createUser(["MANAGER", "CONSULTANT"]), "WorkingCalendar", "2088")).toEqual([]);
  });

  it("shows a year to 信息中心 with its counts, source and the years to pick from; to nobody else", async () => {
    const view = await getCalendarYear(it_, 2025);
    expect(view).toMatchObject({ year: 2025, holidays: 18, workdays: 5, workingDays: 248, inPackage: true });
    expect(view!.imported).toMatchObject({ packageVersion: CALENDAR_PACKAGE_VERSION });
    expect(view!.years).toEqual(expect.arrayContaining([2004, 2025, 2026, 2027]));
    expect(view!.days[0]).toMatchObject({ date: "2025-01-01", kind: "HOLIDAY", name: "元旦", source: "PACKAGE", createdBy: null });
    expect(await getCalendarYear(await createUser(["FINANCE"]), 2025)).toBeNull();
  });
});

describe("the loader", () => {
  it("sees 信息中心's change at once, and a change behind its back once its cache has expired", async () => {
    session.user = it_;
    const date = "2089-03-01";
    expect(isWorkingDay(date, await getWorkingCalendar())).toBe(true);

    const added = await addCalendarDayAction({ date, kind: "HOLIDAY", name: "公司假日" });
    if (!added.ok) throw new Error("setup failed");
    const withHoliday = await getWorkingCalendar();
    expect(isWorkingDay(date, withHoliday)).toBe(false);
    expect(addWorkingDays("2089-02-28", 1, withHoliday)).toBe("2089-03-02");

    expect(await removeCalendarDayAction({ id: added.data.id })).toMatchObject({ ok: true });
    expect(isWorkingDay(date, await getWorkingCalendar())).toBe(true);

    // Written straight to the table (another instance, say): this process keeps its copy for a while.
    await prisma.calendarDay.create({ data: { date: dateOnly(date), kind: "HOLIDAY", name: "别处录入", source: "MANUAL" } });
    expect(isWorkingDay(date, await getWorkingCalendar())).toBe(true);
    expect(isWorkingDay(date, await getWorkingCalendar(Date.now() + CALENDAR_CACHE_MS))).toBe(false);
    await prisma.calendarDay.delete({ where: { date: dateOnly(date) } });
    invalidateWorkingCalendar();
  });

  it("reads the table once for callers that ask together", async () => {
    const later = Date.now() + 10 * CALENDAR_CACHE_MS;
    const [a, b] = await Promise.all([getWorkingCalendar(later), getWorkingCalendar(later)]);
    expect(a).toBe(b);
    invalidateWorkingCalendar();
  });
});
