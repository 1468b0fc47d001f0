import { isLocked } from "@/lib/contracts/lifecycle";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContractStatus, ReceiptStage } from "@/lib/generated/prisma/enums";

// 审核通过 needs the 一期 fully received, or a stated reason (issue 8 §2; ./audit-contract.ts). The same
// holds while the contract stays audited: a void that takes 一期 below its fee afterwards needs a
// stated reason too (./receipts.ts). Pure, so the service and the page that offers 作废 agree.

/**
 * Whether voiding `receipt` (not yet voided) leaves 一期 short on an audited contract (已审核, 进行中,
 * 已完成): a 一期 receipt whose amount taken off `firstReceived` leaves less than `firstFee`.
 */
export function voidLeavesFirstShort(
  contract: { status: ContractStatus; firstFee: Prisma.Decimal; firstReceived: Prisma.Decimal },
  receipt: { stage: ReceiptStage; amount: Prisma.Decimal },
): boolean {
  if (receipt.stage !== "FIRST" || !isLocked(contract.status)) return false;
  return contract.firstReceived.minus(receipt.amount).lessThan(contract.firstFee);
}
