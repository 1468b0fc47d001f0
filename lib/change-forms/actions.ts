"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { applyChangeForm, declineChangeForm, withdrawChangeForm } from "./apply-change-form";
import { fileChangeForm } from "./file-change-form";
import { changeFormStepSchema, declineChangeFormSchema, fileChangeFormSchema } from "./schema";

// The 技术维护单's actions (contract page, form page, 信息中心's queue). Every rule is in the services.

function revalidateForms() {
  revalidatePath("/change-forms", "layout");
  revalidatePath("/contracts/[id]", "page");
  revalidatePath("/approvals", "layout");
}

/** 申请变更 on a locked contract. */
export const fileChangeFormAction = action({ schema: fileChangeFormSchema, permission: "contract.update" }, async (input, user) => {
  const result = await fileChangeForm(user, input);
  revalidateForms();
  return result;
});

/** 撤回 by the applicant while the manager has not decided. */
export const withdrawChangeFormAction = action({ schema: changeFormStepSchema, permission: "contract.update" }, async (input, user) => {
  const result = await withdrawChangeForm(user, input);
  revalidateForms();
  return result;
});

/** 应用 by 信息中心. */
export const applyChangeFormAction = action({ schema: changeFormStepSchema, permission: "changeForm.apply" }, async (input, user) => {
  const result = await applyChangeForm(user, input);
  revalidateForms();
  return result;
});

/** 驳回 by 信息中心, with the reason. */
export const declineChangeFormAction = action({ schema: declineChangeFormSchema, permission: "changeForm.apply" }, async (input, user) => {
  const result = await declineChangeForm(user, input);
  revalidateForms();
  return result;
});
