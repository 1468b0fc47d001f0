import "server-only";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { contractRights } from "./access";
import { recordProcessHistory } from "./history";
import { nextProcessStatus } from "./lifecycle";
import { lockProcess } from "./progress";

/**
 * 停止 (manual section 4): process `processId` (at `version`), 未启动 or 执行中, becomes 已停止 with
 * `reason`; it stays on the contract, with its steps and timeline, as history. The contract keeps its
 * state (进行中 stays 进行中: another process may be started). Who: process.manage with the contract
 * in the change scope. Throws NotFoundError, ConflictError (stale version), DomainError
 * "invalidTransition" (already 已完成 or 已停止).
 */
export async function stopProcess(user: SessionUser, input: { processId: string; version: number; reason: string }): Promise<{ processId: string; version: number }> {
  return prisma.$transaction(async (tx) => {
    const found = await tx.contractProcess.findUnique({ where: { id: input.processId }, select: { contractId: true } });
    if (!found) throw new NotFoundError();
    if (!(await contractRights(user, found.contractId, tx)).manage) throw new NotFoundError();
    const locked = await lockProcess(tx, input.processId);
    if (locked.version !== input.version) throw new ConflictError();
    const from = locked.status;
    if (!nextProcessStatus(from, "stop")) throw new DomainError("invalidTransition");
    const endedAt = new Date();
    await tx.contractProcess.update({
      where: { id: input.processId },
      data: { status: "STOPPED", stopReason: input.reason, endedAt, currentStepId: null, currentStepName: null, currentDueOn: null, version: { increment: 1 } },
    });
    await recordProcessHistory(tx, { processId: input.processId, actorId: user.id, action: "STOP", comment: input.reason });
    await writeAudit(tx, {
      actorId: user.id,
      action: "process.stop",
      entity: "ContractProcess",
      entityId: input.processId,
      before: { status: from },
      after: { status: "STOPPED", stopReason: input.reason, endedAt },
    });
    return { processId: input.processId, version: input.version + 1 };
  });
}
