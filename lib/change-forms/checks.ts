import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { assertNoFieldErrors, assertNumberFree, CONTRACT_REFS } from "@/lib/contracts/contract-records";
import { CUSTOMER_REFS, assertNoDuplicates } from "@/lib/customers/customer-records";
import { findDuplicates, lockDuplicateKeys } from "@/lib/customers/duplicates";
import { birthDateMatchesIdCard, DUPLICATE_KEYS } from "@/lib/customers/schema";
import { dictionaryRefErrors, type DictionaryRefs } from "@/lib/dictionaries/refs";
import type { FieldErrors } from "@/lib/errors";
import type { ChangeRecord } from "./schema";

// The checks a new value must pass besides its field schema, the same the contract and client forms
// run on a save: active dictionary items, a free 合同号, no 撞单 on 电话 / 身份证, and a 出生日期 that
// matches the 身份证. Run when the form is filed and again when IT applies it (the world may have
// moved on in between: an item retired, a number or a phone taken).

type Values = Record<ChangeRecord, Record<string, string | null>>;
type AnyRefs = DictionaryRefs<Record<string, string | null>>;

/**
 * Throws DomainError("invalidInput") with field errors keyed as the form names them
 * ("contract.countryId": invalidChoice, "customer.birthDate": birthDateMismatch),
 * DomainError("contractNumberTaken") on "contract.number", or DomainError("duplicateOther" |
 * "duplicateMine") on "customer.phone" / "customer.idCard" (lib/customers/customer-records.ts).
 * `current` is the records' values now, `next` the new values (field → value) per record.
 */
export async function assertNewValuesAllowed(
  tx: Tx,
  actor: Pick<SessionUser, "id">,
  ids: { contractId: string; customerId: string },
  current: Values,
  next: Values,
): Promise<void> {
  const errors: FieldErrors = {
    ...(await dictionaryRefErrors(tx, next.contract, CONTRACT_REFS as unknown as AnyRefs, "contract.")),
    ...(await dictionaryRefErrors(tx, next.customer, CUSTOMER_REFS as unknown as AnyRefs, "customer.")),
  };
  if ("idCard" in next.customer || "birthDate" in next.customer) {
    const client = { ...current.customer, ...next.customer };
    if (!birthDateMatchesIdCard({ idCard: client.idCard, birthDate: client.birthDate })) {
      errors["customer.birthDate"] = ["birthDateMismatch"];
    }
  }
  assertNoFieldErrors(errors);
  if (next.contract.number) await assertNumberFree(tx, next.contract.number, ids.contractId);
  const keys = Object.fromEntries(DUPLICATE_KEYS.filter((k) => next.customer[k]).map((k) => [k, next.customer[k]]));
  if (Object.keys(keys).length) {
    await lockDuplicateKeys(tx, keys);
    assertNoDuplicates(await findDuplicates(tx, actor, keys, ids.customerId), "customer.");
  }
}
