import "server-only";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { notify } from "@/lib/notifications/service";
import { contractRights } from "./access";
import { recordProcessHistory } from "./history";
import { isProcessClosed } from "./lifecycle";
import { processLink, processTitle, requireDocumentOfficer } from "./officers";
import { lockProcess } from "./progress";

/**
 * 更换文案 (issue 9 §4): process `processId` (at `version`), not 已完成 or 已停止, gets 文案
 * `documentOfficerId` (an active DOCUMENT_OFFICER user) with `reason`. Its open (待开始 / 进行中) 文案
 * steps move to the new 文案; finished steps keep who did them. Timeline row REASSIGN, audit row; the
 * old 文案 (if any) and the new one are notified. Who: process.assign with the contract in a change
 * scope reaching the team or all (the consultant's manager, IT). Throws NotFoundError, ConflictError,
 * DomainError "invalidTransition" (closed process), "documentOfficerInvalid", "sameDocumentOfficer".
 */
export async function reassignProcess(
  user: SessionUser,
  input: { processId: string; version: number; documentOfficerId: string; reason: string },
): Promise<{ processId: string; version: number }> {
  return prisma.$transaction(async (tx) => {
    const found = await tx.contractProcess.findUnique({ where: { id: input.processId }, select: { contractId: true } });
    if (!found) throw new NotFoundError();
    if (!(await contractRights(user, found.contractId, tx)).assign) throw new NotFoundError();
    const locked = await lockProcess(tx, input.processId);
    if (locked.version !== input.version) throw new ConflictError();
    const process = await tx.contractProcess.findUniqueOrThrow({
      where: { id: input.processId },
      select: { id: true, name: true, status: true, documentOfficerId: true, documentOfficer: { select: { name: true } }, contract: { select: { id: true, number: true, customerName: true } } },
    });
    if (isProcessClosed(process.status)) throw new DomainError("invalidTransition");
    const officer = await requireDocumentOfficer(tx, input.documentOfficerId);
    if (officer.id === process.documentOfficerId) throw new DomainError("sameDocumentOfficer", { documentOfficerId: ["invalid"] });
    await tx.contractProcess.update({ where: { id: process.id }, data: { documentOfficerId: officer.id, version: { increment: 1 } } });
    const moved = await tx.processStep.updateMany({
      where: { processId: process.id, role: "DOCUMENT_OFFICER", status: { in: ["PENDING", "IN_PROGRESS"] } },
      data: { ownerId: officer.id, version: { increment: 1 } },
    });
    const data = { fromId: process.documentOfficerId, fromName: process.documentOfficer?.name ?? null, toId: officer.id, toName: officer.name, steps: moved.count };
    await recordProcessHistory(tx, { processId: process.id, actorId: user.id, action: "REASSIGN", comment: input.reason, data });
    await writeAudit(tx, {
      actorId: user.id,
      action: "process.reassign",
      entity: "ContractProcess",
      entityId: process.id,
      before: { documentOfficerId: process.documentOfficerId },
      after: { documentOfficerId: officer.id, reason: input.reason },
    });
    const title = processTitle(process.contract, process.name);
    const link = processLink(process.contract.id, process.id);
    if (officer.id !== user.id) {
      await notify(tx, { userId: officer.id, kind: "processAssigned", params: { title, byName: user.name, reason: input.reason }, link });
    }
    if (process.documentOfficerId && process.documentOfficerId !== user.id) {
      await notify(tx, { userId: process.documentOfficerId, kind: "processReassignedAway", params: { title, byName: user.name, toName: officer.name, reason: input.reason }, link: null });
    }
    return { processId: process.id, version: input.version + 1 };
  });
}
