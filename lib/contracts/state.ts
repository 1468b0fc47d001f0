import type { ContractStatus } from "@/lib/generated/prisma/enums";

// The contract's life, as the operations manual has it. Only DRAFT (new, or returned by a
// rejection) is edited freely; once finance has audited it the contract is locked and changes
// go through a change form (技术维护单).
export const CONTRACT_STATUSES = [
  "DRAFT",
  "PENDING_MANAGER",
  "PENDING_FINANCE",
  "AUDITED",
  "IN_SERVICE",
  "COMPLETED",
  "TERMINATED",
] as const satisfies readonly ContractStatus[];

export type ContractAction = "submit" | "withdraw" | "managerApprove" | "managerReject" | "financeApprove" | "financeReject";

const TRANSITIONS: Record<ContractAction, { from: ContractStatus; to: ContractStatus }> = {
  submit: { from: "DRAFT", to: "PENDING_MANAGER" },
  withdraw: { from: "PENDING_MANAGER", to: "DRAFT" },
  managerApprove: { from: "PENDING_MANAGER", to: "PENDING_FINANCE" },
  managerReject: { from: "PENDING_MANAGER", to: "DRAFT" },
  financeApprove: { from: "PENDING_FINANCE", to: "AUDITED" },
  financeReject: { from: "PENDING_FINANCE", to: "DRAFT" },
};

export const LOCKED_STATUSES: readonly ContractStatus[] = ["AUDITED", "IN_SERVICE", "COMPLETED", "TERMINATED"];
export const UNDER_REVIEW_STATUSES: readonly ContractStatus[] = ["PENDING_MANAGER", "PENDING_FINANCE"];

export function isLocked(status: ContractStatus): boolean {
  return LOCKED_STATUSES.includes(status);
}

export function isEditable(status: ContractStatus): boolean {
  return status === "DRAFT";
}

// Why an edit is refused, as an `errors.*` message key, or null when it is allowed.
export function editRefusal(status: ContractStatus): "contractLocked" | "contractUnderReview" | null {
  if (isLocked(status)) return "contractLocked";
  if (UNDER_REVIEW_STATUSES.includes(status)) return "contractUnderReview";
  return null;
}

// The state an action leads to from `status`, or null when the action is not allowed there.
export function nextStatus(status: ContractStatus, action: ContractAction): ContractStatus | null {
  const t = TRANSITIONS[action];
  return t.from === status ? t.to : null;
}
