import "server-only";
import { prisma, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { contractRights } from "./access";
import { recordProcessHistory } from "./history";
import { PROCESS_CONTRACT_STATUSES } from "./lifecycle";
import { ACTIVE_DOCUMENT_OFFICER } from "./officers";
import { parseResultFields } from "./results";

/**
 * 绑定 (manual section 4, 流程管理): binds template `templateId` to contract `contractId` as a new
 * 未启动 process named after the template, copying the template's CURRENT version's steps into
 * ProcessStep rows (position, name, role, planned working days, anchors, result fields, event, and the
 * required documents as an unticked checklist [{ name, done: false }]). The process's 文案 is the
 * contract's (Contract.documentOfficerId, chosen at 接收) when that user is still an active 文案. The user needs process.manage
 * with the contract in their change scope; the contract must be 已审核 or 进行中; the template not
 * retired, of the contract's country and applying to its programme. Returns `{ processId }`.
 * Throws NotFoundError (no such contract or outside the scope; no such template), ForbiddenError
 * (no process.manage), DomainError "contractNotOpenForProcess" and "templateNotBindable".
 */
export async function bindProcess(user: SessionUser, input: { contractId: string; templateId: string }): Promise<{ processId: string }> {
  return prisma.$transaction(async (tx) => {
    const rights = await contractRights(user, input.contractId, tx);
    if (!rights.manage) throw new NotFoundError();
    const contract = await tx.contract.findUniqueOrThrow({
      where: { id: input.contractId },
      select: { id: true, status: true, countryId: true, programId: true, documentOfficerId: true },
    });
    if (!(PROCESS_CONTRACT_STATUSES as readonly string[]).includes(contract.status)) throw new DomainError("contractNotOpenForProcess");
    return bindTemplate(tx, user.id, contract, input.templateId);
  });
}

/**
 * The template `templateId` as it may be bound to a contract of `countryId` and `programId`: not
 * retired, of that country, applying to that programme, with a current version that has steps.
 * Returns the template and its current version's steps. Throws NotFoundError (no such template) and
 * DomainError "templateNotBindable". Shared by 绑定 and 转国家 (lib/country-change), which checks the
 * new country's template when the request is filed and again when it is approved.
 */
export async function bindableTemplate(tx: Tx, templateId: string, contract: { countryId: string; programId: string }) {
  const template = await tx.processTemplate.findUnique({
    where: { id: templateId },
    select: { id: true, name: true, countryId: true, programIds: true, retiredAt: true, currentVersion: true },
  });
  if (!template) throw new NotFoundError();
  if (
    template.retiredAt !== null ||
    template.countryId !== contract.countryId ||
    (template.programIds.length > 0 && !template.programIds.includes(contract.programId))
  ) {
    throw new DomainError("templateNotBindable");
  }
  const version = await tx.processTemplateVersion.findUnique({
    where: { templateId_version: { templateId: template.id, version: template.currentVersion } },
    select: { id: true, version: true, steps: { orderBy: { position: "asc" } } },
  });
  if (!version || version.steps.length === 0) throw new DomainError("templateNotBindable");
  return { template, version };
}

/**
 * Binds `templateId` to `contract` inside `tx` as a new 未启动 process (bindProcess's writes: the case's
 * 文案 when still an active 文案, the steps, a BIND history row and the audit row "process.bind", all by `actorId`), after bindableTemplate's
 * checks. The caller has checked who may bind and the contract's state. Returns `{ processId }`.
 */
export async function bindTemplate(
  tx: Tx,
  actorId: string,
  contract: { id: string; countryId: string; programId: string; documentOfficerId: string | null },
  templateId: string,
): Promise<{ processId: string }> {
  const { template, version } = await bindableTemplate(tx, templateId, contract);
  const process = await tx.contractProcess.create({
    data: {
      contractId: contract.id,
      templateVersionId: version.id,
      name: template.name,
      boundById: actorId,
      // The case's 文案 from the archive centre's 接收 (issue 10 §1), if still an active 文案.
      documentOfficerId: contract.documentOfficerId
        ? ((await tx.user.findFirst({ where: { id: contract.documentOfficerId, ...ACTIVE_DOCUMENT_OFFICER }, select: { id: true } }))?.id ?? null)
        : null,
      steps: {
        create: version.steps.map((s, i) => ({
          position: i + 1,
          name: s.name,
          role: s.role,
          plannedDays: s.plannedDays,
          startAfterDays: s.startAfterDays,
          monthsBeforeCourseStart: s.monthsBeforeCourseStart,
          checklist: s.documents.map((name) => ({ name, done: false })),
          resultFields: parseResultFields(s.resultFields) as unknown as Prisma.InputJsonValue,
          event: s.event,
        })),
      },
    },
    select: { id: true },
  });
  await recordProcessHistory(tx, { processId: process.id, actorId, action: "BIND", data: { templateId: template.id, version: version.version } });
  await writeAudit(tx, {
    actorId,
    action: "process.bind",
    entity: "ContractProcess",
    entityId: process.id,
    after: { contractId: contract.id, templateId: template.id, version: version.version, name: template.name },
  });
  return { processId: process.id };
}
