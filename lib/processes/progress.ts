import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { transition } from "@/lib/contracts/transition";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { ProcessStatus } from "@/lib/generated/prisma/enums";
import { recordProcessHistory } from "./history";

// What every step change ends with: the process's queue columns brought up to date, and the process
// (and its contract) completed when no step is left open.

/**
 * Locks process `processId` for the rest of the transaction (SELECT … FOR UPDATE), so step changes of
 * one process run one after another: the last two steps closed at once still complete the process
 * exactly once. Returns the locked row's state. Throws NotFoundError when it does not exist.
 */
export async function lockProcess(tx: Tx, processId: string): Promise<{ id: string; status: ProcessStatus; version: number }> {
  const rows = await tx.$queryRaw<{ id: string; status: ProcessStatus; version: number }[]>`
    SELECT id, status::text AS status, version FROM "ContractProcess" WHERE id = ${processId} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError();
  return rows[0];
}

/**
 * Sets ContractProcess.currentStepId / currentStepName / currentDueOn to the first step (by position)
 * that is neither 已完成 nor 已跳过 — null when none is. When none is and the process is 执行中 it
 * completes it: 已完成 with endedAt, a COMPLETE history row and an audit row; and its contract, when
 * 进行中, becomes 已完成 (the contract lifecycle's `complete`: one process 执行中 at a time, so the
 * process that finishes is the contract's service). Returns whether the process completed now.
 */
export async function refreshProcessProgress(tx: Tx, actor: SessionUser, processId: string): Promise<{ completed: boolean }> {
  const open = await tx.processStep.findFirst({
    where: { processId, status: { in: ["PENDING", "IN_PROGRESS"] } },
    orderBy: { position: "asc" },
    select: { id: true, name: true, plannedDueOn: true },
  });
  const process = await tx.contractProcess.findUniqueOrThrow({ where: { id: processId }, select: { status: true, version: true, contractId: true } });
  if (open || process.status !== "IN_PROGRESS") {
    await tx.contractProcess.update({
      where: { id: processId },
      data: { currentStepId: open?.id ?? null, currentStepName: open?.name ?? null, currentDueOn: open?.plannedDueOn ?? null },
    });
    return { completed: false };
  }
  const endedAt = new Date();
  const { count } = await tx.contractProcess.updateMany({
    where: { id: processId, status: "IN_PROGRESS", version: process.version },
    data: { status: "COMPLETED", endedAt, currentStepId: null, currentStepName: null, currentDueOn: null, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  await recordProcessHistory(tx, { processId, actorId: actor.id, action: "COMPLETE" });
  await writeAudit(tx, {
    actorId: actor.id,
    action: "process.complete",
    entity: "ContractProcess",
    entityId: processId,
    before: { status: "IN_PROGRESS" },
    after: { status: "COMPLETED", endedAt },
  });
  const contract = await tx.contract.findUniqueOrThrow({ where: { id: process.contractId }, select: { status: true } });
  if (contract.status === "IN_SERVICE") {
    await transition(tx, actor, { id: process.contractId }, "complete", null, { checkedBy: "processes" });
  }
  return { completed: true };
}
