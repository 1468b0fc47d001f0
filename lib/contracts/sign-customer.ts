import type { SessionUser } from "@/lib/auth/session";
import { customerScope } from "@/lib/auth/scope";
import { changedFields, writeAudit } from "@/lib/audit/audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { CUSTOMER_REFS, type CustomerRefFields, assertKeptIdentity, assertNoDuplicates, toClientRecord } from "@/lib/customers/customer-records";
import { findDuplicates, lockDuplicateKeys } from "@/lib/customers/duplicates";
import { assertCustomerStage } from "@/lib/customers/lifecycle";
import { dictionaryRefErrors } from "@/lib/dictionaries/refs";
import { assertNoFieldErrors, assertNumberFree, contractRefErrors, inContractTransaction, insertContract } from "./contract-records";
import type { SignInput } from "./schema";

/**
 * 签约 (section 2): the prospect becomes a client with its required fields completed and gets its first
 * contract (草稿, or 待经理审核 with `submit`), all in one transaction, so a refused contract leaves the
 * prospect exactly as it was. Returns `{ customerId, contractId }`. Throws NotFoundError (outside the
 * scope), DomainError("notProspect") for a client, ConflictError (stale `customerVersion`), and
 * DomainError for invalid choices, a 撞单 ("client." fields) or a taken 合同号 ("contract.number").
 */
export async function signCustomer(user: SessionUser, input: SignInput): Promise<{ customerId: string; contractId: string }> {
  return inContractTransaction(async (tx) => {
    const current = await tx.customer.findFirst({ where: { AND: [{ id: input.customerId }, await customerScope(user, "change", tx)] } });
    if (!current) throw new NotFoundError();
    assertCustomerStage(current.status, "sign");
    if (current.version !== input.customerVersion) throw new ConflictError();

    assertKeptIdentity(input.client, current, { requireIdCard: true, prefix: "client." });
    assertNoFieldErrors(await dictionaryRefErrors<CustomerRefFields>(tx, input.client, CUSTOMER_REFS, "client."), await contractRefErrors(tx, input.contract));
    await lockDuplicateKeys(tx, input.client);
    assertNoDuplicates(await findDuplicates(tx, user, input.client, current.id), "client.");
    await assertNumberFree(tx, input.contract.number);

    const data = { ...toClientRecord(input.client), status: "CLIENT" as const, signedAt: new Date() };
    const { count } = await tx.customer.updateMany({
      where: { id: current.id, version: current.version, status: "PROSPECT" },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    await writeAudit(tx, {
      actorId: user.id,
      action: "client.sign",
      entity: "Customer",
      entityId: current.id,
      ...changedFields(current, data),
    });

    const contractId = await insertContract(tx, user, current, input.contract, input.submit);
    return { customerId: current.id, contractId };
  });
}
