import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  WEEKDAYS_ONLY,
  addWorkingDays,
  createWorkingCalendar,
  isWeekend,
  isWorkingDay,
  isoWeekday,
  workingDaysBetween,
  type WorkingCalendar,
} from "@/lib/calendar/working-days";
import { STATE_COUNCIL_SCHEDULES, officialDays } from "../fixtures/state-council-schedules";

// The calendar of the State Council's own 2025 and 2026 schedules (tests/fixtures), given whole: every
// day off, weekend days included, and every 调休上班 day.
const OFFICIAL = createWorkingCalendar([...officialDays(2025), ...officialDays(2026)]);
const add = (date: string, n: number) => addWorkingDays(date, n, OFFICIAL);
const between = (a: string, b: string) => workingDaysBetween(a, b, OFFICIAL);

describe("weekdays of calendar dates", () => {
  it.each([
    ["1970-01-01", 4],
    ["2000-02-29", 2],
    ["2025-01-26", 7],
    ["2025-02-08", 6],
    ["2026-02-12", 4],
    ["2026-02-14", 6],
    ["2026-09-20", 7],
    ["2026-10-10", 6],
    ["1900-03-01", 4],
    ["0001-01-01", 1],
    ["9999-12-31", 5],
  ])("%s is ISO weekday %i", (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
    expect(isWeekend(date)).toBe(weekday >= 6);
  });

  it.each(["2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "20250101", "2025-1-1", "", "0000-01-01", " 2025-01-01"])(
    "refuses %j with a RangeError",
    (date) => {
      expect(() => isoWeekday(date)).toThrow(RangeError);
      expect(() => isWorkingDay(date, OFFICIAL)).toThrow(RangeError);
      expect(() => addWorkingDays(date, 1, OFFICIAL)).toThrow(RangeError);
      expect(() => workingDaysBetween(date, "2025-01-01", OFFICIAL)).toThrow(RangeError);
      expect(() => createWorkingCalendar([{ date, kind: "HOLIDAY" }])).toThrow(RangeError);
    },
  );

  it("refuses a count that is not a safe integer", () => {
    for (const n of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => addWorkingDays("2026-01-05", n, OFFICIAL)).toThrow(RangeError);
    }
  });
});

