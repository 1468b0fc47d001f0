import type { SessionUser } from "@/lib/auth/session";
import { contractScope } from "@/lib/auth/scope";
import { changedFields, writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { assertFeesCoverReceived } from "@/lib/finance/fee-floor";
import { assertNoFieldErrors, assertNumberFree, contractRefErrors, inContractTransaction, toContractRecord } from "./contract-records";
import { editRefusal } from "./lifecycle";
import type { UpdateContractInput } from "./schema";

/**
 * 我的合同 → 编辑 (section 4) of a 草稿 (new, or returned by a rejection). Returns the new `{ id, version }`.
 * Throws NotFoundError (outside the user's change scope), DomainError("contractUnderReview" |
 * "contractLocked") outside 草稿 — locked means a 技术维护单, for every role, IT included — ConflictError
 * for a stale `version`, DomainError for invalid choices or a taken 合同号, and DomainError("invalidInput")
 * with "feeBelowReceived" on a fee changed to less than what finance received for its stage (receipts
 * stay on a contract finance returned to 草稿; lib/finance/fee-floor.ts).
 */
export async function updateContract(user: SessionUser, input: UpdateContractInput): Promise<{ id: string; version: number }> {
  return inContractTransaction(async (tx) => {
    const current = await tx.contract.findFirst({ where: { AND: [{ id: input.id }, await contractScope(user, "change", tx)] } });
    if (!current) throw new NotFoundError();
    const refusal = editRefusal(current.status);
    if (refusal) throw new DomainError(refusal);
    if (current.version !== input.version) throw new ConflictError();

    assertNoFieldErrors(await contractRefErrors(tx, input.contract));
    // A 草稿 takes no receipts (lib/finance/contract-lock.ts), so its received columns hold still here.
    assertFeesCoverReceived(current, input.contract);
    await assertNumberFree(tx, input.contract.number, current.id);

    const data = toContractRecord(input.contract);
    // Version and status in the WHERE: a save that lost the race to another edit or a submit updates nothing.
    const { count } = await tx.contract.updateMany({
      where: { id: current.id, version: input.version, status: current.status },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    // Decimal columns come back as Decimal; compare them in the form the input uses ("30000.00").
    const before = { ...current, firstFee: current.firstFee.toFixed(2), secondFee: current.secondFee.toFixed(2) };
    await writeAudit(tx, {
      actorId: user.id,
      action: "contract.update",
      entity: "Contract",
      entityId: current.id,
      ...changedFields(before, data),
    });
    return { id: current.id, version: input.version + 1 };
  });
}
