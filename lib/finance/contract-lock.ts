import "server-only";
import type { Tx } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { contractScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { ContractStatus } from "@/lib/generated/prisma/enums";

// Finance's work on one contract (收款, 作废, 二期 due date, 审核) starts here, inside its transaction.

/**
 * Where money may be recorded: from 待财务审核 (finance compares the receipts with the fees before
 * auditing) through 已审核, 进行中 and 已完成 (二期 and other fees arrive later). Not on a 草稿 or a
 * contract under the manager's review (nothing is agreed yet), nor on 已终止 (what is left is a refund).
 */
export const MONEY_STATUSES: readonly ContractStatus[] = ["PENDING_FINANCE", "AUDITED", "IN_SERVICE", "COMPLETED"];

/** Whether receipts and the 二期 due date may be recorded on a contract in `status`. */
export function takesMoney(status: ContractStatus): boolean {
  return MONEY_STATUSES.includes(status);
}

const SELECT = {
  id: true,
  number: true,
  customerName: true,
  status: true,
  version: true,
  ownerId: true,
  firstFee: true,
  secondFee: true,
  firstReceived: true,
  secondReceived: true,
  otherReceived: true,
  secondFeeDueOn: true,
} as const;

/**
 * The contract `id` as finance may work on it, locked for the rest of `tx` (SELECT … FOR UPDATE), so
 * two receipts, a void and an audit on one contract take turns and every check sees the amounts the
 * write will change. Throws ForbiddenError without approval.finance, NotFoundError outside
 * contractScope(actor, "audit") (finance and IT: all).
 */
export async function lockContractForFinance(tx: Tx, actor: SessionUser, id: string) {
  if (!can(actor.roles, "approval.finance")) throw new ForbiddenError();
  const scope = await contractScope(actor, "audit", tx);
  const visible = await tx.contract.findFirst({ where: { AND: [{ id }, scope] }, select: { id: true } });
  if (!visible) throw new NotFoundError();
  await tx.$queryRaw`SELECT id FROM "Contract" WHERE id = ${id} FOR UPDATE`;
  return tx.contract.findUniqueOrThrow({ where: { id }, select: SELECT });
}

/** As lockContractForFinance, and refuses (DomainError "contractTakesNoMoney") a contract not in MONEY_STATUSES. */
export async function lockContractForMoney(tx: Tx, actor: SessionUser, id: string) {
  const contract = await lockContractForFinance(tx, actor, id);
  if (!takesMoney(contract.status)) throw new DomainError("contractTakesNoMoney");
  return contract;
}
