import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { contractRights, mayReadProcess, type ContractRights } from "./access";
import { mayWorkStep } from "./lifecycle";
import { lockProcess } from "./progress";

const STEP_SELECT = {
  id: true,
  processId: true,
  position: true,
  name: true,
  role: true,
  status: true,
  ownerId: true,
  version: true,
  plannedDueOn: true,
  startedOn: true,
  completedOn: true,
  checklist: true,
  resultFields: true,
  results: true,
  event: true,
} as const;

/**
 * The step `stepId` a user is about to change, in `tx`, with its process locked (progress.ts
 * lockProcess) and its contract: checks that the user may read the process (else NotFoundError) and
 * work the step (else ForbiddenError; lifecycle.ts mayWorkStep), that the step is at `version` (else
 * ConflictError) and that the process is 执行中 (else DomainError "processNotInProgress").
 */
export async function loadStepForWork(tx: Tx, user: SessionUser, stepId: string, version: number | null) {
  const head = await tx.processStep.findUnique({ where: { id: stepId }, select: { processId: true } });
  if (!head) throw new NotFoundError();
  await lockProcess(tx, head.processId);
  const step = await tx.processStep.findUniqueOrThrow({ where: { id: stepId }, select: STEP_SELECT });
  const process = await tx.contractProcess.findUniqueOrThrow({
    where: { id: step.processId },
    select: {
      id: true,
      name: true,
      status: true,
      startedAt: true,
      documentOfficerId: true,
      contract: { select: { id: true, number: true, customerName: true, ownerId: true, status: true } },
    },
  });
  const rights: ContractRights = await contractRights(user, process.contract.id, tx);
  if (!mayReadProcess(user, process, rights)) throw new NotFoundError();
  if (!mayWorkStep(user, step, process, rights)) throw new ForbiddenError();
  if (version !== null && step.version !== version) throw new ConflictError();
  if (process.status !== "IN_PROGRESS") throw new DomainError("processNotInProgress");
  return { step, process, rights };
}

export type StepContext = Awaited<ReturnType<typeof loadStepForWork>>;
