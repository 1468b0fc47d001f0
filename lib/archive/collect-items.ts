import "server-only";
import { prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { contractScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { CaseTransferItemKind } from "@/lib/generated/prisma/enums";

/**
 * 补收 (issue 10 §1, "missing items can be chased"): the archive centre (archive.transfer, contract in
 * the read scope) receives items of a signed 咨询 → 档案中心 hand-off that were missing at 接收. Each
 * item in `items` must still be missing (DomainError "itemNotMissing" otherwise, field items); when
 * none is left the record is complete. The hand-off's version guards against two 补收 at once
 * (ConflictError). Audited on the hand-off. Returns the new version and how many items are still missing.
 */
export async function collectMissingItems(
  user: SessionUser,
  input: { transferId: string; version: number; items: CaseTransferItemKind[] },
  now: Date = new Date(),
): Promise<{ version: number; missing: number }> {
  if (!can(user.roles, "archive.transfer")) throw new ForbiddenError();
  return prisma.$transaction(async (tx) => {
    const transfer = await tx.caseTransfer.findFirst({
      where: { id: input.transferId, toDepartment: "ARCHIVE", contract: await contractScope(user, "read", tx) },
      select: { id: true, status: true, version: true, contractId: true, items: { select: { item: true, receivedAt: true } } },
    });
    if (!transfer) throw new NotFoundError();
    if (transfer.status !== "SIGNED") throw new DomainError("transferNotSigned");
    const missing = new Set(transfer.items.filter((i) => !i.receivedAt).map((i) => i.item));
    if (input.items.some((item) => !missing.has(item))) throw new DomainError("itemNotMissing", { items: ["itemNotMissing"] });
    const { count } = await tx.caseTransfer.updateMany({ where: { id: transfer.id, version: input.version }, data: { version: { increment: 1 } } });
    if (count === 0) throw new ConflictError();
    await tx.caseTransferItem.updateMany({
      where: { transferId: transfer.id, item: { in: input.items }, receivedAt: null },
      data: { receivedAt: now, receivedById: user.id },
    });
    const left = missing.size - new Set(input.items).size;
    await writeAudit(tx, {
      actorId: user.id,
      action: "caseTransfer.collect",
      entity: "CaseTransfer",
      entityId: transfer.id,
      before: { missing: [...missing] },
      after: { received: input.items, contractId: transfer.contractId, complete: left === 0 },
    });
    return { version: input.version + 1, missing: left };
  });
}
