import "server-only";
import { prisma, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { getWorkingCalendar } from "@/lib/calendar/loader";
import { transition } from "@/lib/contracts/transition";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/service";
import { dateOnly, isoDateOnly, shanghaiToday } from "@/lib/time";
import { contractRights, startsAsCaseOfficer } from "./access";
import { recordProcessHistory } from "./history";
import { nextProcessStatus, PROCESS_CONTRACT_STATUSES } from "./lifecycle";
import { ACTIVE_DOCUMENT_OFFICER, processLink, processTitle, requireDocumentOfficer } from "./officers";
import { planStepDates } from "./planned-dates";
import { lockProcess, refreshProcessProgress } from "./progress";

/**
 * 启动 (manual section 4): process `processId` (at `version`) goes 未启动 → 执行中 today (Asia/Shanghai).
 * - Who: process.manage with the contract in the change scope, or the case's 文案 (the contract's
 *   documentOfficerId, access.ts startsAsCaseOfficer), who starts it as its 文案. Choosing the 文案
 *   (`documentOfficerId`, an active DOCUMENT_OFFICER user) needs process.assign with a team or all
 *   reach (the consultant's manager, IT); without one the 文案 given while it was 未启动 (更换文案) stays,
 *   else the contract's 文案 from the archive centre's 接收, or the case waits for its 文案 (待分配).
 * - `courseStartOn` ("YYYY-MM-DD") sets the contract's 开学时间 when it has none (audited); a contract
 *   that has one keeps it.
 * - Every step gets planned dates (planned-dates.ts) and an owner: 文案 steps the 文案 (or nobody
 *   yet), consultant steps the contract's consultant, 财务 and 档案 steps nobody (a department's).
 *   The first step becomes 进行中 today.
 * - The contract's first process turns it 已审核 → 进行中 (contract lifecycle `startService`).
 * - The chosen 文案 is notified (processAssigned); with none, the consultant's managers are
 *   (processUnassigned: the case waits for them to assign one).
 * At most one 执行中 per contract: a second start is DomainError "processInProgress", also when it
 * loses the race at the partial unique index (P2002). Other errors: NotFoundError (outside the
 * scope), ForbiddenError (a 文案 chosen without process.assign), ConflictError (stale version),
 * DomainError "invalidTransition" (not 未启动), "contractNotOpenForProcess", "documentOfficerInvalid".
 */
export async function startProcess(
  user: SessionUser,
  input: { processId: string; version: number; documentOfficerId?: string; courseStartOn?: string },
  now: Date = new Date(),
): Promise<{ processId: string; version: number }> {
  // Read before the transaction: the loader uses the shared client, which on the embedded database
  // would wait for the one connection the transaction holds.
  const calendar = await getWorkingCalendar();
  try {
    return await prisma.$transaction(async (tx) => {
      const found = await tx.contractProcess.findUnique({ where: { id: input.processId }, select: { contractId: true } });
      if (!found) throw new NotFoundError();
      const rights = await contractRights(user, found.contractId, tx);
      const caseOfficerId = (await tx.contract.findUniqueOrThrow({ where: { id: found.contractId }, select: { documentOfficerId: true } })).documentOfficerId;
      const assignedBefore = (await tx.contractProcess.findUniqueOrThrow({ where: { id: input.processId }, select: { documentOfficerId: true } })).documentOfficerId;
      // The case's 文案 (issue 10 §1) may start it too, with themselves as its 文案.
      const asCaseOfficer = !rights.manage && startsAsCaseOfficer(user, { documentOfficerId: caseOfficerId }, { documentOfficerId: assignedBefore });
      if (!rights.manage && !asCaseOfficer) throw new NotFoundError();
      if (input.documentOfficerId && !rights.assign && !(asCaseOfficer && input.documentOfficerId === user.id)) throw new ForbiddenError();
      const locked = await lockProcess(tx, input.processId);
      if (locked.version !== input.version) throw new ConflictError();
      if (!nextProcessStatus(locked.status, "start")) throw new DomainError("invalidTransition");
      const contract = await tx.contract.findUniqueOrThrow({
        where: { id: found.contractId },
        select: { id: true, number: true, customerName: true, status: true, ownerId: true, courseStartOn: true },
      });
      if (!(PROCESS_CONTRACT_STATUSES as readonly string[]).includes(contract.status)) throw new DomainError("contractNotOpenForProcess");
      if ((await tx.contractProcess.count({ where: { contractId: contract.id, status: "IN_PROGRESS" } })) > 0) throw new DomainError("processInProgress");
      // Without a choice now, a 文案 given while it was 未启动 (更换文案, or at the archive centre's 接收)
      // stays, else the case's 文案 (Contract.documentOfficerId), if still an active 文案.
      const assigned = (await tx.contractProcess.findUniqueOrThrow({ where: { id: input.processId }, select: { documentOfficerId: true } })).documentOfficerId;
      const fallback = assigned ?? caseOfficerId;
      const officer = input.documentOfficerId
        ? await requireDocumentOfficer(tx, input.documentOfficerId)
        : fallback
          ? await tx.user.findFirst({ where: { id: fallback, ...ACTIVE_DOCUMENT_OFFICER }, select: { id: true, name: true } })
          : null;

      let courseStartOn = contract.courseStartOn ? isoDateOnly(contract.courseStartOn) : null;
      if (!courseStartOn && input.courseStartOn) {
        // As the form's schema says (lib/processes/schema.ts): a typo would plan the steps decades away.
        if (input.courseStartOn < "2000-01-01" || input.courseStartOn > "2099-12-31") {
          throw new DomainError("invalidInput", { courseStartOn: ["courseStartRange"] });
        }
        courseStartOn = input.courseStartOn;
        await tx.contract.update({ where: { id: contract.id }, data: { courseStartOn: dateOnly(courseStartOn) } });
        await writeAudit(tx, {
          actorId: user.id,
          action: "contract.courseStart",
          entity: "Contract",
          entityId: contract.id,
          before: { courseStartOn: null },
          after: { courseStartOn },
        });
      }

      const today = shanghaiToday(now);
      const steps = await tx.processStep.findMany({ where: { processId: input.processId }, orderBy: { position: "asc" } });
      const planned = planStepDates(steps, today, courseStartOn, calendar);
      for (const [i, step] of steps.entries()) {
        const ownerId = step.role === "DOCUMENT_OFFICER" ? (officer?.id ?? null) : step.role === "CONSULTANT" ? contract.ownerId : null;
        await tx.processStep.update({
          where: { id: step.id },
          data: {
            ownerId,
            plannedStartOn: dateOnly(planned[i].plannedStartOn),
            plannedDueOn: dateOnly(planned[i].plannedDueOn),
            ...(i === 0 ? { status: "IN_PROGRESS", startedOn: dateOnly(today) } : {}),
            version: { increment: 1 },
          },
        });
      }
      const startedAt = now;
      const { count } = await tx.contractProcess.updateMany({
        where: { id: input.processId, version: input.version, status: "NOT_STARTED" },
        data: { status: "IN_PROGRESS", startedAt, documentOfficerId: officer?.id ?? null, version: { increment: 1 } },
      });
      if (count === 0) throw new ConflictError();
      await refreshProcessProgress(tx, user, input.processId);
      await recordProcessHistory(tx, {
        processId: input.processId,
        actorId: user.id,
        action: "START",
        data: { documentOfficerId: officer?.id ?? null, documentOfficerName: officer?.name ?? null, courseStartOn },
      });
      await writeAudit(tx, {
        actorId: user.id,
        action: "process.start",
        entity: "ContractProcess",
        entityId: input.processId,
        before: { status: "NOT_STARTED" },
        after: { status: "IN_PROGRESS", documentOfficerId: officer?.id ?? null },
      });
      if (contract.status === "AUDITED") {
        await transition(tx, user, { id: contract.id }, "startService", null, { checkedBy: "processes" });
      }
      const name = (await tx.contractProcess.findUniqueOrThrow({ where: { id: input.processId }, select: { name: true } })).name;
      const link = processLink(contract.id, input.processId);
      if (officer && officer.id !== user.id && officer.id !== assigned) {
        await notify(tx, { userId: officer.id, kind: "processAssigned", params: { title: processTitle(contract, name), byName: user.name }, link });
      }
      // Started without a 文案 (a consultant may start, only a manager or IT assigns): the consultant's
      // managers are told the case waits for one (it is 待分配 in their 文案操作).
      if (!officer) {
        for (const managerId of await teamManagerIds(tx, contract.ownerId)) {
          if (managerId === user.id) continue;
          await notify(tx, { userId: managerId, kind: "processUnassigned", params: { title: processTitle(contract, name), byName: user.name }, link });
        }
      }
      return { processId: input.processId, version: input.version + 1 };
    });
  } catch (error) {
    if (isOneInProgressViolation(error)) throw new DomainError("processInProgress");
    throw error;
  }
}

/** Whether `error` is the partial unique index's refusal (ContractProcess_one_in_progress_key, P2002). */
export function isOneInProgressViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return true;
  const text = String((error as { message?: unknown })?.message ?? "");
  return text.includes("ContractProcess_one_in_progress_key");
}

// The active managers of `ownerId`'s team (none for a consultant without a team).
async function teamManagerIds(tx: Tx, ownerId: string): Promise<string[]> {
  const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { teamId: true } });
  if (!owner?.teamId) return [];
  const managers = await tx.user.findMany({ where: { teamId: owner.teamId, active: true, roles: { has: "MANAGER" } }, select: { id: true } });
  return managers.map((m) => m.id);
}
