// No "server-only": the scheduled jobs (and the seed) run this outside Next.js, as lib/db.ts.
import { prisma, type Db } from "@/lib/db";
import { addWorkingDays, createWorkingCalendar, isWorkingDay } from "@/lib/calendar/working-days";
import { isoDateOnly, shanghaiDayStart, shanghaiToday } from "@/lib/time";
import { getAlertSettings } from "./settings";
import { applyAlertStep } from "./apply-step";

// The escalation job (issue 11 §2): a 预警监控 alert still 未处理 or 已确认 after the working days 信息中心 set
// (escalateAfterDays; 0 = never) escalates to the owner's manager (state 已升级, the managers notified).
// Alerts with nobody to escalate to stay as they are.

const BATCH = 200;

/**
 * Escalates at `now` every overdue MONITOR alert — at least `escalateAfterDays` working days
 * (workingDaysBetween, Asia/Shanghai) between the day it opened and today —, each in its own transaction. Returns how many escalated and how many had
 * no manager to go to.
 */
export async function escalateOverdueAlerts(now: Date, db: Db = prisma): Promise<{ escalated: number; noTarget: number }> {
  const settings = await getAlertSettings(db);
  if (settings.escalateAfterDays === 0) return { escalated: 0, noTarget: 0 };
  const rows = await db.calendarDay.findMany({ select: { date: true, kind: true } });
  const calendar = createWorkingCalendar(rows.map((row) => ({ date: isoDateOnly(row.date), kind: row.kind })));
  const today = shanghaiToday(now);
  // Opened on or before `cutoff` ⟺ at least escalateAfterDays working days have passed since (the day
  // opened not counted, today counted when it is a working day): on a day off, one more step back.
  const cutoff = addWorkingDays(today, -(settings.escalateAfterDays + (isWorkingDay(today, calendar) ? 0 : 1)), calendar);
  const before = shanghaiDayStart(cutoff, 1);
  let escalated = 0;
  let noTarget = 0;
  let afterId = "";
  for (;;) {
    const due = await db.alert.findMany({
      where: { audience: "MONITOR", status: { in: ["OPEN", "ACKNOWLEDGED"] }, openedAt: { lt: before }, id: { gt: afterId } },
      select: { id: true, version: true, status: true, audience: true, ownerId: true, teamId: true, contractId: true, rule: true, params: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (due.length === 0) break;
    afterId = due[due.length - 1].id;
    for (const alert of due) {
      try {
        await db.$transaction((tx) => applyAlertStep(tx, alert, "escalate", { version: alert.version, note: null, actorId: null, now }));
        escalated += 1;
      } catch (error) {
        if (error instanceof Error && "code" in error && (error as { code: string }).code === "alertNoEscalationTarget") noTarget += 1;
        else if (!(error instanceof Error && error.name === "ConflictError")) throw error;
      }
    }
  }
  return { escalated, noTarget };
}
