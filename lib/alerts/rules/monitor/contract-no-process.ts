import type { AlertRule } from "../rule";
import { contractTitle, dayStart, workingCutoff, workingDaysSince, workingDue } from "./shared";
import { shanghaiToday } from "@/lib/time";

// 审核后未启动流程 (domain.md section 10: "audited but no process started after 1 day"): a contract
// 已审核 more than N working days after finance's audit with no process 执行中 or 已完成. Owner: the
// contract's consultant (who binds and starts it).

type Row = { id: string; customerId: string; ownerId: string; number: string; customerName: string; auditedAt: Date };

export const contractNoProcess: AlertRule = {
  code: "contract.noProcess",
  audience: "MONITOR",
  defaultSeverity: "MEDIUM",
  defaultThreshold: 1,
  thresholdUnit: "workingDays",
  async find(db, ctx) {
    const cutoff = workingCutoff(ctx, ctx.threshold);
    const rows = await db.$queryRaw<Row[]>`
      SELECT c."id", c."customerId", c."ownerId", c."number", c."customerName", c."auditedAt"
      FROM "Contract" c
      WHERE c."status" = 'AUDITED' AND c."auditedAt" < ${dayStart(cutoff)}
        AND NOT EXISTS (SELECT 1 FROM "ContractProcess" p WHERE p."contractId" = c."id" AND p."status" IN ('IN_PROGRESS', 'COMPLETED'))`;
    return rows.map((r) => {
      const auditedOn = shanghaiToday(r.auditedAt);
      return {
        subjectType: "Contract",
        subjectId: r.id,
        customerId: r.customerId,
        contractId: r.id,
        ownerId: r.ownerId,
        dueOn: workingDue(ctx, auditedOn, ctx.threshold),
        params: { title: contractTitle(r), contractNo: r.number, customerName: r.customerName, auditedOn, days: workingDaysSince(ctx, auditedOn) },
      };
    });
  },
};
