import type { AlertRule } from "../rule";
import { contractTitle, iso, workingCutoff, workingDaysSince } from "./shared";

// 步骤逾期 (domain.md section 10: "a step past its due date"): the current step (the first not done or
// skipped, ContractProcess.currentStepId, kept by the step service) of a process 执行中 whose planned end
// (计划完成) is more than N working days past (N = 0: any day past). One alert per late case, on the
// step being worked: the later steps are late because of it. Owner: the step's owner, else the case's
// 文案, else the contract's consultant (a 财务 step has no owner). Served by the 文案 queue's index on
// ContractProcess (status, currentDueOn).

type Row = {
  stepId: string; stepName: string; dueOn: Date; processId: string; processName: string; ownerId: string | null;
  contractId: string; customerId: string; number: string; customerName: string;
};

export const stepOverdue: AlertRule = {
  code: "step.overdue",
  audience: "MONITOR",
  defaultSeverity: "HIGH",
  defaultThreshold: 0,
  thresholdUnit: "workingDays",
  async find(db, ctx) {
    const cutoff = workingCutoff(ctx, ctx.threshold);
    const rows = await db.$queryRaw<Row[]>`
      SELECT s."id" AS "stepId", s."name" AS "stepName", p."currentDueOn" AS "dueOn", p."id" AS "processId", p."name" AS "processName",
             coalesce(s."ownerId", p."documentOfficerId", c."ownerId") AS "ownerId",
             c."id" AS "contractId", c."customerId", c."number", c."customerName"
      FROM "ContractProcess" p
      JOIN "ProcessStep" s ON s."id" = p."currentStepId"
      JOIN "Contract" c ON c."id" = p."contractId"
      WHERE p."status" = 'IN_PROGRESS' AND p."currentDueOn" < ${cutoff}::date AND s."status" IN ('PENDING', 'IN_PROGRESS')`;
    return rows.map((r) => ({
      subjectType: "ProcessStep",
      subjectId: r.stepId,
      customerId: r.customerId,
      contractId: r.contractId,
      ownerId: r.ownerId,
      dueOn: iso(r.dueOn),
      params: {
        title: `${contractTitle(r)} · ${r.stepName}`, contractNo: r.number, customerName: r.customerName, processId: r.processId,
        processName: r.processName, stepName: r.stepName, plannedDueOn: iso(r.dueOn), days: workingDaysSince(ctx, r.dueOn),
      },
    }));
  },
};
