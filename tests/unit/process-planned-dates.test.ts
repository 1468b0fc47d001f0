import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "@/lib/calendar/working-days";
import { addMonths, overdueDays, planStepDates, type PlanInput } from "@/lib/processes/planned-dates";
import { officialDays } from "../fixtures/state-council-schedules";

// The State Council's 2026 schedule: 春节 2月15日–23日 off, 2月14日 and 2月28日 (Saturdays) worked; 中秋
// 9月25日–27日 off; 国庆 10月1日–7日 off, 9月20日 (Sunday) and 10月10日 (Saturday) worked.
const CAL = createWorkingCalendar([...officialDays(2025), ...officialDays(2026)]);
const step = (plannedDays: number, startAfterDays = 0, monthsBeforeCourseStart: number | null = null): PlanInput => ({
  plannedDays,
  startAfterDays,
  monthsBeforeCourseStart,
});

describe("planned dates of a process's steps", () => {
  it("chains steps over the National Day week: due is the last planned working day, the next starts the next working day", () => {
    expect(planStepDates([step(1), step(3), step(5, 2)], "2026-09-29", null, CAL)).toEqual([
      // A 1-day step is due the day it starts.
      { plannedStartOn: "2026-09-29", plannedDueOn: "2026-09-29" },
      // 9-30, then 10-01…10-07 off: 10-08 and 10-09.
      { plannedStartOn: "2026-09-30", plannedDueOn: "2026-10-09" },
      // 2 working days after 10-09 are skipped (10-10, the 调休 Saturday, and 10-12); it starts on the third.
      { plannedStartOn: "2026-10-13", plannedDueOn: "2026-10-19" },
    ]);
  });

  it("starts a process begun on a holiday on the next working day", () => {
    expect(planStepDates([step(2)], "2026-10-03", null, CAL)).toEqual([{ plannedStartOn: "2026-10-08", plannedDueOn: "2026-10-09" }]);
    // The 调休 Saturday itself is a working day.
    expect(planStepDates([step(1)], "2026-10-10", null, CAL)).toEqual([{ plannedStartOn: "2026-10-10", plannedDueOn: "2026-10-10" }]);
  });

  it("counts the Spring Festival week's make-up Saturdays and skips its days off", () => {
    expect(planStepDates([step(3), step(10)], "2026-02-13", null, CAL)).toEqual([
      // 2-13 (Fri), 2-14 (调休 Saturday), then 2-15…2-23 off: 2-24.
      { plannedStartOn: "2026-02-13", plannedDueOn: "2026-02-24" },
      // 2-25 … 2-28 (调休 Saturday) … 3-09: ten working days.
      { plannedStartOn: "2026-02-25", plannedDueOn: "2026-03-09" },
    ]);
  });

  it("plans an anchored step no earlier than course start − N months (the UK visa's 6 months)", () => {
    const steps = [step(3), step(15, 0, 6), step(1)];
    // Course 2026-09-14: no earlier than 2026-03-14, a Saturday → Monday 2026-03-16.
    const planned = planStepDates(steps, "2026-02-13", "2026-09-14", CAL);
    expect(planned[1]).toEqual({ plannedStartOn: "2026-03-16", plannedDueOn: "2026-04-03" });
    // After 4-03 comes 清明 (4-04 … 4-06).
    expect(planned[2]).toEqual({ plannedStartOn: "2026-04-07", plannedDueOn: "2026-04-07" });
    // When the chain reaches it later, the chain wins: 5-06 … 5-08, then the 调休 Saturday 5-09.
    expect(planStepDates(steps, "2026-05-06", "2026-09-14", CAL)[1].plannedStartOn).toBe("2026-05-09");
    // Course − 6 months inside the National Day week: the first working day after it.
    expect(planStepDates(steps, "2026-02-13", "2027-04-05", CAL)[1].plannedStartOn).toBe("2026-10-08");
    // No course start: the anchor is ignored.
    expect(planStepDates(steps, "2026-02-13", null, CAL)[1].plannedStartOn).toBe("2026-02-25");
  });

  it("moves dates by calendar months, clamping the day to the month's length", () => {
    expect(addMonths("2026-08-31", -6)).toBe("2026-02-28");
    expect(addMonths("2024-08-31", -6)).toBe("2024-02-29");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
    expect(addMonths("2026-09-14", -6)).toBe("2026-03-14");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
  });
});

describe("overdue working days", () => {
  it("counts the working days after the due date up to today for an open step", () => {
    expect(overdueDays({ plannedDueOn: "2026-09-30", completedOn: null }, "2026-09-30", CAL)).toBe(0);
    // The whole holiday week is not late: only 10-08 counts.
    expect(overdueDays({ plannedDueOn: "2026-09-30", completedOn: null }, "2026-10-08", CAL)).toBe(1);
    // 10-08, 10-09 and the 调休 Saturday 10-10.
    expect(overdueDays({ plannedDueOn: "2026-09-30", completedOn: null }, "2026-10-10", CAL)).toBe(3);
  });

  it("compares a finished step's completion date, and never marks a skipped or unplanned step", () => {
    expect(overdueDays({ plannedDueOn: "2026-10-09", completedOn: "2026-10-12" }, "2026-12-01", CAL)).toBe(2);
    expect(overdueDays({ plannedDueOn: "2026-10-09", completedOn: "2026-10-09" }, "2026-12-01", CAL)).toBe(0);
    expect(overdueDays({ plannedDueOn: "2026-10-09", completedOn: null, skipped: true }, "2026-12-01", CAL)).toBe(0);
    expect(overdueDays({ plannedDueOn: null, completedOn: null }, "2026-12-01", CAL)).toBe(0);
  });
});
