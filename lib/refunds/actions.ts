"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { payRefund } from "./pay-refund";
import { requestRefund, withdrawRefund } from "./request-refund";
import { payRefundSchema, requestRefundSchema, withdrawRefundSchema } from "./schema";

// 退费: 申请退费 and 撤回 on the contract page, 付款 on finance's /refunds. Every rule is in the services;
// who may request is decided per contract there (consultant side or finance), so the wrapper asks
// only for contract.read, which both hold.

function revalidateRefunds() {
  revalidatePath("/contracts/[id]", "page");
  revalidatePath("/refunds");
  revalidatePath("/approvals", "layout");
}

/** 申请退费 on one contract. */
export const requestRefundAction = action({ schema: requestRefundSchema, permission: "contract.read" }, async (input, user) => {
  const result = await requestRefund(user, input);
  revalidateRefunds();
  return result;
});

/** 撤回 the user's own pending refund request. */
export const withdrawRefundAction = action({ schema: withdrawRefundSchema, permission: "contract.read" }, async (input, user) => {
  await withdrawRefund(user, input);
  revalidateRefunds();
  return null;
});

/** 付款: finance records the payout of an approved refund. */
export const payRefundAction = action({ schema: payRefundSchema, permission: "approval.finance" }, async (input, user) => {
  await payRefund(user, input);
  revalidateRefunds();
  return null;
});
