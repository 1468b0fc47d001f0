import { DomainError, type FieldErrors } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

// A stage's fee is never set below what has been received for it (issue 8 §2). Receipts stay on a
// contract that finance returns to 草稿 (驳回), and a 技术维护单 may change a locked contract's fees:
// lowering a fee under the money already in would leave receipts nobody owes, which only a 退费 may
// undo. Used by 编辑 (lib/contracts/update-contract.ts) and by filing and applying a 技术维护单.

const STAGES = [
  ["firstFee", "firstReceived"],
  ["secondFee", "secondReceived"],
] as const;

type Received = { firstFee: Prisma.Decimal; secondFee: Prisma.Decimal; firstReceived: Prisma.Decimal; secondReceived: Prisma.Decimal };

/**
 * Throws DomainError("invalidInput") with "feeBelowReceived" on each fee of `next` (CNY, exact
 * two-decimal strings; a fee left out is not changed) that changes the contract's fee to less than
 * that stage's received column (net of voided receipts), keyed `${prefix}firstFee` etc., and
 * `details.fieldParams[key].received` (the stage's received amount) for the message. A fee that stays
 * as it is passes even below what was received (an overpayment finance confirmed). Reads the columns
 * of `contract` as given: the caller reads them in its transaction, where no receipt can change them
 * meanwhile (the row locked, or a 草稿 that takes no receipts).
 */
export function assertFeesCoverReceived(contract: Received, next: { firstFee?: string | null; secondFee?: string | null }, prefix = "contract."): void {
  const fieldErrors: FieldErrors = {};
  const fieldParams: Record<string, { received: string }> = {};
  for (const [fee, received] of STAGES) {
    const value = next[fee];
    if (value === undefined || value === null) continue;
    const amount = new Prisma.Decimal(value);
    if (amount.equals(contract[fee]) || amount.greaterThanOrEqualTo(contract[received])) continue;
    fieldErrors[`${prefix}${fee}`] = ["feeBelowReceived"];
    fieldParams[`${prefix}${fee}`] = { received: contract[received].toFixed(2) };
  }
  if (Object.keys(fieldErrors).length) throw new DomainError("invalidInput", fieldErrors, { fieldParams });
}
