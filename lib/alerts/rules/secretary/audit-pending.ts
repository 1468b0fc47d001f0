import { isoDateOnly, shanghaiToday } from "@/lib/time";
import type { AlertRule } from "../rule";
import { contractFinding, type AlarmContractRow } from "./common";

// 审核久未处理 (issue 11 §3): a contract 待经理审核 since its 提交, or 待财务审核 since the manager's
// approval, for more than N days (calendar days, counted on the clock). Reads the inbox's and the
// finance queue's indexes (Contract status + submittedAt / managerApprovedAt).

type Row = AlarmContractRow & { status: "PENDING_MANAGER" | "PENDING_FINANCE"; since: Date };

const DAY_MS = 86_400_000;

export const auditPendingRule: AlertRule = {
  code: "alarm.auditPending",
  audience: "SECRETARY",
  defaultSeverity: "MEDIUM",
  defaultThreshold: 3,
  thresholdUnit: "days",
  async find(db, ctx) {
    const before = new Date(ctx.now.getTime() - ctx.threshold * DAY_MS);
    const rows = await db.$queryRaw<Row[]>`
      SELECT c."id", c."number", c."customerId", c."customerName", u."teamId", c."status"::text AS "status",
             CASE c."status" WHEN 'PENDING_MANAGER' THEN c."submittedAt" ELSE COALESCE(c."managerApprovedAt", c."submittedAt") END AS "since"
      FROM "Contract" c JOIN "User" u ON u."id" = c."ownerId"
      WHERE (c."status" = 'PENDING_MANAGER' AND c."submittedAt" < ${before})
         OR (c."status" = 'PENDING_FINANCE' AND COALESCE(c."managerApprovedAt", c."submittedAt") < ${before})`;
    return rows.map((row) => {
      const days = Math.floor((ctx.now.getTime() - row.since.getTime()) / DAY_MS);
      const dueOn = isoDateOnly(new Date(Date.parse(`${shanghaiToday(row.since)}T00:00:00Z`) + ctx.threshold * DAY_MS));
      return contractFinding(row, { stage: row.status, since: shanghaiToday(row.since), days }, dueOn);
    });
  },
};
