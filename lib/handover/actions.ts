"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { previewHandover, requestHandover, withdrawHandover } from "./request";
import { handoverPlanSchema, requestHandoverSchema, withdrawHandoverSchema } from "./schema";

// 移交工作 (issue 11 §4): the wizard's preview and 提交, and 撤回. The manager's decision is the inbox's
// decideAction. Every rule is in the services (lib/handover/rules.ts, request.ts, approve.ts).

function revalidateHandovers() {
  revalidatePath("/handovers", "layout");
  revalidatePath("/approvals", "layout");
}

/** 预览: counts per kind and receiver for a plan (reads only). */
export const previewHandoverAction = action({ schema: handoverPlanSchema, permission: "handover.manage" }, (input, user) => previewHandover(user, input));

/** 提交: file the handover for the source user's manager. */
export const requestHandoverAction = action({ schema: requestHandoverSchema, permission: "handover.manage" }, async (input, user) => {
  const result = await requestHandover(user, input);
  revalidateHandovers();
  return result;
});

/** 撤回 the user's own pending handover. */
export const withdrawHandoverAction = action({ schema: withdrawHandoverSchema, permission: "handover.manage" }, async (input, user) => {
  await withdrawHandover(user, input);
  revalidateHandovers();
  return null;
});
