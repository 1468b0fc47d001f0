// 预警监控 demo data (issue 11 §2): the rules run once at the end of the seed, on everything seeded before,
// as the scheduled job would — so the board shows real alerts, among them BJ-2026-0301's overdue 递交申请
// (孙丽, docofficer: the e2e acknowledges and resolves it). Before the run, BJ-2026-0302's client gets a
// 护照有效期 before that contract's 课程结束时间, for the passport rule. Safe to run again: a second run
// opens nothing new (one unresolved alert per rule and record).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runAlertRules } from "@/lib/alerts/run-rules";
import { dateOnly } from "@/lib/time";

export async function seedAlerts(db: PrismaClient, now = new Date()): Promise<number> {
  const contract = await db.contract.findUnique({ where: { number: "BJ-2026-0302" }, select: { id: true, customerId: true, courseEndsOn: true } });
  if (contract && !contract.courseEndsOn) {
    await db.contract.update({ where: { id: contract.id }, data: { courseEndsOn: dateOnly("2028-06-30") } });
    await db.customer.update({ where: { id: contract.customerId }, data: { passportExpiresOn: dateOnly("2027-12-31") } });
  }
  const { opened } = await runAlertRules(now, { db, audience: "MONITOR" });
  return opened.length;
}
