import "server-only";
import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { contractRights, mayReadProcess } from "./access";
import { mayWorkStep } from "./lifecycle";
import { recordProcessHistory } from "./history";

/**
 * 备注 on process `processId`, or on its step `stepId`: who may work the step (or, for the process,
 * anyone who may work one of its steps: the contract's change scope, its 文案, finance) adds `body`.
 * Any process state (a note may explain a stop). Timeline row NOTE. Returns `{ noteId }`.
 * Throws NotFoundError (no such process or step, or not readable), ForbiddenError.
 */
export async function addProcessNote(user: SessionUser, input: { processId: string; stepId?: string; body: string }): Promise<{ noteId: string }> {
  return prisma.$transaction(async (tx) => {
    const process = await tx.contractProcess.findUnique({ where: { id: input.processId }, select: { id: true, contractId: true, documentOfficerId: true } });
    if (!process) throw new NotFoundError();
    const rights = await contractRights(user, process.contractId, tx);
    if (!mayReadProcess(user, process, rights)) throw new NotFoundError();
    if (input.stepId) {
      const step = await tx.processStep.findFirst({ where: { id: input.stepId, processId: process.id }, select: { role: true, ownerId: true } });
      if (!step) throw new NotFoundError();
      if (!mayWorkStep(user, step, process, rights)) throw new ForbiddenError();
    } else if (!(rights.change || rights.audit || process.documentOfficerId === user.id)) {
      throw new ForbiddenError();
    }
    const note = await tx.processNote.create({ data: { processId: process.id, stepId: input.stepId ?? null, authorId: user.id, body: input.body }, select: { id: true } });
    await recordProcessHistory(tx, { processId: process.id, stepId: input.stepId ?? null, actorId: user.id, action: "NOTE", comment: input.body });
    await writeAudit(tx, { actorId: user.id, action: "process.note", entity: "ContractProcess", entityId: process.id, after: { noteId: note.id, stepId: input.stepId ?? null } });
    return { noteId: note.id };
  });
}
