import { prisma, type Tx } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { contractScope, type Access } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/audit";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { ContractStatus } from "@/lib/generated/prisma/enums";
import { CONTRACT_TRANSITIONS, EDIT_RULE, type ContractAction, type ContractTransition, type TransitionRule } from "./lifecycle";

// The writing half of the contract's lifecycle (./lifecycle.ts holds the table): every state change
// of a contract goes through `transition`.

/**
 * The actions `user` may take on the contract now: its state allows them, the user holds the permission,
 * and the contract lies in the user's scope for that access. One query per distinct scope.
 */
export async function allowedContractActions(
  user: SessionUser,
  contract: { id: string; status: ContractStatus },
): Promise<ContractAction[]> {
  const candidates: { action: ContractAction; access: Access }[] = [];
  if ((EDIT_RULE.in as readonly ContractStatus[]).includes(contract.status) && can(user.roles, EDIT_RULE.permission)) {
    candidates.push({ action: "edit", access: EDIT_RULE.access });
  }
  for (const [action, rule] of Object.entries(CONTRACT_TRANSITIONS) as [ContractTransition, TransitionRule][]) {
    // Inbox decisions are offered by the inbox, which knows the deciders.
    if (rule.access === "decider" || rule.access === "process") continue;
    if (rule.from.includes(contract.status) && can(user.roles, rule.permission)) candidates.push({ action, access: rule.access });
  }
  const inScope = new Map<Access, boolean>();
  for (const access of new Set(candidates.map((c) => c.access))) {
    const count = await prisma.contract.count({ where: { AND: [{ id: contract.id }, await contractScope(user, access)] } });
    inScope.set(access, count > 0);
  }
  return candidates.filter((c) => inScope.get(c.access)).map((c) => c.action);
}

export type TransitionResult = { id: string; status: ContractStatus; version: number };

/**
 * What lib/approvals hands `transition` for an inbox decision (access "decider"): it has checked that
 * the actor decides this contract's request (lib/approvals/deciders.ts), in the same transaction.
 */
export type InboxDecider = { readonly checkedBy: "approvals"; readonly requesterId: string };

/**
 * What lib/processes hands `transition` for a move of access "process" (startService, complete): it
 * has checked the actor's right to the process change that causes it, in the same transaction.
 */
export type ProcessCheck = { readonly checkedBy: "processes" };

/**
 * Takes `action` on contract `id` inside `tx`: checks the permission, the scope, the version the user
 * saw (`expectedVersion`, when given), the state and the comment rule; writes the new state with its
 * timestamps, a ContractStatusChange row and an audit row "contract.<action>". Returns the new state and
 * version. Throws ForbiddenError, NotFoundError (outside the scope), ConflictError (stale version or a
 * lost race), DomainError("invalidTransition") from a state the action does not start from, and
 * DomainError("invalidInput", { comment: ["required"] }) for a missing required comment.
 */
export async function transition(
  tx: Tx,
  actor: SessionUser,
  target: { id: string; expectedVersion?: number },
  action: ContractTransition,
  comment: string | null = null,
  decider?: InboxDecider | ProcessCheck,
): Promise<TransitionResult> {
  const rule: TransitionRule = CONTRACT_TRANSITIONS[action];
  if (!can(actor.roles, rule.permission)) throw new ForbiddenError();
  // A decider rule without the inbox's check is refused outright; with it, the requester must still be
  // the one the check was made for (the contract cannot have been resubmitted by someone else since).
  // A process rule likewise needs the process service's check.
  if (rule.access === "decider" && decider?.checkedBy !== "approvals") throw new ForbiddenError();
  if (rule.access === "process" && decider?.checkedBy !== "processes") throw new ForbiddenError();
  const scope =
    rule.access === "decider"
      ? { submittedById: (decider as InboxDecider).requesterId }
      : rule.access === "process"
        ? {}
        : await contractScope(actor, rule.access, tx);
  const current = await tx.contract.findFirst({
    where: { AND: [{ id: target.id }, scope] },
    select: { id: true, status: true, version: true, submittedAt: true, submittedById: true, managerApprovedAt: true, auditedAt: true, auditedById: true },
  });
  if (!current) throw new NotFoundError();
  if (target.expectedVersion !== undefined && current.version !== target.expectedVersion) throw new ConflictError();
  if (!rule.from.includes(current.status)) throw new DomainError("invalidTransition");
  if (rule.comment === "required" && !comment) throw new DomainError("invalidInput", { comment: ["required"] });

  const stamps = rule.stamp(new Date(), actor.id);
  // Version and state in the WHERE: a move that lost a race to another one changes nothing.
  const { count } = await tx.contract.updateMany({
    where: { id: current.id, version: current.version, status: current.status },
    data: { ...stamps, status: rule.to, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  await tx.contractStatusChange.create({
    data: { contractId: current.id, from: current.status, to: rule.to, actorId: actor.id, comment: rule.comment === "none" ? null : comment },
  });
  const before: Record<string, unknown> = { status: current.status };
  for (const key of Object.keys(stamps)) before[key] = current[key as keyof typeof current] ?? null;
  await writeAudit(tx, {
    actorId: actor.id,
    action: `contract.${action}`,
    entity: "Contract",
    entityId: current.id,
    before,
    after: { status: rule.to, ...stamps, ...(comment && rule.comment !== "none" ? { comment } : {}) },
  });
  return { id: current.id, status: rule.to, version: current.version + 1 };
}

/**
 * `transition` in a transaction of its own, for the page buttons (提交, 撤回, and finance's 审核通过 /
 * 驳回). Same results and errors; an inbox decision (access "decider") is refused with ForbiddenError:
 * it goes through lib/approvals; so is a process move (access "process"): it goes through lib/processes.
 */
export function changeContractStatus(
  actor: SessionUser,
  input: { id: string; version: number; comment?: string | null },
  action: ContractTransition,
): Promise<TransitionResult> {
  return prisma.$transaction((tx) => transition(tx, actor, { id: input.id, expectedVersion: input.version }, action, input.comment ?? null));
}
