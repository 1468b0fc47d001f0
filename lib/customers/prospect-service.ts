import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { changedFields, writeAudit } from "@/lib/audit/audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { assertDictionaryRefs, assertKeptIdentity, assertNoDuplicates, toProspectRecord } from "./customer-records";
import { findDuplicates, lockDuplicateKeys } from "./duplicates";
import { assertCustomerStage } from "./lifecycle";
import type { ProspectInput, UpdateProspectInput } from "./schema";
import { customerScope } from "@/lib/auth/scope";

/**
 * 新建准客户 (section 1): a prospect owned by the user, with its audit row. Returns `{ id }`.
 * Throws DomainError("invalidInput") for a stale dictionary id and "duplicateOther" / "duplicateMine"
 * for a 撞单 on 电话, 身份证, 护照, 微信 or EMAIL.
 */
export async function createProspect(user: SessionUser, input: ProspectInput): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    await assertDictionaryRefs(tx, input);
    await lockDuplicateKeys(tx, input);
    assertNoDuplicates(await findDuplicates(tx, user, input));
    const data = toProspectRecord(input);
    const created = await tx.customer.create({
      data: { ...data, status: "PROSPECT", ownerId: user.id, createdById: user.id },
      select: { id: true },
    });
    await writeAudit(tx, { actorId: user.id, action: "prospect.create", entity: "Customer", entityId: created.id, after: data });
    return created;
  });
}

/**
 * 我的准客户 → 编辑 (section 2) of a prospect in the user's scope. Returns the new `{ id, version }`.
 * Throws NotFoundError (outside the scope), DomainError("prospectSigned") when it has signed meanwhile,
 * ConflictError for a stale `version`, and the create's validation errors.
 */
export async function updateProspect(user: SessionUser, input: UpdateProspectInput): Promise<{ id: string; version: number }> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.customer.findFirst({ where: { AND: [{ id: input.id }, await customerScope(user, "change", tx)] } });
    if (!current) throw new NotFoundError();
    assertCustomerStage(current.status, "updateProspect");
    if (current.version !== input.version) throw new ConflictError();
    assertKeptIdentity(input, current);
    await assertDictionaryRefs(tx, input);
    await lockDuplicateKeys(tx, input);
    assertNoDuplicates(await findDuplicates(tx, user, input, input.id));

    const data = toProspectRecord(input);
    // Version and stage in the WHERE make the check and the write one step: a save that lost the race
    // (to another edit, or to 签约) updates nothing.
    const { count } = await tx.customer.updateMany({
      where: { id: input.id, version: input.version, status: "PROSPECT" },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    const diff = changedFields(current, data);
    await writeAudit(tx, { actorId: user.id, action: "prospect.update", entity: "Customer", entityId: input.id, ...diff });
    return { id: input.id, version: input.version + 1 };
  });
}
