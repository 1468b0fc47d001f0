import type { AlertRule } from "../rule";
import { contractTitle, iso, workingCutoff, workingDaysSince, workingDue } from "./shared";

// 获签未收二期 (domain.md section 10: "visa granted but 二期 unpaid after 1 day"): a contract with a 获签
// date (Contract.visaGrantedOn, set by the visa step's event, lib/processes/events.ts) more than N
// working days ago whose 二期 received (secondReceived, net of voided receipts) is still less than its
// 二期费. With N = 1 this is the day after 二期's due date (visa + 1 working day, what 应收 ages by).
// Terminated contracts are left to the refund. Owner: the contract's consultant. No amounts in the
// alert: its text reaches notifications and the webhook. Served by a partial index on the contracts
// with a visa and 二期 short.

type Row = { id: string; customerId: string; ownerId: string; number: string; customerName: string; visaGrantedOn: Date };

export const visaSecondFee: AlertRule = {
  code: "visa.secondFeeUnpaid",
  audience: "MONITOR",
  defaultSeverity: "HIGH",
  defaultThreshold: 1,
  thresholdUnit: "workingDays",
  async find(db, ctx) {
    const cutoff = workingCutoff(ctx, ctx.threshold);
    const rows = await db.$queryRaw<Row[]>`
      SELECT c."id", c."customerId", c."ownerId", c."number", c."customerName", c."visaGrantedOn"
      FROM "Contract" c
      WHERE c."visaGrantedOn" IS NOT NULL AND c."secondReceived" < c."secondFee" AND c."visaGrantedOn" < ${cutoff}::date
        AND c."status" IN ('AUDITED', 'IN_SERVICE', 'COMPLETED')`;
    return rows.map((r) => ({
      subjectType: "Contract",
      subjectId: r.id,
      customerId: r.customerId,
      contractId: r.id,
      ownerId: r.ownerId,
      dueOn: workingDue(ctx, r.visaGrantedOn, ctx.threshold),
      params: { title: contractTitle(r), contractNo: r.number, customerName: r.customerName, visaOn: iso(r.visaGrantedOn), days: workingDaysSince(ctx, r.visaGrantedOn) },
    }));
  },
};
