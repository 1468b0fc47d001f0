import { DomainError } from "@/lib/errors";
import type { CustomerStatus } from "@/lib/generated/prisma/enums";

// A customer is a 准客户 (prospect) until 签约 makes it a 签约客户 (client); each action on a customer
// is for one stage or both (manual sections 1–3, 13). Services ask this table instead of comparing
// statuses themselves, so an action can never reach a record in a stage its rule is not for.

type Rule = { stages: readonly CustomerStatus[]; refusal: string };

const RULES = {
  updateProspect: { stages: ["PROSPECT"], refusal: "prospectSigned" },
  sign: { stages: ["PROSPECT"], refusal: "notProspect" },
  updateClient: { stages: ["CLIENT"], refusal: "notClient" },
  createContract: { stages: ["CLIENT"], refusal: "notClient" },
  addFollowUp: { stages: ["PROSPECT", "CLIENT"], refusal: "invalidTransition" },
  transfer: { stages: ["PROSPECT", "CLIENT"], refusal: "invalidTransition" },
} as const satisfies Record<string, Rule>;

export type CustomerAction = keyof typeof RULES;

/** The stages (PROSPECT, CLIENT) in which `action` applies. */
export function stagesFor(action: CustomerAction): readonly CustomerStatus[] {
  return RULES[action].stages;
}

/**
 * Throws DomainError with the action's refusal code (an `errors.*` key, e.g. "prospectSigned") when a
 * customer in `status` is not in a stage `action` is for; returns nothing otherwise.
 */
export function assertCustomerStage(status: CustomerStatus, action: CustomerAction): void {
  const rule: Rule = RULES[action];
  if (!rule.stages.includes(status)) throw new DomainError(rule.refusal);
}

/** Where a customer's page is for its stage: /prospects/<id> for a 准客户, /clients/<id> for a 签约客户. */
export function customerHref(customer: { id: string; status: CustomerStatus }): string {
  return customer.status === "CLIENT" ? `/clients/${customer.id}` : `/prospects/${customer.id}`;
}
