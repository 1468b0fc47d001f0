import { describe, expect, it } from "vitest";
import { archiveSettingsSchema } from "@/lib/archive/schema";
import { wholeDaysField } from "@/lib/validation/whole-days";

// Day counts on the settings forms (档案设置's hand-off limits, 预警设置's thresholds): an emptied field is
// "required", never 0 (z.coerce made "" mean "no time at all").

const errorOf = (value: unknown) => {
  const parsed = wholeDaysField(30, "daysTooMany").safeParse(value);
  return parsed.success ? null : parsed.error.issues[0].message;
};

describe("wholeDaysField", () => {
  it("takes whole numbers and their digits", () => {
    expect(wholeDaysField(30, "x").parse("0")).toBe(0);
    expect(wholeDaysField(30, "x").parse(" 7 ")).toBe(7);
    expect(wholeDaysField(30, "x").parse(30)).toBe(30);
  });
  it("refuses empty, non-digit, fractional, negative and too large values with their own errors", () => {
    expect(errorOf("")).toBe("required");
    expect(errorOf("   ")).toBe("required");
    for (const bad of [null, false, "1.5", 1.5, -1, "-1", "1e2", "0x1", "三", Number.NaN]) expect(errorOf(bad), String(bad)).toBe("wholeDays");
    expect(errorOf(31)).toBe("daysTooMany");
  });
  it("an emptied 档案设置 limit is an error, not 0", () => {
    const parsed = archiveSettingsSchema.safeParse({ numberPattern: "{国家代码}{yyyy}{seq:5}", toArchiveDays: "", toDocumentDays: "2", version: "1" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["toArchiveDays", "required"]]);
  });
});
