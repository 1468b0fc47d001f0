import { shanghaiToday } from "@/lib/time";
import type { AlertRule } from "../rule";
import { contractTitle, dayStart } from "./shared";

// 案件无进展 (domain.md section 10: "no activity on a case for 14 days"): a process 执行中 of a contract
// 服务中 whose timeline (ProcessHistory: every step start/complete/skip/reopen, checklist tick, note,
// upload, reassignment, event) has no row in the last N calendar days. The timeline is the one place
// every kind of work on a case leaves a mark, and its (processId, at) index gives each case's last
// entry in one probe — cheaper than comparing notes, steps and follow-ups separately. Follow-ups are a
// consultant's notes on the customer, not work on the case, and do not count. Owner: the case's 文案,
// else the contract's consultant.

type Row = { processId: string; processName: string; ownerId: string; contractId: string; customerId: string; number: string; customerName: string; lastAt: Date };

export const caseInactive: AlertRule = {
  code: "case.inactive",
  audience: "MONITOR",
  defaultSeverity: "LOW",
  defaultThreshold: 14,
  thresholdUnit: "days",
  async find(db, ctx) {
    const since = dayStart(ctx.today).getTime() - ctx.threshold * 86_400_000;
    const rows = await db.$queryRaw<Row[]>`
      SELECT p."id" AS "processId", p."name" AS "processName", coalesce(p."documentOfficerId", c."ownerId") AS "ownerId",
             c."id" AS "contractId", c."customerId", c."number", c."customerName", last."at" AS "lastAt"
      FROM "ContractProcess" p
      JOIN "Contract" c ON c."id" = p."contractId" AND c."status" = 'IN_SERVICE'
      CROSS JOIN LATERAL (SELECT coalesce(max(h."at"), p."startedAt") AS at FROM "ProcessHistory" h WHERE h."processId" = p."id") last
      WHERE p."status" = 'IN_PROGRESS' AND last."at" < ${new Date(since)}`;
    return rows.map((r) => {
      const lastOn = shanghaiToday(r.lastAt);
      const days = Math.round((dayStart(ctx.today).getTime() - dayStart(lastOn).getTime()) / 86_400_000);
      return {
        subjectType: "ContractProcess",
        subjectId: r.processId,
        customerId: r.customerId,
        contractId: r.contractId,
        ownerId: r.ownerId,
        params: { title: `${contractTitle(r)} · ${r.processName}`, contractNo: r.number, customerName: r.customerName, processId: r.processId, processName: r.processName, lastActivityOn: lastOn, days },
      };
    });
  },
};
