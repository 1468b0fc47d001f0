import { addWorkingDays, workingDaysBetween } from "@/lib/calendar/working-days";
import { shanghaiToday } from "@/lib/time";
import type { AlertRule } from "../rule";
import { contractFinding, lateBefore, type AlarmContractRow } from "./common";

// 原件未交档案中心 (issue 11 §3): an audited contract (已审核, 进行中 or 已完成) whose originals the archive
// centre has not signed for (Contract.originalsReceivedAt null) when N working days after the audit
// date have passed (audit date + N working days < today, on the 工作日历). Walks the partial index
// Contract_awaiting_originals_idx (only the unreceived audited contracts). 接收 resolves it.

type Row = AlarmContractRow & { auditedAt: Date };

export const originalsLateRule: AlertRule = {
  code: "alarm.originalsLate",
  audience: "SECRETARY",
  defaultSeverity: "HIGH",
  defaultThreshold: 5,
  thresholdUnit: "workingDays",
  async find(db, ctx) {
    const before = lateBefore(ctx.today, ctx.threshold, ctx.calendar);
    const rows = await db.$queryRaw<Row[]>`
      SELECT c."id", c."number", c."customerId", c."customerName", u."teamId", c."auditedAt"
      FROM "Contract" c JOIN "User" u ON u."id" = c."ownerId"
      WHERE c."originalsReceivedAt" IS NULL AND c."auditedAt" IS NOT NULL AND c."auditedAt" < ${before}
        AND c."status" IN ('AUDITED', 'IN_SERVICE', 'COMPLETED')`;
    return rows.map((row) => {
      const auditedOn = shanghaiToday(row.auditedAt);
      const dueOn = addWorkingDays(auditedOn, ctx.threshold, ctx.calendar);
      return contractFinding(row, { auditedOn, days: workingDaysBetween(dueOn, ctx.today, ctx.calendar) }, dueOn);
    });
  },
};
