import { z } from "zod";
import { isIsoDate } from "@/lib/validation/china";
import { recordId } from "@/lib/validation/record";
import { requiredLine } from "@/lib/validation/text";
import { isWeekend } from "./working-days";

// 工作日历's inputs, shared by the page's forms and its server actions. Messages are keys of the
// `validation` namespace.

/** 放假 (a weekday off) and 调休上班 (a weekend day worked), as the select offers them. */
export const CALENDAR_DAY_KINDS = ["HOLIDAY", "WORKDAY"] as const;
/** The first and last year the calendar takes (the package starts at 2004; years far off are typing mistakes). */
export const CALENDAR_FIRST_YEAR = 2000;
export const CALENDAR_LAST_YEAR = 2099;
/** The longest holiday name, in characters a reader sees. */
export const CALENDAR_NAME_MAX = 30;

const inCalendarYears = (date: string) => date >= `${CALENDAR_FIRST_YEAR}-01-01` && date <= `${CALENDAR_LAST_YEAR}-12-31`;

const year = z.coerce
  .number({ error: "invalid" })
  .int("invalid")
  .min(CALENDAR_FIRST_YEAR, "calendarYearRange")
  .max(CALENDAR_LAST_YEAR, "calendarYearRange");

/**
 * 添加: a date (YYYY-MM-DD, Asia/Shanghai, 2000–2099), its kind and the holiday's name. Only exceptions
 * are stored, so a 放假 must fall on Monday–Friday (a weekend is off anyway) and a 调休上班 on Saturday
 * or Sunday (a weekday is worked anyway); the error is on the date, which is what usually was mistyped.
 */
export const addCalendarDaySchema = z
  .object({
    date: requiredLine()
      .refine(isIsoDate, { message: "dateInvalid", abort: true })
      .refine(inCalendarYears, { message: "calendarDateRange", abort: true }),
    kind: z.enum(CALENDAR_DAY_KINDS, "invalidChoice"),
    name: requiredLine(CALENDAR_NAME_MAX),
  })
  .superRefine((v, ctx) => {
    if (typeof v.date !== "string" || !isIsoDate(v.date) || !inCalendarYears(v.date)) return;
    if (v.kind === "HOLIDAY" && isWeekend(v.date)) ctx.addIssue({ code: "custom", message: "calendarHolidayOnWeekend", path: ["date"] });
    if (v.kind === "WORKDAY" && !isWeekend(v.date)) ctx.addIssue({ code: "custom", message: "calendarWorkdayOnWeekday", path: ["date"] });
  });
export type AddCalendarDayFormValues = z.input<typeof addCalendarDaySchema>;
export type AddCalendarDayInput = z.output<typeof addCalendarDaySchema>;

/** 删除 one day (it becomes an ordinary day of its weekday). */
export const removeCalendarDaySchema = z.object({ id: recordId() });
export type RemoveCalendarDayInput = z.output<typeof removeCalendarDaySchema>;

/** 从软件包重新导入 one year. */
export const importCalendarYearSchema = z.object({ year });
export type ImportCalendarYearInput = z.output<typeof importCalendarYearSchema>;

/** The page's `?year=`: a year of the calendar, else none (the page shows the current year). */
export const calendarPageSchema = z.object({ year: year.optional().catch(undefined) });
