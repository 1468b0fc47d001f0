import type { AlertRule } from "../rule";
import { contractTitle, iso } from "./shared";

// 护照有效期不足 (domain.md section 10: "passport expiring before the course ends"): a contract not
// 草稿, 已完成 or 已终止 whose customer's 护照有效期 (Customer.passportExpiresOn) is before its 课程结束时间
// (Contract.courseEndsOn) plus N calendar days (N = 0: before the course ends; many visas want months
// more). Either date missing: no alert. Owner: the contract's consultant. Served by a partial index on
// the contracts with a 课程结束时间.

type Row = { id: string; customerId: string; ownerId: string; number: string; customerName: string; courseEndsOn: Date; passportExpiresOn: Date };

export const passportExpiry: AlertRule = {
  code: "passport.expiresBeforeCourseEnd",
  audience: "MONITOR",
  defaultSeverity: "MEDIUM",
  defaultThreshold: 0,
  thresholdUnit: "days",
  async find(db, ctx) {
    const rows = await db.$queryRaw<Row[]>`
      SELECT c."id", c."customerId", c."ownerId", c."number", c."customerName", c."courseEndsOn", cu."passportExpiresOn"
      FROM "Contract" c JOIN "Customer" cu ON cu."id" = c."customerId"
      WHERE c."courseEndsOn" IS NOT NULL AND c."status" IN ('PENDING_MANAGER', 'PENDING_FINANCE', 'AUDITED', 'IN_SERVICE')
        AND cu."passportExpiresOn" < c."courseEndsOn" + ${ctx.threshold}::int`;
    return rows.map((r) => ({
      subjectType: "Contract",
      subjectId: r.id,
      customerId: r.customerId,
      contractId: r.id,
      ownerId: r.ownerId,
      dueOn: iso(r.passportExpiresOn),
      params: { title: contractTitle(r), contractNo: r.number, customerName: r.customerName, passportExpiresOn: iso(r.passportExpiresOn), courseEndsOn: iso(r.courseEndsOn) },
    }));
  },
};
