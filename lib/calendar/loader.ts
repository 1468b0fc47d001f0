import { prisma } from "@/lib/db";
import { isoDateOnly } from "@/lib/time";
import { createWorkingCalendar, type WorkingCalendar } from "./working-days";

// The working calendar as the CalendarDay table holds it, for whatever counts working days (process
// due dates, alert rules). No "server-only": scheduled jobs may run outside Next.js, as lib/db.ts does.
//
// The table is small (about 30 rows a year) and changes a few times a year, while due dates are
// computed on many pages, so it is read once and kept for CALENDAR_CACHE_MS in this process. A change
// made through lib/calendar/calendar-days.ts drops this process's copy at once; other instances behind
// the load balancer pick it up within CALENDAR_CACHE_MS.

/** How long a loaded calendar is used before the table is read again. */
export const CALENDAR_CACHE_MS = 60_000;

type Cache = { generation: number; loaded?: { at: number; calendar: Promise<WorkingCalendar> } };

// On globalThis, as lib/db.ts keeps its client: one copy per process, shared by every bundle of the app
// that imports this module, so dropping it in a server action drops it for the pages too.
const holder = globalThis as typeof globalThis & { workingCalendarCache?: Cache };
const cache = (): Cache => (holder.workingCalendarCache ??= { generation: 0 });

async function readCalendar(): Promise<WorkingCalendar> {
  const rows = await prisma.calendarDay.findMany({ select: { date: true, kind: true } });
  return createWorkingCalendar(rows.map((row) => ({ date: isoDateOnly(row.date), kind: row.kind })));
}

/**
 * The working calendar for lib/calendar/working-days.ts's functions: every CalendarDay row (the 放假 and
 * 调休上班 days of all years, as the State Council published them — imported from chinese-days — and as
 * 信息中心 corrected them), keyed by calendar date in Asia/Shanghai. Outside the years the table covers
 * every Monday–Friday counts as a working day. Read from the database at most once per
 * CALENDAR_CACHE_MS in this process (`now`, in ms, is the clock; tests move it), concurrent callers
 * sharing the read; a failed read is not kept, so the next call tries again. Rejects when the database
 * cannot be read.
 */
export function getWorkingCalendar(now: number = Date.now()): Promise<WorkingCalendar> {
  const state = cache();
  if (state.loaded && now - state.loaded.at < CALENDAR_CACHE_MS) return state.loaded.calendar;
  const generation = state.generation;
  const calendar = readCalendar();
  state.loaded = { at: now, calendar };
  calendar.catch(() => {
    // Only if nothing replaced it meanwhile (an invalidation, a newer read).
    if (state.generation === generation && state.loaded?.calendar === calendar) state.loaded = undefined;
  });
  return calendar;
}

/**
 * Drops this process's copy, so the next getWorkingCalendar() reads the table: called after every
 * change to CalendarDay (信息中心's add, remove and re-import).
 */
export function invalidateWorkingCalendar(): void {
  const state = cache();
  state.generation += 1;
  state.loaded = undefined;
}
