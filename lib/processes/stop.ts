import "server-only";
import { prisma, type Tx } from "@/lib/db";
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
    return stopInTransaction(tx, user.id, input);
  });
}

/**
 * stopProcess's writes inside `tx`, by `actorId`, whom the caller has checked (转国家's approval stops
 * the contract's 执行中 process: lib/country-change): locks the process, compares `version` when one
 * is given, and stops it with `reason` (STOP history row, audit row "process.stop"). Throws as
 * stopProcess after its scope check.
 */
export async function stopInTransaction(
  tx: Tx,
  actorId: string,
  input: { processId: string; version?: number; reason: string },
): Promise<{ processId: string; version: number }> {
  const locked = await lockProcess(tx, input.processId);
  if (input.version !== undefined && locked.version !== input.version) throw new ConflictError();
  const from = locked.status;
  if (!nextProcessStatus(from, "stop")) throw new DomainError("invalidTransition");
  const endedAt = new Date();
  await tx.contractProcess.update({
    where: { id: input.processId },
    data: { status: "STOPPED", stopReason: input.reason, endedAt, currentStepId: null, currentStepName: null, currentDueOn: null, version: { increment: 1 } },
  });
  await recordProcessHistory(tx, { processId: input.processId, actorId, action: "STOP", comment: input.reason });
  await writeAudit(tx, {
    actorId,
    action: "process.stop",
    entity: "ContractProcess",
    entityId: input.processId,
    before: { status: from },
    after: { status: "STOPPED", stopReason: input.reason, endedAt },
  });
  return { processId: input.processId, version: locked.version + 1 };
}
