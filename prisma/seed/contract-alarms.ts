// 合同报警 demo data (issue 11 §3): the secretary's rules run once over the demo agency, as the scheduled
// job would, so the demo secretary (郑爽, secretary) finds alarms on /contract-alarms: the submitted demo
// contracts have no 合同扫描件 yet, BJ-2026-0401's originals are late at the archive centre (audited 12 days
// ago), BJ-2026-0009 and BJ-2026-0010 are missing between BJ-2026-0008 and BJ-2026-0011, and whatever
// waits too long in 经理审核 / 财务审核. Idempotent like the job: a second seed opens nothing new.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runContractAlarms } from "@/lib/contract-alarms/run";

/** Runs the 合同报警 rules at `now`; returns how many alarms it opened. */
export async function seedContractAlarms(db: PrismaClient, now: Date = new Date()): Promise<number> {
  const { opened } = await runContractAlarms(db, now);
  return opened.length;
}
