"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { addCalendarDay, reimportCalendarYear, removeCalendarDay } from "@/lib/calendar/calendar-days";
import { addCalendarDaySchema, importCalendarYearSchema, removeCalendarDaySchema } from "@/lib/calendar/schema";

// 工作日历 (信息中心, calendar.manage). Every rule is in lib/calendar/calendar-days.ts.

/** 添加 a 放假 or 调休上班 day. */
export const addCalendarDayAction = action({ schema: addCalendarDaySchema, permission: "calendar.manage" }, async (input, user) => {
  const result = await addCalendarDay(user, input);
  revalidatePath("/calendar");
  return result;
});

/** 删除 one day. */
export const removeCalendarDayAction = action({ schema: removeCalendarDaySchema, permission: "calendar.manage" }, async (input, user) => {
  const result = await removeCalendarDay(user, input);
  revalidatePath("/calendar");
  return result;
});

/** 从软件包重新导入 one year. */
export const importCalendarYearAction = action({ schema: importCalendarYearSchema, permission: "calendar.manage" }, async (input, user) => {
  const result = await reimportCalendarYear(user, input.year);
  revalidatePath("/calendar");
  return result;
});
