import type { ContractStatus, CountryChangeStatus } from "@/lib/generated/prisma/enums";

// The 转国家 request's life (issue 10 §3): filed → 待经理审核 PENDING_MANAGER → the consultant's manager
// approves (APPROVED: the change is made in the same transaction, lib/country-change/approve.ts) or
// rejects it with a reason (REJECTED); the requester may withdraw it while it waits (WITHDRAWN). An
// approved request then waits for finance's money decision (moneyDecision null → CARRY_OVER,
// PARTIAL_REFUND or TOP_UP), which is made once. Client components may import this file.

export const COUNTRY_CHANGE_STEPS = {
  withdraw: { from: "PENDING_MANAGER", to: "WITHDRAWN" },
  approve: { from: "PENDING_MANAGER", to: "APPROVED" },
  reject: { from: "PENDING_MANAGER", to: "REJECTED" },
} as const satisfies Record<string, { from: CountryChangeStatus; to: CountryChangeStatus }>;
export type CountryChangeStep = keyof typeof COUNTRY_CHANGE_STEPS;

/**
 * The contract states a country change may be requested (and approved) in: every state but 已完成 and
 * 已终止 — a finished or ended contract has nothing left to apply in another country.
 * 草稿, 待经理审核 and 待财务审核 (not yet audited) change 国家 directly; 已审核 and 进行中 (locked) through a
 * 技术维护单 filed, approved and applied in the deciding transaction (isLocked, lib/contracts/lifecycle.ts).
 */
export const COUNTRY_CHANGE_CONTRACT_STATUSES = ["DRAFT", "PENDING_MANAGER", "PENDING_FINANCE", "AUDITED", "IN_SERVICE"] as const satisfies readonly ContractStatus[];

/** Whether a contract in `status` may change country. */
export function contractMayChangeCountry(status: ContractStatus): boolean {
  return (COUNTRY_CHANGE_CONTRACT_STATUSES as readonly ContractStatus[]).includes(status);
}

/** Whether `step` may be taken from `status`. */
export function canStepCountryChange(status: CountryChangeStatus, step: CountryChangeStep): boolean {
  return COUNTRY_CHANGE_STEPS[step].from === status;
}

/** Whether an approved request still waits for finance's money decision. */
export function awaitsMoneyDecision(request: { status: CountryChangeStatus; moneyDecision: string | null }): boolean {
  return request.status === "APPROVED" && request.moneyDecision === null;
}

/** What a page may offer on one request. */
export type CountryChangeAction = "withdraw" | "decideMoney";

/**
 * The actions `viewer` may take on `request` now: 撤回 for its requester while it waits; 费用决定 for a
 * holder of approval.finance with the contract in the audit scope (`mayAudit`) while the approved
 * request waits for it.
 */
export function allowedCountryChangeActions(
  request: { status: CountryChangeStatus; moneyDecision: string | null; requesterId: string },
  viewer: { id: string; mayAudit: boolean },
): CountryChangeAction[] {
  const out: CountryChangeAction[] = [];
  if (request.requesterId === viewer.id && canStepCountryChange(request.status, "withdraw")) out.push("withdraw");
  if (viewer.mayAudit && awaitsMoneyDecision(request)) out.push("decideMoney");
  return out;
}
