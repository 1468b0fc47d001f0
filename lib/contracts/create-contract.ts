import type { SessionUser } from "@/lib/auth/session";
import { customerScope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";
import { assertCustomerStage } from "@/lib/customers/lifecycle";
import { assertNoFieldErrors, assertNumberFree, contractRefErrors, inContractTransaction, insertContract } from "./contract-records";
import type { CreateContractInput } from "./schema";

/**
 * 创建合同 (section 3): a further contract for a client who has already signed, 草稿 or (with `submit`)
 * 待经理审核. Returns `{ contractId }`. Throws NotFoundError (outside the scope), DomainError("notClient")
 * for a prospect, DomainError("invalidInput") for invalid choices and "contractNumberTaken" for a taken 合同号.
 */
export async function createContract(user: SessionUser, input: CreateContractInput): Promise<{ contractId: string }> {
  return inContractTransaction(async (tx) => {
    const customer = await tx.customer.findFirst({
      where: { AND: [{ id: input.customerId }, await customerScope(user, "change", tx)] },
      select: { id: true, ownerId: true, status: true },
    });
    if (!customer) throw new NotFoundError();
    assertCustomerStage(customer.status, "createContract");

    assertNoFieldErrors(await contractRefErrors(tx, input.contract));
    await assertNumberFree(tx, input.contract.number);
    const contractId = await insertContract(tx, user, customer, input.contract, input.submit);
    return { contractId };
  });
}
