import "server-only";
import { exceeds, refundBalance } from "./limits";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { notify } from "@/lib/notifications/service";
import { dateOnly } from "@/lib/time";
import { refundPayoutScope } from "./access";
import type { PayRefundInput } from "./schema";

/**
 * 付款 (issue 8 §2): finance records that an approved refund was paid out — on `paidOn` (Asia/Shanghai
 * calendar day, not in the future: the schema), by `method`, with the bank's 流水号 — in one transaction:
 * the refund becomes PAID (paidBy, paidAt), the contract's `refunded` grows by the amount (CNY, exact),
 * both with audit rows, and the requester is notified (refundPaid).
 * Throws ForbiddenError (no approval.finance), NotFoundError (no such refund in finance's reach),
 * DomainError("alreadyDecided") when it is not (or no longer) waiting for payout — paid twice, say —
 * and ConflictError for a stale version.
 */
export async function payRefund(user: SessionUser, input: PayRefundInput, now: Date = new Date()): Promise<void> {
  if (!can(user.roles, "approval.finance")) throw new ForbiddenError();
  await prisma.$transaction(async (tx) => {
    const refund = await tx.refund.findFirst({
      where: { id: input.id, contract: await refundPayoutScope(user, tx) },
      select: {
        status: true,
        version: true,
        amount: true,
        contractId: true,
        requestedById: true,
        contract: { select: { number: true, customerName: true } },
      },
    });
    if (!refund) throw new NotFoundError();
    if (refund.status !== "APPROVED") throw new DomainError("alreadyDecided");
    if (refund.version !== input.version) throw new ConflictError();
    // What was received may have shrunk since the approval (a voided receipt): never pay out more than
    // is left after the refunds already paid. Lock the contract's money first, as the receipts do.
    await tx.$queryRaw`SELECT id FROM "Contract" WHERE id = ${refund.contractId} FOR UPDATE`;
    const balance = await refundBalance(tx, refund.contractId);
    if (!balance || exceeds(refund.amount.toFixed(2), balance.net)) throw new DomainError("refundExceedsReceived");
    const { count } = await tx.refund.updateMany({
      where: { id: input.id, status: "APPROVED", version: input.version },
      data: {
        status: "PAID",
        paidOn: dateOnly(input.paidOn),
        method: input.method,
        reference: input.reference,
        paidById: user.id,
        paidAt: now,
        version: { increment: 1 },
      },
    });
    // Another payout of the same refund committed first.
    if (count === 0) throw new DomainError("alreadyDecided");

    const amount = refund.amount.toFixed(2);
    const before = await tx.contract.findUniqueOrThrow({ where: { id: refund.contractId }, select: { refunded: true } });
    const after = await tx.contract.update({
      where: { id: refund.contractId },
      data: { refunded: { increment: refund.amount } },
      select: { refunded: true },
    });
    await writeAudit(tx, {
      actorId: user.id,
      action: "refund.pay",
      entity: "Refund",
      entityId: input.id,
      before: { status: "APPROVED" },
      after: { status: "PAID", paidOn: input.paidOn, method: input.method, reference: input.reference, amount },
    });
    await writeAudit(tx, {
      actorId: user.id,
      action: "contract.refund",
      entity: "Contract",
      entityId: refund.contractId,
      before: { refunded: before.refunded.toFixed(2) },
      after: { refunded: after.refunded.toFixed(2) },
    });
    await notify(tx, {
      userId: refund.requestedById,
      kind: "refundPaid",
      params: { title: `${refund.contract.customerName} · ${refund.contract.number} · ¥${amount}`, paidOn: input.paidOn },
      link: `/contracts/${refund.contractId}`,
    });
  });
}
