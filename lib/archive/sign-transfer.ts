import "server-only";
import { prisma, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { inDepartment } from "./departments";

// Locks the hand-off and checks its version; a hand-off no longer SENT is "transferClosed".
async function lockOpenTransfer(tx: Tx, id: string, version: number) {
  await tx.$queryRaw`SELECT 1 FROM "CaseTransfer" WHERE "id" = ${id} FOR UPDATE`;
  const transfer = await tx.caseTransfer.findUnique({
    where: { id },
    select: { id: true, version: true, status: true, contractId: true, toDepartment: true, fromDepartment: true, receiverId: true, senderId: true },
  });
  if (!transfer) throw new NotFoundError();
  return {
    transfer,
    check() {
      if (transfer.status !== "SENT") throw new DomainError("transferClosed");
      if (transfer.version !== version) throw new ConflictError();
    },
  };
}

/**
 * 签收 (manual section 8): the receiver signs for hand-off `transferId` at `version`: the person it is
 * addressed to, or — addressed to a department — any member of it (lib/archive/departments.ts). A
 * hand-off to the archive centre is signed by 接收 instead (receive-case.ts: it needs the archive
 * number), so it is refused here with DomainError "receiveInstead". Anyone else gets NotFoundError (they
 * cannot tell it exists). A signed or withdrawn one is DomainError "transferClosed"; a stale version
 * ConflictError. Audited. Returns the new version.
 */
export async function signTransfer(user: SessionUser, input: { transferId: string; version: number }, now: Date = new Date()): Promise<{ version: number }> {
  return prisma.$transaction(async (tx) => {
    const { transfer, check } = await lockOpenTransfer(tx, input.transferId, input.version);
    const addressed = transfer.receiverId ? transfer.receiverId === user.id : inDepartment(user.roles, transfer.toDepartment);
    if (!addressed) throw new NotFoundError();
    if (transfer.toDepartment === "ARCHIVE") throw new DomainError("receiveInstead");
    check();
    await tx.caseTransfer.update({
      where: { id: transfer.id },
      data: { status: "SIGNED", signedAt: now, signedById: user.id, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actorId: user.id,
      action: "caseTransfer.sign",
      entity: "CaseTransfer",
      entityId: transfer.id,
      before: { status: "SENT" },
      after: { status: "SIGNED", contractId: transfer.contractId, signedAt: now.toISOString() },
    });
    return { version: input.version + 1 };
  });
}

/**
 * 撤回 a consultant's hand-off (咨询 → 档案中心) not yet signed for: its sender, or anyone with its contract
 * in their change scope (the consultant's manager, IT) — `mayChange(contractId)` answers that. Status
 * CANCELLED; audited. The archive centre's hand-off to the 文案 (made by 接收, which happens once) is not
 * withdrawn here: NotFoundError, as for anyone else's.
 * Throws NotFoundError, DomainError "transferClosed", ConflictError. Returns the new version.
 */
export async function cancelTransfer(
  user: SessionUser,
  input: { transferId: string; version: number },
  mayChange: (tx: Tx, contractId: string) => Promise<boolean>,
): Promise<{ version: number }> {
  return prisma.$transaction(async (tx) => {
    const { transfer, check } = await lockOpenTransfer(tx, input.transferId, input.version);
    if (transfer.fromDepartment !== "CONSULTING") throw new NotFoundError();
    if (transfer.senderId !== user.id && !(await mayChange(tx, transfer.contractId))) throw new NotFoundError();
    check();
    await tx.caseTransfer.update({ where: { id: transfer.id }, data: { status: "CANCELLED", version: { increment: 1 } } });
    await writeAudit(tx, {
      actorId: user.id,
      action: "caseTransfer.cancel",
      entity: "CaseTransfer",
      entityId: transfer.id,
      before: { status: "SENT" },
      after: { status: "CANCELLED", contractId: transfer.contractId },
    });
    return { version: input.version + 1 };
  });
}
