import type { Permission } from "@/lib/auth/permissions";
import type { Access } from "@/lib/auth/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContractStatus } from "@/lib/generated/prisma/enums";

// The contract's life (domain.md, "Contract"; manual sections 3, 4, 6, 7): 草稿 → 待经理审核 → 待财务审核 →
// 已审核 (locked) → 进行中 → 已完成, or 已终止; a rejection returns it to 草稿 with the reason. This module
// owns every state change: the table says which action leads from which states to which, who may take
// it and on which contracts (a permission and a row of the scope table, lib/auth/scope.ts), and what a
// comment must be. This file is the table and its pure rules (forms and client components may import
// it); ./transition.ts is the one place that writes a new state with its timestamps, history row and
// audit row, and says which actions a user may take now (what pages read to show buttons).

export const CONTRACT_STATUSES = [
  "DRAFT",
  "PENDING_MANAGER",
  "PENDING_FINANCE",
  "AUDITED",
  "IN_SERVICE",
  "COMPLETED",
  "TERMINATED",
] as const satisfies readonly ContractStatus[];

export type TransitionRule = {
  from: readonly ContractStatus[];
  to: ContractStatus;
  permission: Permission;
  // Which contracts the actor may take it on: a row of the scope table, or "decider" — a decision of
  // the 经理审核 inbox, whose deciders are the requester's managers and their deputies, not a scope
  // (lib/approvals/deciders.ts checks them; pages offer these actions only in the inbox).
  // "process": a move the process service (lib/processes) takes as a consequence of its own change,
  // which it has checked itself (starting the first process, the process finishing); never a button.
  access: Access | "decider" | "process";
  comment: "none" | "optional" | "required";
  // Columns that change with the state (timestamps, who), given the moment and the actor's id.
  stamp: (now: Date, actorId: string) => Prisma.ContractUncheckedUpdateManyInput;
};

export const CONTRACT_TRANSITIONS = {
  // 提交: to the consultant's manager.
  submit: {
    from: ["DRAFT"],
    to: "PENDING_MANAGER",
    permission: "contract.update",
    access: "change",
    comment: "none",
    stamp: (now, actorId) => ({ submittedAt: now, submittedById: actorId }),
  },
  // 撤回: back to 草稿 before the manager has acted; it no longer waits for anyone.
  withdraw: {
    from: ["PENDING_MANAGER"],
    to: "DRAFT",
    permission: "contract.update",
    access: "change",
    comment: "none",
    stamp: () => ({ submittedAt: null }),
  },
  // 经理审核 通过: on to finance (section 6).
  managerApprove: {
    from: ["PENDING_MANAGER"],
    to: "PENDING_FINANCE",
    permission: "approval.manager",
    access: "decider",
    comment: "optional",
    stamp: (now) => ({ managerApprovedAt: now }),
  },
  // 经理审核 驳回: back to the consultant's 草稿 with the reason.
  managerReject: {
    from: ["PENDING_MANAGER"],
    to: "DRAFT",
    permission: "approval.manager",
    access: "decider",
    comment: "required",
    stamp: () => ({ submittedAt: null }),
  },
  // 财务审核 审核通过: the contract is locked from here on (sections 4, 7). The gate on 一期 (fully
  // received, or a stated reason) is the finance service's.
  financeApprove: {
    from: ["PENDING_FINANCE"],
    to: "AUDITED",
    permission: "approval.finance",
    access: "audit",
    comment: "optional",
    stamp: (now, actorId) => ({ auditedAt: now, auditedById: actorId }),
  },
  // 财务审核 驳回: back to 草稿 with the reason; it goes through the manager again when resubmitted.
  financeReject: {
    from: ["PENDING_FINANCE"],
    to: "DRAFT",
    permission: "approval.finance",
    access: "audit",
    comment: "required",
    stamp: () => ({ submittedAt: null, managerApprovedAt: null }),
  },
  // 启动 of the contract's first process (issue 9 §3): 已审核 → 进行中. Taken by lib/processes/start.ts
  // for someone it has checked holds process.manage on the contract.
  startService: {
    from: ["AUDITED"],
    to: "IN_SERVICE",
    // 启动: process.manage holders and the case's 文案 (issue 10 §1); lib/processes/start.ts checks which.
    permission: "process.start",
    access: "process",
    comment: "none",
    stamp: () => ({}),
  },
  // The process finishing (every step 已完成 or 已跳过): 进行中 → 已完成. Taken by lib/processes/progress.ts
  // for whoever closed the last step (a 文案, a consultant, finance: all hold process.step).
  complete: {
    from: ["IN_SERVICE"],
    to: "COMPLETED",
    permission: "process.step",
    access: "process",
    comment: "none",
    stamp: () => ({}),
  },
} as const satisfies Record<string, TransitionRule>;

export type ContractTransition = keyof typeof CONTRACT_TRANSITIONS;
/** Everything a page may offer on a contract: the transitions, and 编辑 (not a state change). */
export type ContractAction = ContractTransition | "edit";

// 编辑 happens in 草稿 only (new, or returned by a rejection). Under review it must be withdrawn
// first; once finance has audited it the contract is locked and changes take a 技术维护单 — for every
// role, IT included (section 4).
export const EDIT_RULE = { in: ["DRAFT"], permission: "contract.update", access: "change" } as const satisfies {
  in: readonly ContractStatus[];
  permission: Permission;
  access: Access;
};

// Who a contract under review waits for.
const REVIEW_STAGE: Partial<Record<ContractStatus, "manager" | "finance">> = { PENDING_MANAGER: "manager", PENDING_FINANCE: "finance" };
const LOCKED: readonly ContractStatus[] = ["AUDITED", "IN_SERVICE", "COMPLETED", "TERMINATED"];

/** Whether the contract is locked by the finance audit (changes only through a 技术维护单). */
export function isLocked(status: ContractStatus): boolean {
  return LOCKED.includes(status);
}

/** Whether a contract in `status` waits for a manager or finance decision. */
export function isUnderReview(status: ContractStatus): boolean {
  return reviewStage(status) !== null;
}

/** Whose decision a contract in `status` waits for (经理审核 or 财务审核), or null when it waits for none. */
export function reviewStage(status: ContractStatus): "manager" | "finance" | null {
  return REVIEW_STAGE[status] ?? null;
}

/** Why an edit is refused in `status`, as an `errors.*` key, or null when 编辑 is allowed there. */
export function editRefusal(status: ContractStatus): "contractLocked" | "contractUnderReview" | null {
  if ((EDIT_RULE.in as readonly ContractStatus[]).includes(status)) return null;
  return isLocked(status) ? "contractLocked" : "contractUnderReview";
}

/** The state `action` leads to from `status`, or null when the table has no such move. */
export function nextStatus(status: ContractStatus, action: ContractTransition): ContractStatus | null {
  const rule: TransitionRule = CONTRACT_TRANSITIONS[action];
  return rule.from.includes(status) ? rule.to : null;
}

/**
 * Whether a status change is a rejection coming back to the consultant: from a review step to 草稿 with
 * a reason (撤回 carries none).
 */
export function isRejection(change: { from: ContractStatus | null; to: ContractStatus; comment: string | null }): boolean {
  return change.to === "DRAFT" && change.from !== null && isUnderReview(change.from) && Boolean(change.comment);
}
