// Times are stored in UTC and shown in the agency's zone. China has no daylight saving, so the
// offset is a constant.
export const TIME_ZONE = "Asia/Shanghai";
const OFFSET_MS = 8 * 60 * 60 * 1000;

// The UTC instant at which the given Shanghai calendar day (YYYY-MM-DD) begins, plus `addDays`.
export function shanghaiDayStart(isoDate: string, addDays = 0): Date {
  const [y, m, d] = isoDate.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + addDays) - OFFSET_MS);
}

export function formatDateTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(date);
}

export function formatDate(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

// A @db.Date column comes back as midnight UTC; show it as the stored calendar date.
export function isoDateOnly(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

// Today's calendar date in the agency's zone, as YYYY-MM-DD.
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

// A YYYY-MM-DD calendar date as the value Prisma writes to a @db.Date column.
export function dateOnly(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

// The weekday of a YYYY-MM-DD calendar date in the reader's language (zh-CN short: 周四, long: 星期四;
// en: Thu, Thursday). The date is read as a calendar day, so no time zone can move it.
export function formatWeekday(isoDate: string, locale: string, width: "short" | "long" = "short"): string {
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: width }).format(dateOnly(isoDate));
}
