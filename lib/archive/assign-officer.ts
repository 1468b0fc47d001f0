import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { recordProcessHistory } from "@/lib/processes/history";

/**
 * Gives the case's 文案 (chosen at 接收) to the contract's processes that have none: 未启动 ones keep
 * them for 启动, 执行中 ones also hand them their open 文案 steps. Processes that already have a 文案
 * (chosen by a manager) keep theirs. One REASSIGN timeline row and one audit row per process.
 * Returns the ids of the processes assigned.
 */
export async function assignCaseOfficer(tx: Tx, user: SessionUser, contractId: string, officer: { id: string; name: string }): Promise<string[]> {
  const processes = await tx.contractProcess.findMany({
    where: { contractId, status: { in: ["NOT_STARTED", "IN_PROGRESS"] }, documentOfficerId: null },
    select: { id: true, status: true },
  });
  for (const process of processes) {
    await tx.contractProcess.update({ where: { id: process.id }, data: { documentOfficerId: officer.id, version: { increment: 1 } } });
    const moved =
      process.status === "IN_PROGRESS"
        ? await tx.processStep.updateMany({
            where: { processId: process.id, role: "DOCUMENT_OFFICER", status: { in: ["PENDING", "IN_PROGRESS"] }, ownerId: null },
            data: { ownerId: officer.id, version: { increment: 1 } },
          })
        : { count: 0 };
    const data = { fromId: null, fromName: null, toId: officer.id, toName: officer.name, steps: moved.count, via: "archive" };
    await recordProcessHistory(tx, { processId: process.id, actorId: user.id, action: "REASSIGN", data });
    await writeAudit(tx, {
      actorId: user.id,
      action: "process.assign",
      entity: "ContractProcess",
      entityId: process.id,
      before: { documentOfficerId: null },
      after: { documentOfficerId: officer.id, via: "archive.receive" },
    });
  }
  return processes.map((p) => p.id);
}
