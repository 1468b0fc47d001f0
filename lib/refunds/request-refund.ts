import "server-only";
import { prisma, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { refundRequestScope } from "./access";
import { exceeds, refundBalance } from "./limits";
import type { RequestRefundInput } from "./schema";

/**
 * 申请退费 (issue 8 §2): `user` — the contract's consultant side or finance (./access.ts) — asks to
 * refund `amount` CNY of the contract's money, for `reason`. The contract row is locked first, so two
 * requests at once are judged one after the other: the amount must not exceed what was received, less
 * what was refunded and what pending or approved-but-unpaid refunds already claim (./limits.ts).
 * The refund waits for the requester's manager (PENDING_MANAGER) in the 经理审核 inbox.
 * Returns the refund's id and version. Throws NotFoundError (no such contract in the user's reach) and
 * DomainError("invalidInput", { amount: ["refundExceedsNet"] }) with `details.available`.
 */
export async function requestRefund(user: SessionUser, input: RequestRefundInput): Promise<{ id: string; version: number }> {
  return prisma.$transaction(async (tx) => {
    const contract = await tx.contract.findFirst({
      where: { AND: [{ id: input.contractId }, await refundRequestScope(user, tx)] },
      select: { id: true },
    });
    if (!contract) throw new NotFoundError();
    return refundRequestIn(tx, user, { contractId: contract.id, amount: input.amount, reason: input.reason });
  });
}

/**
 * 撤回: the requester takes back their refund request while it waits for the manager (→ WITHDRAWN).
 * Throws NotFoundError (not the user's request), DomainError("alreadyDecided") once decided or
 * withdrawn, ConflictError for a stale version.
 */
export async function withdrawRefund(user: SessionUser, input: { id: string; version: number }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const refund = await tx.refund.findFirst({ where: { id: input.id, requestedById: user.id }, select: { status: true, version: true } });
    if (!refund) throw new NotFoundError();
    if (refund.status !== "PENDING_MANAGER") throw new DomainError("alreadyDecided");
    if (refund.version !== input.version) throw new ConflictError();
    const { count } = await tx.refund.updateMany({
      where: { id: input.id, status: "PENDING_MANAGER", version: input.version },
      data: { status: "WITHDRAWN", version: { increment: 1 } },
    });
    if (count === 0) throw new DomainError("alreadyDecided");
    await writeAudit(tx, {
      actorId: user.id,
      action: "refund.withdraw",
      entity: "Refund",
      entityId: input.id,
      before: { status: "PENDING_MANAGER" },
      after: { status: "WITHDRAWN" },
    });
  });
}

/**
 * requestRefund's writes inside `tx` for `requester`, whom the caller has checked: locks the contract,
 * checks the amount against what may still be refunded (./limits.ts) and stores the refund
 * PENDING_MANAGER with the audit row "refund.request". Also used by 转国家's money decision
 * (lib/country-change: 部分退费 goes through this refund flow). Throws as requestRefund after its
 * scope check.
 */
export async function refundRequestIn(
  tx: Tx,
  requester: Pick<SessionUser, "id">,
  input: { contractId: string; amount: string; reason: string },
): Promise<{ id: string; version: number }> {
  await tx.$queryRaw`SELECT id FROM "Contract" WHERE id = ${input.contractId} FOR UPDATE`;
  const balance = (await refundBalance(tx, input.contractId))!;
  if (exceeds(input.amount, balance.available)) {
    throw new DomainError("invalidInput", { amount: ["refundExceedsNet"] }, { available: balance.available });
  }
  const refund = await tx.refund.create({
    data: { contractId: input.contractId, amount: input.amount, reason: input.reason, requestedById: requester.id },
    select: { id: true, version: true },
  });
  await writeAudit(tx, {
    actorId: requester.id,
    action: "refund.request",
    entity: "Refund",
    entityId: refund.id,
    before: null,
    after: { contractId: input.contractId, amount: input.amount, reason: input.reason, status: "PENDING_MANAGER" },
  });
  return refund;
}
