"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { decideCountryChangeMoney } from "./money";
import { requestCountryChange, withdrawCountryChange } from "./request";
import { moneyDecisionSchema, requestCountryChangeSchema, withdrawCountryChangeSchema } from "./schema";

// 转国家: the request and its withdrawal (contract page, /transfers/country), finance's money decision
// (/transfers/country/money, the contract page). The manager's decision is the inbox's decideAction.
// Every rule is in the services.

function revalidateCountryChange() {
  revalidatePath("/contracts/[id]", "page");
  revalidatePath("/transfers/country", "layout");
  revalidatePath("/approvals", "layout");
}

/** 转国家: file a request on one contract. */
export const requestCountryChangeAction = action({ schema: requestCountryChangeSchema, permission: "transfer.country" }, async (input, user) => {
  const result = await requestCountryChange(user, input);
  revalidateCountryChange();
  return result;
});

/** 撤回 the user's own pending request. */
export const withdrawCountryChangeAction = action({ schema: withdrawCountryChangeSchema, permission: "transfer.country" }, async (input, user) => {
  await withdrawCountryChange(user, input);
  revalidateCountryChange();
  return null;
});

/** 费用决定: finance's carry-over, partial refund or top-up on an approved request. */
export const decideCountryChangeMoneyAction = action({ schema: moneyDecisionSchema, permission: "approval.finance" }, async (input, user) => {
  const result = await decideCountryChangeMoney(user, input);
  revalidateCountryChange();
  revalidatePath("/refunds");
  revalidatePath("/receivables");
  return result;
});
