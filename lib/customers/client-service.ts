import { prisma, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { changedFields, writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError, NotFoundError, type FieldErrors } from "@/lib/errors";
import { CUSTOMER_CHANGE_FIELDS } from "@/lib/change-forms/schema";
import { isLocked } from "@/lib/contracts/lifecycle";
import { findDuplicates, lockDuplicateKeys } from "./duplicates";
import type { UpdateClientInput } from "./schema";
import { customerScope } from "@/lib/auth/scope";
import { assertDictionaryRefs, assertKeptIdentity, assertNoDuplicates, toClientRecord } from "./customer-records";
import { assertCustomerStage } from "./lifecycle";

/**
 * 我的签约客户 → 编辑 (section 3): the same rules as a prospect edit, with the client's required fields.
 * Returns the new `{ id, version }`. Throws NotFoundError (outside the scope), DomainError("notClient") for
 * a prospect, ConflictError for a stale `version`, DomainError("contractLocked") when it changes a field
 * only a 技术维护单 may change, and the prospect edit's validation errors.
 */
export async function updateClient(user: SessionUser, input: UpdateClientInput): Promise<{ id: string; version: number }> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.customer.findFirst({ where: { AND: [{ id: input.id }, await customerScope(user, "change", tx)] } });
    if (!current) throw new NotFoundError();
    assertCustomerStage(current.status, "updateClient");
    if (current.version !== input.version) throw new ConflictError();
    assertKeptIdentity(input, current, { requireIdCard: true });
    const data = toClientRecord(input);
    await assertNoLockedFieldChanges(tx, input.id, current, data);
    await assertDictionaryRefs(tx, input);
    await lockDuplicateKeys(tx, input);
    assertNoDuplicates(await findDuplicates(tx, user, input, input.id));

    // The version in the WHERE makes the check and the write one step: a save that lost the race updates nothing.
    const { count } = await tx.customer.updateMany({
      where: { id: input.id, version: input.version, status: "CLIENT" },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    await writeAudit(tx, {
      actorId: user.id,
      action: "client.update",
      entity: "Customer",
      entityId: input.id,
      ...changedFields(current, data),
    });
    return { id: input.id, version: input.version + 1 };
  });
}

/**
 * Once one of the client's contracts is locked by the finance audit (lifecycle.isLocked), the fields a
 * 技术维护单 may change (CUSTOMER_CHANGE_FIELDS: 姓名, 电话, 性别, 身份证, 出生日期, 籍贯, 学历) change only
 * through a form (issue 8 §3). Values are compared as stored, so resubmitting an unchanged value passes.
 * Throws DomainError("contractLocked") with a "lockedByContract" field error on each changed field.
 */
async function assertNoLockedFieldChanges(
  tx: Tx,
  customerId: string,
  current: Record<string, unknown>,
  data: Record<string, unknown>,
): Promise<void> {
  const { after } = changedFields(current, data);
  const changed = CUSTOMER_CHANGE_FIELDS.filter((field) => field in after);
  if (changed.length === 0) return;
  const contracts = await tx.contract.findMany({ where: { customerId }, select: { status: true } });
  if (!contracts.some((c) => isLocked(c.status))) return;
  const fieldErrors: FieldErrors = Object.fromEntries(changed.map((field) => [field, ["lockedByContract"]]));
  throw new DomainError("contractLocked", fieldErrors);
}
