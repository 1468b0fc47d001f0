import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { changedFields, writeAudit } from "@/lib/audit/audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { findDuplicates, lockDuplicateKeys } from "./duplicates";
import type { UpdateClientInput } from "./schema";
import { customerScope } from "@/lib/auth/scope";
import { assertDictionaryRefs, assertNoDuplicates, toClientRecord } from "./customer-records";
import { assertCustomerStage } from "./lifecycle";

/**
 * 我的签约客户 → 编辑 (section 3): the same rules as a prospect edit, with the client's required fields.
 * Returns the new `{ id, version }`. Throws NotFoundError (outside the scope), DomainError("notClient") for
 * a prospect, ConflictError for a stale `version`, and the prospect edit's validation errors.
 */
export async function updateClient(user: SessionUser, input: UpdateClientInput): Promise<{ id: string; version: number }> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.customer.findFirst({ where: { AND: [{ id: input.id }, await customerScope(user, "change", tx)] } });
    if (!current) throw new NotFoundError();
    assertCustomerStage(current.status, "updateClient");
    if (current.version !== input.version) throw new ConflictError();
    await assertDictionaryRefs(tx, input);
    await lockDuplicateKeys(tx, input);
    assertNoDuplicates(await findDuplicates(tx, user, input, input.id));

    const data = toClientRecord(input);
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