describe("the State Council's 2025 and 2026 schedules", () => {
  it.each([2025, 2026] as const)("%i: every day off is no working day, every 调休 day is one", (year) => {
    for (const holiday of STATE_COUNCIL_SCHEDULES[year]) {
      for (const day of officialDays(year).filter((d) => d.holiday === holiday.name)) {
        expect(isWorkingDay(day.date, OFFICIAL), `${holiday.name} ${day.date}`).toBe(day.kind === "WORKDAY");
      }
    }
  });

  it("counts 248 working days in 2025 and in 2026 (261 weekdays, 18 and 19 of them off, 5 and 6 weekend days worked)", () => {
    expect(between("2024-12-31", "2025-12-31")).toBe(261 - 18 + 5);
    expect(between("2025-12-31", "2026-12-31")).toBe(261 - 19 + 6);
  });

  it("5 working days after Thursday 2026-02-12 are Fri 13, Sat 14 (调休), then Tue 24 to Thu 26 after 春节", () => {
    expect([1, 2, 3, 4, 5].map((n) => add("2026-02-12", n))).toEqual(["2026-02-13", "2026-02-14", "2026-02-24", "2026-02-25", "2026-02-26"]);
    expect(between("2026-02-12", "2026-02-26")).toBe(5);
    // The second 调休 Saturday of 春节 counts too.
    expect(add("2026-02-26", 2)).toBe("2026-02-28");
  });

  it("counts 7 working days from 2025-09-26 to 2025-10-13 over 国庆节 and 中秋 (Sun 28 Sep and Sat 11 Oct worked)", () => {
    // 9/28 Sun, 9/29, 9/30, then 10/9, 10/10, 10/11 Sat, 10/13.
    expect(between("2025-09-26", "2025-10-13")).toBe(7);
    expect(between("2025-10-13", "2025-09-26")).toBe(-7);
    expect(add("2025-09-26", 7)).toBe("2025-10-13");
    expect(add("2025-09-30", 1)).toBe("2025-10-09");
    expect(add("2025-10-13", -7)).toBe("2025-09-26");
  });

  it("adds across the year boundary: 2025-12-31 + 1 is 2026-01-04 (元旦 off, Sunday 4 January worked)", () => {
    expect(add("2025-12-31", 1)).toBe("2026-01-04");
    expect(add("2025-12-31", 2)).toBe("2026-01-05");
    expect(add("2026-01-05", -2)).toBe("2025-12-31");
    expect(add("2026-01-01", -1)).toBe("2025-12-31");
    expect(between("2025-12-31", "2026-01-05")).toBe(2);
    expect(between("2025-12-26", "2026-01-05")).toBe(5);
  });

  it("2025 春节 and 劳动节: the Sundays 26 January and 27 April are worked", () => {
    expect(add("2025-01-24", 1)).toBe("2025-01-26");
    expect(add("2025-01-27", 1)).toBe("2025-02-05");
    expect(add("2025-02-07", 1)).toBe("2025-02-08");
    expect(add("2025-04-25", 1)).toBe("2025-04-27");
    expect(add("2025-04-30", 1)).toBe("2025-05-06");
  });

  it("2026 劳动节, 中秋 and 国庆节: Sat 9 May, Sun 20 Sep and Sat 10 Oct worked, Fri 25 Sep off", () => {
    expect(add("2026-04-30", 1)).toBe("2026-05-06");
    expect(add("2026-05-08", 1)).toBe("2026-05-09");
    expect(add("2026-09-18", 1)).toBe("2026-09-20");
    expect(add("2026-09-24", 1)).toBe("2026-09-28");
    expect(add("2026-09-30", 1)).toBe("2026-10-08");
    expect(add("2026-10-09", 1)).toBe("2026-10-10");
    // 9/20, 9/21–24, 9/28–30, 10/8, 10/9, 10/10, 10/12.
    expect(between("2026-09-18", "2026-10-12")).toBe(12);
  });

  it("n = 0 is the day itself when it is worked, else the next working day", () => {
    expect(add("2026-02-14", 0)).toBe("2026-02-14");
    expect(add("2026-02-15", 0)).toBe("2026-02-24");
    expect(add("2026-01-01", 0)).toBe("2026-01-04");
    expect(add("2026-01-06", 0)).toBe("2026-01-06");
  });

  it("counts back from a day off from the day before it: Saturday 2026-02-21 − 1 is the 调休 Saturday 2026-02-14", () => {
    expect(add("2026-02-21", -1)).toBe("2026-02-14");
    expect(between("2026-02-21", "2026-02-14")).toBe(-1);
    // Forward from a working day to a day off counts the working days up to it.
    expect(between("2026-02-14", "2026-02-21")).toBe(0);
    // Back over days off only: zero, not minus zero.
    expect(Object.is(between("2026-02-21", "2026-02-16"), 0)).toBe(true);
  });
});

describe("without exceptions", () => {
  it("works Monday to Friday", () => {
    expect(addWorkingDays("2027-03-05", 1, WEEKDAYS_ONLY)).toBe("2027-03-08");
    expect(workingDaysBetween("2027-03-01", "2027-03-08", WEEKDAYS_ONLY)).toBe(5);
    expect(isWorkingDay("2027-03-06", WEEKDAYS_ONLY)).toBe(false);
  });

  it("ignores exceptions that change nothing (a holiday on a weekend, a 调休 day on a weekday)", () => {
    const calendar = createWorkingCalendar([
      { date: "2027-03-06", kind: "HOLIDAY" },
      { date: "2027-03-08", kind: "WORKDAY" },
    ]);
    expect(calendar.exceptions.size).toBe(0);
  });
});

