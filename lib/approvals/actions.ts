"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { approveMany, decide } from "./decide";
import { createDelegation, revokeDelegation } from "./delegations";
import { bulkApproveSchema, decisionSchema, delegationSchema, revokeDelegationSchema } from "./schema";

// The 经理审核 inbox's actions. Every rule is in ./decide.ts and ./delegations.ts.

function revalidateInbox() {
  revalidatePath("/approvals", "layout");
  revalidatePath("/contracts/[id]", "page");
  revalidatePath("/contracts");
}

/** 通过 / 驳回 one request. */
export const decideAction = action({ schema: decisionSchema, permission: "approval.manager" }, async (input, user) => {
  const result = await decide(user, input);
  revalidateInbox();
  return result;
});

/** 批量通过: each item decided on its own; the result lists what was skipped and why. */
export const approveManyAction = action({ schema: bulkApproveSchema, permission: "approval.manager" }, async (input, user) => {
  const outcomes = await approveMany(user, input.items, input.comment);
  revalidateInbox();
  return outcomes;
});

export const createDelegationAction = action({ schema: delegationSchema, permission: "approval.manager" }, async (input, user) => {
  const result = await createDelegation(user, input);
  revalidatePath("/approvals", "layout");
  return result;
});

export const revokeDelegationAction = action({ schema: revokeDelegationSchema, permission: "approval.manager" }, async (input, user) => {
  await revokeDelegation(user, input.id);
  revalidatePath("/approvals", "layout");
  return null;
});
