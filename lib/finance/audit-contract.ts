import "server-only";
import { prisma, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { transition, type TransitionResult } from "@/lib/contracts/transition";
import { ConflictError, DomainError } from "@/lib/errors";
import { notify } from "@/lib/notifications/service";
import { dateOnly, isoDateOnly } from "@/lib/time";
import { lockContractForFinance, lockContractForMoney } from "./contract-lock";

// 财务审核's decisions (issue 8 §2; manual section 7) and the 二期 due date. The decision itself is the
// contract lifecycle's financeApprove / financeReject (lib/contracts/lifecycle.ts), which writes the
// state, the ContractStatusChange row and the audit row; no Approval row (those are the 经理审核 inbox's).

type Decision = { id: string; version: number; comment: string | null };

// Locks the contract and refuses a decision on one that no longer waits for finance: another finance
// user decided first (the lock makes the later one wait and then see it), or it was never there.
async function pendingForFinance(tx: Tx, actor: SessionUser, input: Decision) {
  const contract = await lockContractForFinance(tx, actor, input.id);
  if (contract.status !== "PENDING_FINANCE") throw new DomainError("alreadyDecided");
  if (contract.version !== input.version) throw new ConflictError();
  return contract;
}

async function decide(tx: Tx, actor: SessionUser, input: Decision, action: "financeApprove" | "financeReject"): Promise<TransitionResult> {
  try {
    return await transition(tx, actor, { id: input.id, expectedVersion: input.version }, action, input.comment);
  } catch (error) {
    // The conditional update matched nothing: the contract moved after it was locked (cannot happen
    // under the lock, but the lifecycle's own guard says the same thing).
    if (error instanceof ConflictError) throw new DomainError("alreadyDecided");
    throw error;
  }
}

const title = (c: { customerName: string; number: string }) => `${c.customerName} · ${c.number}`;

/**
 * 审核通过: the contract 待财务审核 becomes 已审核 (locked). 一期 must be fully received
 * (firstReceived >= firstFee); otherwise `comment` is the required reason for auditing without it,
 * stored in Contract.auditWithoutFirstFeeReason. Notifies the consultant (the contract's owner) with
 * contractAudited. One transaction. Throws ForbiddenError, NotFoundError (outside the audit scope),
 * DomainError("alreadyDecided") when it no longer waits for finance (another finance user won the
 * race), ConflictError for a stale version, and DomainError("firstFeeNotReceived",
 * { comment: ["auditReasonRequired"] }) without the reason.
 */
export async function financeApprove(actor: SessionUser, input: Decision): Promise<TransitionResult> {
  return prisma.$transaction(async (tx) => {
    const contract = await pendingForFinance(tx, actor, input);
    const fullyReceived = contract.firstReceived.greaterThanOrEqualTo(contract.firstFee);
    if (!fullyReceived && !input.comment) throw new DomainError("firstFeeNotReceived", { comment: ["auditReasonRequired"] });
    const result = await decide(tx, actor, input, "financeApprove");
    if (!fullyReceived) {
      await tx.contract.update({ where: { id: contract.id }, data: { auditWithoutFirstFeeReason: input.comment } });
    }
    await notify(tx, { userId: contract.ownerId, kind: "contractAudited", params: { title: title(contract), comment: input.comment ?? "" }, link: `/contracts/${contract.id}` });
    return result;
  });
}

/**
 * 驳回: the contract 待财务审核 returns to the consultant's 草稿 with `comment` (required) and goes
 * through the manager again when resubmitted; notifies the owner with contractFinanceRejected. Throws
 * as financeApprove, and DomainError("invalidInput", { comment: ["required"] }) without a reason.
 */
export async function financeReject(actor: SessionUser, input: Decision): Promise<TransitionResult> {
  if (!input.comment) throw new DomainError("invalidInput", { comment: ["required"] });
  return prisma.$transaction(async (tx) => {
    const contract = await pendingForFinance(tx, actor, input);
    const result = await decide(tx, actor, input, "financeReject");
    await notify(tx, {
      userId: contract.ownerId,
      kind: "contractFinanceRejected",
      params: { title: title(contract), comment: input.comment ?? "" },
      link: `/contracts/${contract.id}`,
    });
    return result;
  });
}

/**
 * 二期 due date: finance enters (or clears, with null) the day 二期 falls due (YYYY-MM-DD, Asia/Shanghai),
 * which 应收 ages 二期 from. Not a change of the contract's agreed terms, so it needs no 技术维护单 and
 * leaves the version alone; an audit row "contract.secondFeeDue" records it. Same statuses as 收款.
 * Throws ForbiddenError, NotFoundError, DomainError("contractTakesNoMoney").
 */
export async function setSecondFeeDue(actor: SessionUser, input: { id: string; dueOn: string | null }): Promise<{ id: string; dueOn: string | null }> {
  return prisma.$transaction(async (tx) => {
    const contract = await lockContractForMoney(tx, actor, input.id);
    const before = contract.secondFeeDueOn ? isoDateOnly(contract.secondFeeDueOn) : null;
    if (before !== input.dueOn) {
      await tx.contract.update({ where: { id: contract.id }, data: { secondFeeDueOn: input.dueOn ? dateOnly(input.dueOn) : null } });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "contract.secondFeeDue",
        entity: "Contract",
        entityId: contract.id,
        before: { secondFeeDueOn: before },
        after: { secondFeeDueOn: input.dueOn },
      });
    }
    return { id: contract.id, dueOn: input.dueOn };
  });
}