// ---- Properties, on the official calendar and on arbitrary ones ----------------------------------

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);
const SPAN = 365 * 5;
const iso = (offset: number) => new Date(START + offset * DAY).toISOString().slice(0, 10);
const date = fc.integer({ min: 0, max: SPAN }).map(iso);
const count = fc.integer({ min: -400, max: 400 });

// Exceptions anywhere in the span, of either kind (no-ops included).
const calendar: fc.Arbitrary<WorkingCalendar> = fc
  .array(fc.record({ date, kind: fc.constantFrom("HOLIDAY" as const, "WORKDAY" as const) }), { maxLength: 150 })
  .map(createWorkingCalendar);
const anyCalendar = fc.oneof(fc.constant(OFFICIAL), calendar);

// The definition, day by day on JavaScript dates, to hold the implementation to.
function reference(cal: WorkingCalendar) {
  const worked = (d: string) => {
    const day = Date.parse(`${d}T00:00:00Z`) / DAY;
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    return cal.exceptions.get(day) ?? (weekday >= 1 && weekday <= 5);
  };
  return {
    worked,
    between(a: string, b: string): number {
      const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
      // (a, b] forwards, [b, a) backwards: the day arrived at counts, the day started from does not.
      const days = sign === 1 ? daysAfter(lo, hi) : daysBefore(lo, hi);
      // || 0: never -0, which the implementation does not return either.
      return sign * days.filter(worked).length || 0;
    },
  };
}
function daysAfter(lo: string, hi: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${lo}T00:00:00Z`) + DAY; t <= Date.parse(`${hi}T00:00:00Z`); t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
function daysBefore(lo: string, hi: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${lo}T00:00:00Z`); t < Date.parse(`${hi}T00:00:00Z`); t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

describe("working-day properties (fast-check)", () => {
  it("isWorkingDay and workingDaysBetween agree with the day-by-day definition", () => {
    fc.assert(
      fc.property(anyCalendar, date, date, (cal, a, b) => {
        const ref = reference(cal);
        expect(isWorkingDay(a, cal)).toBe(ref.worked(a));
        expect(workingDaysBetween(a, b, cal)).toBe(ref.between(a, b));
      }),
    );
  });

  it("addWorkingDays always lands on a working day, and the count back to it is n (n ≠ 0, or a working start)", () => {
    fc.assert(
      fc.property(anyCalendar, date, count, (cal, d, n) => {
        const result = addWorkingDays(d, n, cal);
        expect(isWorkingDay(result, cal)).toBe(true);
        if (n !== 0 || isWorkingDay(d, cal)) expect(workingDaysBetween(d, result, cal)).toBe(n);
        if (n > 0) expect(result > d).toBe(true);
        if (n < 0) expect(result < d).toBe(true);
      }),
    );
  });

  it("addWorkingDays(a, workingDaysBetween(a, b)) === b whenever b is a working day", () => {
    fc.assert(
      fc.property(anyCalendar, date, date, (cal, a, b) => {
        fc.pre(isWorkingDay(b, cal));
        expect(addWorkingDays(a, workingDaysBetween(a, b, cal), cal)).toBe(b);
      }),
    );
  });

  it("steps one working day at a time: adding n + 1 is one working day after adding n (n ≥ 1)", () => {
    fc.assert(
      fc.property(anyCalendar, date, fc.integer({ min: 1, max: 300 }), (cal, d, n) => {
        expect(addWorkingDays(d, n + 1, cal)).toBe(addWorkingDays(addWorkingDays(d, n, cal), 1, cal));
      }),
    );
  });

  it("is antisymmetric between two working days", () => {
    fc.assert(
      fc.property(anyCalendar, date, date, (cal, a, b) => {
        fc.pre(isWorkingDay(a, cal) && isWorkingDay(b, cal));
        expect(workingDaysBetween(b, a, cal) + workingDaysBetween(a, b, cal)).toBe(0);
      }),
    );
  });
});
