"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { financeApprove, financeReject, setSecondFeeDue } from "./audit-contract";
import { recordReceipt, voidReceipt } from "./receipts";
import { financeApproveSchema, financeRejectSchema, receiptSchema, secondFeeDueSchema, voidReceiptSchema } from "./schema";

// 财务审核's actions (issue 8 §2). Every rule is in ./receipts.ts and ./audit-contract.ts.

function revalidateMoney(contractId: string) {
  revalidatePath("/approvals/finance", "layout");
  revalidatePath("/receivables");
  revalidatePath(`/contracts/${contractId}`);
  revalidatePath("/contracts");
}

/** 收款: `ReceiptFormValues` in; `{ id, received }` (the stage's new total) out, or receiptExceedsFee to confirm. */
export const recordReceiptAction = action({ schema: receiptSchema, permission: "approval.finance" }, async (input, user) => {
  const result = await recordReceipt(user, input);
  revalidateMoney(input.contractId);
  return result;
});

/** 作废 a receipt with a reason: `{ id, reason }` in. */
export const voidReceiptAction = action({ schema: voidReceiptSchema, permission: "approval.finance" }, async (input, user) => {
  const result = await voidReceipt(user, input);
  revalidatePath("/approvals/finance", "layout");
  revalidatePath("/receivables");
  revalidatePath("/contracts/[id]", "page");
  return result;
});

/** 审核通过: `{ id, version, comment }` in (comment required when 一期 is not fully received). */
export const financeApproveAction = action({ schema: financeApproveSchema, permission: "approval.finance" }, async (input, user) => {
  const result = await financeApprove(user, input);
  revalidateMoney(input.id);
  return result;
});

/** 驳回: `{ id, version, comment }` in; the contract returns to 草稿. */
export const financeRejectAction = action({ schema: financeRejectSchema, permission: "approval.finance" }, async (input, user) => {
  const result = await financeReject(user, input);
  revalidateMoney(input.id);
  return result;
});

/** 二期 due date: `{ id, dueOn }` in ("" clears it). */
export const setSecondFeeDueAction = action({ schema: secondFeeDueSchema, permission: "approval.finance" }, async (input, user) => {
  const result = await setSecondFeeDue(user, input);
  revalidateMoney(input.id);
  return result;
});
