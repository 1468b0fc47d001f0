import { Prisma } from "@/lib/generated/prisma/client";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { shanghaiToday } from "@/lib/time";
import type { AlertRule } from "../rule";
import { CHECKED_STATUSES, contractFinding, lateBefore, type AlarmContractRow } from "./common";

// 合同未上传扫描件 (issue 11 §3): a contract submitted (待经理审核 or later, not 已终止) more than N working
// days ago with no 合同扫描件 (a Document of category CONTRACT_SCAN on the contract, not deleted). The
// partial index Document_contract_scan_idx answers "has a scan" per contract. Uploading the scan
// resolves the alarm on the next run.

type Row = AlarmContractRow & { submittedAt: Date };

export const missingScanRule: AlertRule = {
  code: "alarm.missingScan",
  audience: "SECRETARY",
  defaultSeverity: "MEDIUM",
  defaultThreshold: 1,
  thresholdUnit: "workingDays",
  async find(db, ctx) {
    const before = lateBefore(ctx.today, ctx.threshold, ctx.calendar);
    const rows = await db.$queryRaw<Row[]>`
      SELECT c."id", c."number", c."customerId", c."customerName", u."teamId",
             COALESCE(c."submittedAt", c."createdAt") AS "submittedAt"
      FROM "Contract" c JOIN "User" u ON u."id" = c."ownerId"
      WHERE c."status"::text IN (${Prisma.join(CHECKED_STATUSES)})
        AND COALESCE(c."submittedAt", c."createdAt") < ${before}
        AND NOT EXISTS (SELECT 1 FROM "Document" d
                        WHERE d."contractId" = c."id" AND d."category" = 'CONTRACT_SCAN' AND d."deletedAt" IS NULL)`;
    return rows.map((row) => {
      const submittedOn = shanghaiToday(row.submittedAt);
      return contractFinding(row, { submittedOn }, addWorkingDays(submittedOn, ctx.threshold, ctx.calendar));
    });
  },
};
