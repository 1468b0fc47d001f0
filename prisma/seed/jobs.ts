import type { PrismaClient } from "@/lib/generated/prisma/client";
import { latestSlot } from "@/lib/jobs/schedule";
import type { UserIds } from "./people";

const DEMO_INSTANCE = "demo-seed";

/**
 * 定时任务 (issue 11 §1) for `itadmin`: a scheduled 工作日历导入 that succeeded yesterday, a 登录记录清理
 * slot of two hours ago that failed once (its error under 最近失败) and succeeded on the retry, and an
 * earlier 立即运行 by 黄磊. Idempotent: nothing is added when the demo runs exist.
 */
export async function seedJobs(db: PrismaClient, users: UserIds, now = new Date()): Promise<void> {
  if ((await db.jobRun.count({ where: { instance: DEMO_INSTANCE } })) > 0) return;
  const it = users.get("itadmin")!;
  const calendarSlot = latestSlot("10 3 * * *", new Date(now.getTime() - 24 * 3600_000));
  const cleanupSlot = latestSlot("5 * * * *", new Date(now.getTime() - 2 * 3600_000));
  const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);
  await db.jobRun.createMany({
    data: [
      { jobName: "calendarFill", trigger: "SCHEDULE", slot: calendarSlot, attempt: 1, status: "OK", startedAt: plus(calendarSlot, 4000), finishedAt: plus(calendarSlot, 4180), durationMs: 180, summary: { counts: { years: 0 } }, instance: DEMO_INSTANCE },
      { jobName: "loginAttemptCleanup", trigger: "SCHEDULE", slot: cleanupSlot, attempt: 1, status: "FAILED", startedAt: plus(cleanupSlot, 3000), finishedAt: plus(cleanupSlot, 33_000), durationMs: 30_000, error: "Error: Connection terminated due to connection timeout", instance: DEMO_INSTANCE },
      { jobName: "loginAttemptCleanup", trigger: "SCHEDULE", slot: cleanupSlot, attempt: 2, status: "OK", startedAt: plus(cleanupSlot, 95_000), finishedAt: plus(cleanupSlot, 95_040), durationMs: 40, summary: { counts: { deleted: 12 } }, instance: DEMO_INSTANCE },
      { jobName: "loginAttemptCleanup", trigger: "MANUAL", attempt: 1, status: "OK", startedAt: plus(cleanupSlot, -3600_000), finishedAt: plus(cleanupSlot, -3600_000 + 25), durationMs: 25, summary: { counts: { deleted: 3 } }, instance: DEMO_INSTANCE, requestedById: it },
    ],
  });
}
