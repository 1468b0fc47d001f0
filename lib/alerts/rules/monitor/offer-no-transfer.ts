import { shanghaiToday } from "@/lib/time";
import type { AlertRule } from "../rule";
import { contractTitle, dayStart, workingCutoff, workingDaysSince, workingDue } from "./shared";

// 获录取未转案 (domain.md section 10: "offer received but no 转案 within 3 working days"): a contract 已审核
// or 服务中 with an offer (获得录取, ApplicationOffer) recorded more than N working days ago and no 转案
// (CaseTransfer, not 已撤销) sent since that offer. The offer letter and the originals the visa needs
// go to the archive centre with a 转案 (lib/archive/send-transfer.ts, the consultant's); an earlier
// hand-off does not count for a later offer. Measured from the earliest offer not followed by a 转案.
// One alert per contract. Owner: the contract's consultant (who sends the 转案).

type Row = { contractId: string; customerId: string; ownerId: string; number: string; customerName: string; school: string; recordedAt: Date };

export const offerNoTransfer: AlertRule = {
  code: "offer.noTransfer",
  audience: "MONITOR",
  defaultSeverity: "MEDIUM",
  defaultThreshold: 3,
  thresholdUnit: "workingDays",
  async find(db, ctx) {
    const cutoff = workingCutoff(ctx, ctx.threshold);
    const rows = await db.$queryRaw<Row[]>`
      SELECT DISTINCT ON (o."contractId") o."contractId", c."customerId", c."ownerId", c."number", c."customerName", o."school", o."recordedAt"
      FROM "ApplicationOffer" o
      JOIN "Contract" c ON c."id" = o."contractId" AND c."status" IN ('AUDITED', 'IN_SERVICE')
      WHERE NOT EXISTS (SELECT 1 FROM "CaseTransfer" t WHERE t."contractId" = o."contractId" AND t."status" <> 'CANCELLED' AND t."sentAt" >= o."recordedAt")
      ORDER BY o."contractId", o."recordedAt" ASC`;
    return rows
      .filter((r) => r.recordedAt < dayStart(cutoff))
      .map((r) => {
        const offerOn = shanghaiToday(r.recordedAt);
        return {
          subjectType: "Contract",
          subjectId: r.contractId,
          customerId: r.customerId,
          contractId: r.contractId,
          ownerId: r.ownerId,
          dueOn: workingDue(ctx, offerOn, ctx.threshold),
          params: { title: contractTitle(r), contractNo: r.number, customerName: r.customerName, school: r.school, offerOn, days: workingDaysSince(ctx, offerOn) },
        };
      });
  },
};
