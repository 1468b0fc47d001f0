import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CALENDAR_PACKAGE_VERSION, packageCalendarDays, packageYears } from "@/lib/calendar/package-calendar";
import { addCalendarDaySchema } from "@/lib/calendar/schema";
import { isWeekend } from "@/lib/calendar/working-days";
import { officialExceptions } from "../fixtures/state-council-schedules";

// The chinese-days package, held to the State Council's own schedules (tests/fixtures) rather than trusted.
describe("the chinese-days package", () => {
  it("is pinned exactly, and the installed copy is that version", () => {
    const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
    expect(manifest.dependencies["chinese-days"]).toBe("1.5.7");
    expect(CALENDAR_PACKAGE_VERSION).toBe("1.5.7");
  });

  it("holds every year from 2004 to 2026", () => {
    expect(packageYears()).toEqual(Array.from({ length: 2026 - 2004 + 1 }, (_, i) => 2004 + i));
  });

  it.each([2025, 2026] as const)("agrees with the State Council's %i schedule, day by day, with the holiday's name", (year) => {
    const official = officialExceptions(year);
    const imported = packageCalendarDays(year);
    expect(imported.map((d) => [d.date, d.kind])).toEqual(official.map((d) => [d.date, d.kind]));
    // The package names the holiday as the notice does (清明 for 清明节; 2025's 10-06 is 中秋 within 国庆节、中秋节).
    imported.forEach((day, i) => expect(official[i].holiday, day.date).toContain(day.name));
  });

  it("gives only exceptions: holidays on Monday–Friday and 调休 days on weekends, each one the schema would accept", () => {
    for (const year of packageYears()) {
      const days = packageCalendarDays(year);
      expect(days.length, String(year)).toBeGreaterThan(0);
      expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
      for (const day of days) {
        expect(day.date.startsWith(String(year))).toBe(true);
        expect(isWeekend(day.date), day.date).toBe(day.kind === "WORKDAY");
        expect(addCalendarDaySchema.safeParse(day).success, day.date).toBe(true);
      }
    }
  });

  it("returns copies: changing an answer does not change the next one", () => {
    packageCalendarDays(2026)[0].name = "改过";
    expect(packageCalendarDays(2026)[0].name).toBe("元旦");
  });
});

describe("the add-a-day schema", () => {
  const parse = (input: Record<string, unknown>) => {
    const result = addCalendarDaySchema.safeParse(input);
    return result.success ? "ok" : result.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
  };

  it("takes a holiday on a weekday and a 调休 day on a weekend, with a cleaned name", () => {
    expect(parse({ date: "2027-02-08", kind: "HOLIDAY", name: "春节" })).toBe("ok");
    expect(parse({ date: "2027-02-06", kind: "WORKDAY", name: " 春节\u200B" })).toBe("ok");
    expect(addCalendarDaySchema.parse({ date: "2027-02-06", kind: "WORKDAY", name: " 春节\u200B" }).name).toBe("春节");
  });

  it("refuses a holiday on a weekend and a 调休 day on a weekday, on the date", () => {
    expect(parse({ date: "2027-02-06", kind: "HOLIDAY", name: "春节" })).toEqual(["date:calendarHolidayOnWeekend"]);
    expect(parse({ date: "2027-02-08", kind: "WORKDAY", name: "春节" })).toEqual(["date:calendarWorkdayOnWeekday"]);
  });

  it("refuses bad dates, years outside 2000–2099, unknown kinds and empty or long names", () => {
    expect(parse({ date: "2027-02-30", kind: "HOLIDAY", name: "春节" })).toEqual(["date:dateInvalid"]);
    expect(parse({ date: "1999-12-31", kind: "HOLIDAY", name: "元旦" })).toEqual(["date:calendarDateRange"]);
    expect(parse({ date: "2100-01-01", kind: "HOLIDAY", name: "元旦" })).toEqual(["date:calendarDateRange"]);
    expect(parse({ date: "", kind: "HOLIDAY", name: "元旦" })).toEqual(["date:required"]);
    expect(parse({ date: "2027-02-08", kind: "OFF", name: "春节" })).toEqual(["kind:invalidChoice"]);
    expect(parse({ date: "2027-02-08", kind: "HOLIDAY", name: "\u200B " })).toEqual(["name:required"]);
    expect(parse({ date: "2027-02-08", kind: "HOLIDAY", name: "节".repeat(31) })).toEqual(["name:tooLong"]);
  });
});
