import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { applyApprovedForm } from "@/lib/change-forms/apply-change-form";
import { recordChangeForm } from "@/lib/change-forms/file-change-form";
import { stepChangeForm } from "@/lib/change-forms/transition";
import { CONTRACT_COLUMNS, CUSTOMER_COLUMNS } from "@/lib/change-forms/values";
import { isLocked } from "@/lib/contracts/lifecycle";
import { ConflictError, DomainError } from "@/lib/errors";
import { notify } from "@/lib/notifications/service";
import { bindTemplate } from "@/lib/processes/bind";
import { PROCESS_CONTRACT_STATUSES } from "@/lib/processes/lifecycle";
import { stopInTransaction } from "@/lib/processes/stop";
import { contractMayChangeCountry } from "./lifecycle";
import { countryChangeTitle } from "./describe";

type Decision = { actor: SessionUser; subject: { id: string; version: number }; comment: string | null; onBehalfOfId: string | null };

/** Moves a pending request to `status` at the version decided on; ConflictError when it no longer waits. */
async function settle(tx: Tx, d: Decision, status: "APPROVED" | "REJECTED", now: Date): Promise<void> {
  const { count } = await tx.countryChangeRequest.updateMany({
    where: { id: d.subject.id, status: "PENDING_MANAGER", version: d.subject.version },
    data: { status, decidedAt: now, decidedById: d.actor.id, decisionComment: d.comment, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  await writeAudit(tx, {
    actorId: d.actor.id,
    action: `countryChange.${status === "APPROVED" ? "approve" : "reject"}`,
    entity: "CountryChangeRequest",
    entityId: d.subject.id,
    before: { status: "PENDING_MANAGER" },
    after: { status, comment: d.comment, onBehalfOfId: d.onBehalfOfId },
  });
}

/** 驳回 (the 经理审核 inbox): the request ends REJECTED with the reason; decide() tells the requester. */
export async function rejectCountryChange(tx: Tx, d: Decision, now: Date = new Date()): Promise<void> {
  await settle(tx, d, "REJECTED", now);
}

/**
 * 通过 (the 经理审核 inbox), inside the deciding transaction — everything below commits together or not
 * at all (issue 10 §3):
 * 1. the request becomes APPROVED (by whom, when, the comment);
 * 2. the contract's open processes (执行中, and any 未启动 one of the old country) are stopped with the
 *    request's reason (lib/processes/stop.ts; history and audit rows); the 执行中 one is recorded;
 * 3. the contract's 国家 changes: directly (audit "contract.countryChange") when it is not yet audited
 *    (草稿, 待经理审核, 待财务审核); through a 技术维护单 when it is locked (已审核, 进行中) — filed for the
 *    requester with the request's reason (lib/change-forms recordChangeForm), approved by this same
 *    decision (its own Approval row) and applied (applyApprovedForm), so the locked-contract rule holds
 *    and the form is in the contract's 技术维护单 list;
 * 4. the new country's template is bound (未启动; lib/processes/bind.ts), its 文案 the case's
 *    (Contract.documentOfficerId), when the contract is open for processes (已审核, 进行中); a contract
 *    not yet audited gets its process bound by the consultant after the audit (processes bind only
 *    then);
 * 5. finance is told the request waits for its money decision.
 * Refuses, changing nothing: ConflictError (decided or withdrawn meanwhile: decide() reports
 * 该事项已被处理), DomainError "countryChangeStale" (the contract's country or state changed since the
 * request), "templateNotBindable" (the template was retired meanwhile), "changeFormOpen" (the locked
 * contract has another open 技术维护单), and the change-form checks.
 */
export async function approveCountryChange(tx: Tx, d: Decision, now: Date = new Date()): Promise<void> {
  await settle(tx, d, "APPROVED", now);
  const request = await tx.countryChangeRequest.findUniqueOrThrow({ where: { id: d.subject.id } });
  // The client, then the contract: the order 转咨询 and 技术维护单 take them in.
  const owner = await tx.contract.findUniqueOrThrow({ where: { id: request.contractId }, select: { customerId: true } });
  await tx.$queryRaw`SELECT id FROM "Customer" WHERE id = ${owner.customerId} FOR UPDATE`;
  await tx.$queryRaw`SELECT id FROM "Contract" WHERE id = ${request.contractId} FOR UPDATE`;
  const contract = await tx.contract.findUniqueOrThrow({ where: { id: request.contractId }, select: { ...CONTRACT_COLUMNS, documentOfficerId: true } });
  if (contract.countryId !== request.fromCountryId || !contractMayChangeCountry(contract.status)) throw new DomainError("countryChangeStale");

  // 2. Stop what runs in the old country.
  const open = await tx.contractProcess.findMany({
    where: { contractId: contract.id, status: { in: ["IN_PROGRESS", "NOT_STARTED"] } },
    orderBy: [{ boundAt: "asc" }, { id: "asc" }],
    select: { id: true, status: true },
  });
  for (const p of open) await stopInTransaction(tx, d.actor.id, { processId: p.id, reason: request.reason });
  const stoppedProcessId = open.find((p) => p.status === "IN_PROGRESS")?.id ?? null;

  // 3. The country.
  let changeFormId: string | null = null;
  if (!isLocked(contract.status)) {
    await tx.contract.update({ where: { id: contract.id }, data: { countryId: request.toCountryId, version: { increment: 1 } } });
    await writeAudit(tx, {
      actorId: d.actor.id,
      action: "contract.countryChange",
      entity: "Contract",
      entityId: contract.id,
      before: { countryId: request.fromCountryId },
      after: { countryId: request.toCountryId, countryChangeId: request.id },
    });
  } else {
    const customer = await tx.customer.findUniqueOrThrow({ where: { id: contract.customerId }, select: CUSTOMER_COLUMNS });
    const filed = await recordChangeForm(
      tx,
      { id: request.requesterId },
      { contract, customer },
      { changes: [{ record: "contract", field: "countryId", value: request.toCountryId }], reason: request.reason },
      now,
    );
    changeFormId = filed.id;
    const note = { comment: d.comment, onBehalfOfId: d.onBehalfOfId, countryChangeId: request.id };
    const version = await stepChangeForm(tx, d.actor.id, { id: filed.id, version: 1 }, "approve", { decidedAt: now }, note);
    await tx.approval.create({
      data: {
        kind: "CHANGE_FORM",
        subjectId: filed.id,
        requesterId: request.requesterId,
        deciderId: d.actor.id,
        onBehalfOfId: d.onBehalfOfId,
        decision: "APPROVED",
        comment: d.comment,
        createdAt: now,
      },
    });
    const form = await tx.changeForm.findUniqueOrThrow({ where: { id: filed.id } });
    await applyApprovedForm(tx, d.actor, { ...form, version }, now);
  }

  // 4. The new country's process.
  let newProcessId: string | null = null;
  if ((PROCESS_CONTRACT_STATUSES as readonly string[]).includes(contract.status)) {
    const target = { id: contract.id, countryId: request.toCountryId, programId: contract.programId, documentOfficerId: contract.documentOfficerId };
    newProcessId = (await bindTemplate(tx, d.actor.id, target, request.templateId)).processId;
  }

  await tx.countryChangeRequest.update({ where: { id: request.id }, data: { stoppedProcessId, changeFormId, newProcessId } });
  await writeAudit(tx, {
    actorId: d.actor.id,
    action: "countryChange.apply",
    entity: "CountryChangeRequest",
    entityId: request.id,
    after: { contractId: contract.id, fromCountryId: request.fromCountryId, toCountryId: request.toCountryId, stoppedProcessIds: open.map((p) => p.id), changeFormId, newProcessId },
  });

  // 5. Finance decides the money next.
  const finance = await tx.user.findMany({ where: { active: true, roles: { has: "FINANCE" } }, select: { id: true } });
  const title = await countryChangeTitle(tx, request.id);
  for (const f of finance) {
    await notify(tx, { userId: f.id, kind: "countryChangeAwaitingMoney", params: { title }, link: "/transfers/country/money" });
  }
}
