import type { AlertSeverity } from "@/lib/generated/prisma/enums";
import type { AlertRule } from "../rule";
import { contractTitle, iso } from "./shared";

// 申请截止临近 (domain.md section 10: "application deadline in 14/7/3 days"): an open application step —
// a step recording a 申请号 (result field key "applicationId": the seed templates' 递交申请, 网申（按各校截止
// 日期）, 材料与申请) — of a process 执行中 whose planned end (计划完成, the application deadline the 文案
// plans to) is today or within N calendar days. Severity rises as it nears: the rule's own (LOW by
// default) up to 14 days, MEDIUM within 7, HIGH within 3. A deadline passed is the step-overdue rule's.
// Owner: the step's owner, else the case's 文案, else the consultant.

/** Days left → severity: ≤ 3 HIGH, ≤ 7 MEDIUM, else the rule's setting (undefined). */
export function deadlineSeverity(daysLeft: number): AlertSeverity | undefined {
  if (daysLeft <= 3) return "HIGH";
  if (daysLeft <= 7) return "MEDIUM";
  return undefined;
}

type Row = {
  stepId: string; stepName: string; dueOn: Date; processId: string; ownerId: string | null;
  contractId: string; customerId: string; number: string; customerName: string;
};

export const applicationDeadline: AlertRule = {
  code: "application.deadline",
  audience: "MONITOR",
  defaultSeverity: "LOW",
  defaultThreshold: 14,
  thresholdUnit: "days",
  async find(db, ctx) {
    const until = new Date(`${ctx.today}T00:00:00Z`);
    until.setUTCDate(until.getUTCDate() + ctx.threshold);
    const rows = await db.$queryRaw<Row[]>`
      SELECT s."id" AS "stepId", s."name" AS "stepName", s."plannedDueOn" AS "dueOn", p."id" AS "processId",
             coalesce(s."ownerId", p."documentOfficerId", c."ownerId") AS "ownerId",
             c."id" AS "contractId", c."customerId", c."number", c."customerName"
      FROM "ProcessStep" s
      JOIN "ContractProcess" p ON p."id" = s."processId" AND p."status" = 'IN_PROGRESS'
      JOIN "Contract" c ON c."id" = p."contractId"
      WHERE s."status" IN ('PENDING', 'IN_PROGRESS') AND s."plannedDueOn" IS NOT NULL AND s."resultFields" @> '[{"key": "applicationId"}]'
        AND s."plannedDueOn" >= ${ctx.today}::date AND s."plannedDueOn" <= ${iso(until)}::date`;
    return rows.map((r) => {
      const dueOn = iso(r.dueOn);
      const daysLeft = Math.round((r.dueOn.getTime() - new Date(`${ctx.today}T00:00:00Z`).getTime()) / 86_400_000);
      return {
        subjectType: "ProcessStep",
        subjectId: r.stepId,
        customerId: r.customerId,
        contractId: r.contractId,
        ownerId: r.ownerId,
        dueOn,
        severity: deadlineSeverity(daysLeft),
        params: { title: `${contractTitle(r)} · ${r.stepName}`, contractNo: r.number, customerName: r.customerName, processId: r.processId, stepName: r.stepName, deadline: dueOn, daysLeft },
      };
    });
  },
};
