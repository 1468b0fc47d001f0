import "server-only";
import { prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { contractScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/service";
import { refundRequestIn } from "@/lib/refunds/request-refund";
import { dateOnly, isoDateOnly, shanghaiToday } from "@/lib/time";
import { countryChangeHref, countryChangeTitle } from "./describe";
import { awaitsMoneyDecision } from "./lifecycle";
import type { MoneyDecisionInput } from "./schema";

/** The largest total Contract.otherFee (Decimal(12, 2)) holds, CNY. */
const OTHER_FEE_MAX = new Prisma.Decimal("9999999999.99");

/**
 * 财务 decides the money of an approved 转国家 (issue 10 §3; manual section 7), once, in one transaction:
 * - CARRY_OVER (结转): what was received stays on the contract for the new country; nothing else.
 * - PARTIAL_REFUND (部分退费): `amount` CNY (> 0, at most what may still be refunded: received − refunded
 *   − pending refunds, lib/refunds/limits.ts) is requested as a 退费 through the refund flow
 *   (lib/refunds/request-refund.ts, by the finance user), which then goes to the consultant's manager
 *   and to the payout as every refund does; the refund's reason is the note, or the request's reason.
 * - TOP_UP (补费): the contract owes `amount` CNY more by `dueOn` (Asia/Shanghai day): added to
 *   Contract.otherFee, the receivable 应收 shows as its own stage (其他), paid by 其他 receipts; the due
 *   date is the earliest of what is open (an earlier open top-up keeps its date).
 * Who: approval.finance with the contract in the audit scope (finance, IT). The requester and the
 * contract's consultant are notified. Returns the request's new version.
 * Throws ForbiddenError, NotFoundError (no such request in the scope), DomainError
 * "moneyAlreadyDecided" (decided before, or the request is not approved), ConflictError (stale
 * version), DomainError("invalidInput", { amount: ["refundExceedsNet" | "amountTooLarge"] } or
 * { dueOn: ["dateInPast"] } for a top-up due before today, Asia/Shanghai).
 */
export async function decideCountryChangeMoney(user: SessionUser, input: MoneyDecisionInput, now: Date = new Date()): Promise<{ version: number }> {
  if (!can(user.roles, "approval.finance")) throw new ForbiddenError();
  // A top-up due before today would be 逾期 in 应收 the moment it is decided.
  if (input.decision === "TOP_UP" && input.dueOn! < shanghaiToday(now)) throw new DomainError("invalidInput", { dueOn: ["dateInPast"] });
  return prisma.$transaction(async (tx) => {
    const request = await tx.countryChangeRequest.findFirst({
      where: { id: input.id, contract: await contractScope(user, "audit", tx) },
      select: { id: true, version: true, status: true, moneyDecision: true, reason: true, requesterId: true, contractId: true, contract: { select: { ownerId: true } } },
    });
    if (!request) throw new NotFoundError();
    if (!awaitsMoneyDecision(request)) throw new DomainError("moneyAlreadyDecided");
    if (request.version !== input.version) throw new ConflictError();

    let refundId: string | null = null;
    if (input.decision === "PARTIAL_REFUND") {
      const refund = await refundRequestIn(tx, user, { contractId: request.contractId, amount: input.amount!, reason: input.note ?? request.reason });
      refundId = refund.id;
    } else if (input.decision === "TOP_UP") {
      const [contract] = await tx.$queryRaw<{ otherFee: Prisma.Decimal; otherReceived: Prisma.Decimal; otherFeeDueOn: Date | null }[]>`
        SELECT "otherFee", "otherReceived", "otherFeeDueOn" FROM "Contract" WHERE id = ${request.contractId} FOR UPDATE`;
      const otherFee = new Prisma.Decimal(contract.otherFee).plus(input.amount!);
      if (otherFee.greaterThan(OTHER_FEE_MAX)) throw new DomainError("invalidInput", { amount: ["amountTooLarge"] });
      const openDue = new Prisma.Decimal(contract.otherReceived).lessThan(contract.otherFee) && contract.otherFeeDueOn ? isoDateOnly(contract.otherFeeDueOn) : null;
      const dueOn = openDue && openDue < input.dueOn! ? openDue : input.dueOn!;
      await tx.contract.update({ where: { id: request.contractId }, data: { otherFee, otherFeeDueOn: dateOnly(dueOn), version: { increment: 1 } } });
      await writeAudit(tx, {
        actorId: user.id,
        action: "contract.topUp",
        entity: "Contract",
        entityId: request.contractId,
        before: { otherFee: new Prisma.Decimal(contract.otherFee).toFixed(2), otherFeeDueOn: contract.otherFeeDueOn ? isoDateOnly(contract.otherFeeDueOn) : null },
        after: { otherFee: otherFee.toFixed(2), otherFeeDueOn: dueOn, amount: input.amount, countryChangeId: request.id },
      });
    }

    const { count } = await tx.countryChangeRequest.updateMany({
      where: { id: request.id, version: input.version, moneyDecision: null },
      data: {
        moneyDecision: input.decision,
        moneyAmount: input.amount,
        moneyDueOn: input.dueOn ? dateOnly(input.dueOn) : null,
        refundId,
        moneyNote: input.note,
        moneyDecidedById: user.id,
        moneyDecidedAt: now,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new ConflictError();
    await writeAudit(tx, {
      actorId: user.id,
      action: "countryChange.money",
      entity: "CountryChangeRequest",
      entityId: request.id,
      before: { moneyDecision: null },
      after: { moneyDecision: input.decision, amount: input.amount, dueOn: input.dueOn, refundId, note: input.note },
    });
    const title = await countryChangeTitle(tx, request.id);
    for (const userId of new Set([request.requesterId, request.contract.ownerId])) {
      if (userId === user.id) continue;
      await notify(tx, {
        userId,
        kind: "countryChangeMoneyDecided",
        params: { title, decision: input.decision, amount: input.amount ?? "", dueOn: input.dueOn ?? "" },
        link: countryChangeHref(request.contractId),
      });
    }
    return { version: input.version + 1 };
  });
}
