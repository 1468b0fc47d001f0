"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { fileClaim, withdrawClaim } from "./file-claim";
import { fileClaimSchema, withdrawClaimSchema } from "./schema";

// 申请转入 from the 撞单 notice, and 撤回. Every rule is in ./file-claim.ts.

/** 申请转入: returns the claim's id and the owner's name (all the claimant learns). */
export const fileClaimAction = action({ schema: fileClaimSchema, permission: "prospect.create" }, async (input, user) => {
  const result = await fileClaim(user, input);
  revalidatePath("/prospects/new");
  revalidatePath("/approvals", "layout");
  return result;
});

/** 撤回 the user's own pending claim. */
export const withdrawClaimAction = action({ schema: withdrawClaimSchema, permission: "prospect.create" }, async (input, user) => {
  await withdrawClaim(user, input);
  revalidatePath("/prospects/new");
  revalidatePath("/approvals", "layout");
  return null;
});
