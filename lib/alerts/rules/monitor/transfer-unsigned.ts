import { transferLateDays } from "@/lib/archive/late";
import type { AlertRule } from "../rule";
import { contractTitle, iso, workingCutoff } from "./shared";

// 转案超时未签收 (issue 11 §2: "archive hand-off not signed for within its time limit"): a 转案 已发出 and
// not signed for more than N working days after its due date (CaseTransfer.dueOn, sentAt + the time
// limit 信息中心 set, lib/archive/settings.ts; N = 0: any day past). Days late as lib/archive/late.ts
// counts them. Owner: the receiving 文案, else (a hand-off to the archive centre, any member may sign)
// the sender, who chases it. Served by the partial index on 已发出 hand-offs.

type Row = { id: string; contractId: string; customerId: string; ownerId: string; number: string; customerName: string; toDepartment: string; dueOn: Date };

export const transferUnsigned: AlertRule = {
  code: "transfer.unsigned",
  audience: "MONITOR",
  defaultSeverity: "MEDIUM",
  defaultThreshold: 0,
  thresholdUnit: "workingDays",
  async find(db, ctx) {
    const cutoff = workingCutoff(ctx, ctx.threshold);
    const rows = await db.$queryRaw<Row[]>`
      SELECT t."id", t."contractId", t."customerId", coalesce(t."receiverId", t."senderId") AS "ownerId", c."number", c."customerName",
             t."toDepartment"::text AS "toDepartment", t."dueOn"
      FROM "CaseTransfer" t JOIN "Contract" c ON c."id" = t."contractId"
      WHERE t."status" = 'SENT' AND t."dueOn" < ${cutoff}::date`;
    return rows.map((r) => ({
      subjectType: "CaseTransfer",
      subjectId: r.id,
      customerId: r.customerId,
      contractId: r.contractId,
      ownerId: r.ownerId,
      dueOn: iso(r.dueOn),
      params: {
        title: contractTitle(r), contractNo: r.number, customerName: r.customerName, toDepartment: r.toDepartment, dueOn: iso(r.dueOn),
        days: transferLateDays({ dueOn: iso(r.dueOn), signedOn: null }, ctx.today, ctx.calendar),
      },
    }));
  },
};
