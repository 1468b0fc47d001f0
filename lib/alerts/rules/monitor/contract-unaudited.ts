import type { AlertRule } from "../rule";
import { contractTitle, dayStart, iso, workingCutoff, workingDaysSince, workingDue } from "./shared";

// 签约后未财务审核 (domain.md section 10: "signed but not finance-audited after 3 days"): a contract
// 待经理审核 or 待财务审核 more than N working days after it was both signed (签约时间) and submitted
// (提交) — the clock starts when the contract reaches the approvals, so a contract entered late is not
// late at once. Owner: the contract's consultant. Read on Contract (status, submittedAt, …).

type Row = { id: string; customerId: string; ownerId: string; number: string; customerName: string; status: string; since: Date };

export const contractUnaudited: AlertRule = {
  code: "contract.unaudited",
  audience: "MONITOR",
  defaultSeverity: "MEDIUM",
  defaultThreshold: 3,
  thresholdUnit: "workingDays",
  async find(db, ctx) {
    const cutoff = workingCutoff(ctx, ctx.threshold);
    const rows = await db.$queryRaw<Row[]>`
      SELECT c."id", c."customerId", c."ownerId", c."number", c."customerName", c."status"::text AS status,
             greatest(c."signedOn", (c."submittedAt" AT TIME ZONE 'Asia/Shanghai')::date) AS since
      FROM "Contract" c
      WHERE c."status" IN ('PENDING_MANAGER', 'PENDING_FINANCE')
        AND c."submittedAt" < ${dayStart(cutoff)} AND c."signedOn" < ${cutoff}::date`;
    return rows.map((r) => ({
      subjectType: "Contract",
      subjectId: r.id,
      customerId: r.customerId,
      contractId: r.id,
      ownerId: r.ownerId,
      dueOn: workingDue(ctx, r.since, ctx.threshold),
      params: { title: contractTitle(r), contractNo: r.number, customerName: r.customerName, status: r.status, since: iso(r.since), days: workingDaysSince(ctx, r.since) },
    }));
  },
};
