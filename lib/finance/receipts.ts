import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { ReceiptStage } from "@/lib/generated/prisma/enums";
import { sumCny } from "@/lib/money";
import { exceeds, refundBalance } from "@/lib/refunds/limits";
import { dateOnly } from "@/lib/time";
import { lockContractForMoney } from "./contract-lock";
import { voidLeavesFirstShort } from "./shortfall";
import type { ReceiptInput } from "./schema";

// 收款 and 作废 (issue 8 §2). A receipt is never edited or deleted: a wrong one is voided with a reason
// and entered again, and both stay on the contract. The contract's received columns (firstReceived,
// secondReceived, otherReceived) always equal the sum of its receipts that are not voided, kept in the
// transaction that adds or voids one, so 应收 sums columns.

const COLUMN: Record<ReceiptStage, "firstReceived" | "secondReceived" | "otherReceived"> = {
  FIRST: "firstReceived",
  SECOND: "secondReceived",
  OTHER: "otherReceived",
};

/**
 * Records one receipt (CNY, exact, > 0; 收款日期 an Asia/Shanghai calendar day) on a contract finance
 * may work on, in one transaction with the contract's received column and an audit row
 * "receipt.create" on the contract. A receipt that takes 一期 or 二期 past its fee is refused with
 * DomainError("receiptExceedsFee", details { stage, fee, received, amount, total }) unless the input
 * says `confirmOverpayment` (the user saw and confirmed it). Returns the receipt's id and the stage's
 * new total. Throws ForbiddenError, NotFoundError (outside the audit scope) and
 * DomainError("contractTakesNoMoney") for a contract in 草稿, under the manager's review or 已终止.
 */
/** The largest total a stage's received column (Decimal(12, 2)) holds, CNY. */
const STAGE_TOTAL_MAX = new Prisma.Decimal("9999999999.99");

export async function recordReceipt(actor: SessionUser, input: ReceiptInput): Promise<{ id: string; received: string }> {
  return prisma.$transaction(async (tx) => {
    const contract = await lockContractForMoney(tx, actor, input.contractId);
    const column = COLUMN[input.stage];
    const amount = new Prisma.Decimal(input.amount);
    const total = contract[column].plus(amount);
    // The column holds 12 digits with 2 decimals: a stage total past that is a mistake, not money.
    if (total.greaterThan(STAGE_TOTAL_MAX)) throw new DomainError("invalidInput", { amount: ["amountTooLarge"] });
    const fee = input.stage === "FIRST" ? contract.firstFee : input.stage === "SECOND" ? contract.secondFee : null;
    if (fee && total.greaterThan(fee) && !input.confirmOverpayment) {
      throw new DomainError("receiptExceedsFee", undefined, {
        stage: input.stage,
        fee: fee.toFixed(2),
        received: contract[column].toFixed(2),
        amount: amount.toFixed(2),
        total: total.toFixed(2),
      });
    }
    const receipt = await tx.receipt.create({
      data: {
        contractId: contract.id,
        stage: input.stage,
        amount,
        receivedOn: dateOnly(input.receivedOn),
        method: input.method,
        payer: input.payer,
        reference: input.reference,
        invoiceNumber: input.invoiceNumber,
        note: input.note,
        recordedById: actor.id,
      },
      select: { id: true },
    });
    await tx.contract.update({ where: { id: contract.id }, data: { [column]: { increment: amount } } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "receipt.create",
      entity: "Contract",
      entityId: contract.id,
      before: { [column]: contract[column].toFixed(2) },
      after: {
        receiptId: receipt.id,
        stage: input.stage,
        amount: amount.toFixed(2),
        receivedOn: input.receivedOn,
        method: input.method,
        payer: input.payer,
        reference: input.reference,
        invoiceNumber: input.invoiceNumber,
        note: input.note,
        [column]: total.toFixed(2),
        ...(fee && total.greaterThan(fee) ? { overpaymentConfirmed: true } : {}),
      },
    });
    return { id: receipt.id, received: total.toFixed(2) };
  });
}

/**
 * 作废: marks receipt `id` void with `reason` (who and when too) and takes its amount off the
 * contract's received column, with an audit row "receipt.void" on the contract, in one transaction.
 * The receipt stays, struck through. A contract already audited (已审核 or later) stays audited only
 * with its 一期 received or a stated reason (issue 8 §2, as at 审核通过): a void of a 一期 receipt that
 * leaves 一期 short there needs `shortfallReason`, stored on the receipt and shown with the audit's own
 * reason (lib/finance/queries.ts: firstShortfalls); it is ignored for any other void.
 * Throws ForbiddenError, NotFoundError (no such receipt, or its contract outside the audit scope),
 * DomainError("receiptAlreadyVoided"), DomainError("contractTakesNoMoney"), DomainError
 * ("receiptBacksRefund") when refunds rest on the money, and DomainError("voidLeavesFirstFeeShort",
 * { shortfallReason: ["shortfallReasonRequired"] }, { fee, received }) without the needed reason
 * (`received`: 一期 after the void).
 */
export async function voidReceipt(actor: SessionUser, input: { id: string; reason: string; shortfallReason?: string | null }): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const found = await tx.receipt.findUnique({ where: { id: input.id }, select: { contractId: true } });
    if (!found) throw new NotFoundError();
    const contract = await lockContractForMoney(tx, actor, found.contractId);
    // Read after the lock: a void that won the race is seen here.
    const receipt = await tx.receipt.findUniqueOrThrow({ where: { id: input.id } });
    if (receipt.voidedAt) throw new DomainError("receiptAlreadyVoided");
    const column = COLUMN[receipt.stage];
    // Refunds paid, approved or waiting rest on what was received: a void may not take the money
    // from under them (the refund is withdrawn or rejected first).
    const balance = await refundBalance(tx, contract.id);
    if (balance && exceeds(sumCny(receipt.amount.toFixed(2), balance.refunded, balance.reserved), balance.received)) {
      throw new DomainError("receiptBacksRefund", undefined, { refunded: balance.refunded, reserved: balance.reserved });
    }
    const left = contract[column].minus(receipt.amount);
    const short = voidLeavesFirstShort(contract, receipt);
    const shortfallReason = short ? (input.shortfallReason ?? null) : null;
    if (short && !shortfallReason) {
      throw new DomainError("voidLeavesFirstFeeShort", { shortfallReason: ["shortfallReasonRequired"] }, {
        fee: contract.firstFee.toFixed(2),
        received: left.toFixed(2),
      });
    }
    const voidedAt = new Date();
    const { count } = await tx.receipt.updateMany({
      where: { id: receipt.id, voidedAt: null },
      data: { voidedAt, voidedById: actor.id, voidReason: input.reason, shortfallReason },
    });
    if (count === 0) throw new DomainError("receiptAlreadyVoided");
    await tx.contract.update({ where: { id: contract.id }, data: { [column]: { decrement: receipt.amount } } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "receipt.void",
      entity: "Contract",
      entityId: contract.id,
      before: { [column]: contract[column].toFixed(2) },
      after: {
        receiptId: receipt.id,
        stage: receipt.stage,
        amount: receipt.amount.toFixed(2),
        reference: receipt.reference,
        voidReason: input.reason,
        ...(shortfallReason ? { shortfallReason } : {}),
        [column]: left.toFixed(2),
      },
    });
    return { id: receipt.id };
  });
}
