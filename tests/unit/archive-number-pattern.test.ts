import { describe, expect, it } from "vitest";
import { archivePatternError, DEFAULT_ARCHIVE_NUMBER_PATTERN, expandArchivePattern } from "@/lib/archive/number-pattern";
import { createWorkingCalendar } from "@/lib/calendar/working-days";
import { transferLateDays, waitingDays } from "@/lib/archive/late";

describe("archive number patterns", () => {
  it("expands {国家代码}{yyyy}{seq:5} to UK202600001", () => {
    const { key, format } = expandArchivePattern(DEFAULT_ARCHIVE_NUMBER_PATTERN, { countryCode: "uk", year: "2026" });
    expect(format(1)).toBe("UK202600001");
    expect(format(123456)).toBe("UK2026123456");
    expect(key).toBe("archiveNumber:UK2026{seq}");
  });

  it("counts per expanded prefix: another country or year is another counter", () => {
    const uk = expandArchivePattern("DA-{国家代码}-{yy}-{seq:4}", { countryCode: "UK", year: "2026" });
    const us = expandArchivePattern("DA-{国家代码}-{yy}-{seq:4}", { countryCode: "US", year: "2026" });
    const uk27 = expandArchivePattern("DA-{国家代码}-{yy}-{seq:4}", { countryCode: "UK", year: "2027" });
    expect(uk.format(7)).toBe("DA-UK-26-0007");
    expect(new Set([uk.key, us.key, uk27.key]).size).toBe(3);
  });

  it.each([
    ["", "patternEmpty"],
    ["{国家代码}{yyyy}", "patternNoSeq"],
    ["{seq:3}{seq:4}", "patternTwoSeq"],
    ["{国家}{seq:5}", "patternUnknownToken"],
    ["{seq:0}", "patternUnknownToken"],
    ["{seq:10}", "patternUnknownToken"],
    ["档案{seq:5}", "patternBadText"],
    ["A B{seq:5}", "patternBadText"],
    [`${"A".repeat(40)}{seq:5}`, "patternTooLong"],
  ])("refuses %j (%s)", (pattern, error) => {
    expect(archivePatternError(pattern)).toBe(error);
  });

  it.each(["{seq:1}", "{国家代码}{yyyy}{seq:5}", "ARC/{yyyy}/{seq:6}", "{yy}.{国家代码}_{seq:3}"])("accepts %j", (pattern) => {
    expect(archivePatternError(pattern)).toBeNull();
  });
});

describe("late hand-offs in working days", () => {
  // 2026-10-01…07 国庆 off, 2026-10-10 (Saturday) worked, as the State Council published.
  const calendar = createWorkingCalendar([
    ...["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"].map((date) => ({ date, kind: "HOLIDAY" as const })),
    { date: "2026-10-10", kind: "WORKDAY" as const },
  ]);

  it("is not late up to the due date, then counts working days after it", () => {
    expect(transferLateDays({ dueOn: "2026-09-30", signedOn: null }, "2026-09-30", calendar)).toBe(0);
    // 10-01…10-07 are the holiday (weekend inside): the first working day after is 10-08.
    expect(transferLateDays({ dueOn: "2026-09-30", signedOn: null }, "2026-10-07", calendar)).toBe(0);
    expect(transferLateDays({ dueOn: "2026-09-30", signedOn: null }, "2026-10-08", calendar)).toBe(1);
    expect(transferLateDays({ dueOn: "2026-09-30", signedOn: null }, "2026-10-10", calendar)).toBe(3);
  });

  it("stops counting when signed, and never counts a cancelled one", () => {
    expect(transferLateDays({ dueOn: "2026-09-30", signedOn: "2026-10-09" }, "2026-12-01", calendar)).toBe(2);
    expect(transferLateDays({ dueOn: "2026-09-30", signedOn: "2026-09-29" }, "2026-12-01", calendar)).toBe(0);
    expect(transferLateDays({ dueOn: "2026-09-30", signedOn: null, cancelled: true }, "2026-12-01", calendar)).toBe(0);
  });

  it("counts the days waited since the audit in working days", () => {
    expect(waitingDays("2026-09-30", "2026-09-30", calendar)).toBe(0);
    expect(waitingDays("2026-09-30", "2026-10-12", calendar)).toBe(4);
  });
});
