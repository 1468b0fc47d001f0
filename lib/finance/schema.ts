import { z } from "zod";
import { shanghaiToday } from "@/lib/time";
import { dateParam, idParam, listControls } from "@/lib/lists/params";
import { isIsoDate } from "@/lib/validation/china";
import { cnyAmount } from "@/lib/validation/money";
import { recordId, recordVersion } from "@/lib/validation/record";
import { multiLine, optionalLine, requiredLine, requiredMultiLine } from "@/lib/validation/text";
import type { PaymentMethod, ReceiptStage } from "@/lib/generated/prisma/enums";
import { AGEING_BUCKETS } from "./ageing";

// Inputs of 财务审核 and 应收 (issue 8 §2), shared by the forms and the server actions. Messages are keys
// of the `validation` namespace.

export const RECEIPT_STAGES = ["FIRST", "SECOND", "OTHER"] as const satisfies readonly ReceiptStage[];
export const PAYMENT_METHODS = ["BANK_TRANSFER", "WECHAT", "ALIPAY", "POS", "CASH"] as const satisfies readonly PaymentMethod[];
export const FINANCE_REASON_MAX = 500;

// CNY, exact, more than zero, within Decimal(12,2); kept as its canonical string (lib/validation/money.ts).
const amount = cnyAmount({ invalid: "feeInvalid", notPositive: "amountNotPositive" });

/** 收款: one receipt on a contract. `confirmOverpayment` is sent again after the user confirmed a stage going over its fee. */
export const receiptSchema = z.object({
  contractId: recordId(),
  stage: z.enum(RECEIPT_STAGES, "invalidChoice"),
  amount,
  // A calendar day in Asia/Shanghai, not in the future.
  receivedOn: requiredLine()
    .refine(isIsoDate, { message: "dateInvalid", abort: true })
    .refine((v) => v >= "2000-01-01" && v <= shanghaiToday(), "receivedOnRange"),
  method: z.enum(PAYMENT_METHODS, "invalidChoice"),
  payer: requiredLine(100),
  reference: requiredLine(100),
  invoiceNumber: optionalLine(50),
  note: multiLine(500),
  confirmOverpayment: z.boolean("invalid").optional().default(false),
});
export type ReceiptFormValues = z.input<typeof receiptSchema>;
export type ReceiptInput = z.output<typeof receiptSchema>;

/**
 * 作废 a receipt: the reason is required and kept with it. `shortfallReason` is required (by the service,
 * on the field) when the void leaves 一期 short on a contract already audited: why it stays audited.
 */
export const voidReceiptSchema = z.object({
  id: recordId(),
  reason: requiredMultiLine(FINANCE_REASON_MAX),
  shortfallReason: multiLine(FINANCE_REASON_MAX).optional(),
});
export type VoidReceiptFormValues = z.input<typeof voidReceiptSchema>;

/**
 * 审核通过: `comment` is optional when 一期 is fully received; otherwise it is the required reason for
 * auditing without it (the service says so on the field).
 */
export const financeApproveSchema = z.object({ id: recordId(), version: recordVersion(), comment: multiLine(FINANCE_REASON_MAX) });
export type FinanceApproveFormValues = z.input<typeof financeApproveSchema>;

/** 驳回: back to the consultant's 草稿 with the reason. */
export const financeRejectSchema = z.object({ id: recordId(), version: recordVersion(), comment: requiredMultiLine(FINANCE_REASON_MAX) });
export type FinanceRejectFormValues = z.input<typeof financeRejectSchema>;

/** 二期 due date (YYYY-MM-DD, Asia/Shanghai), or "" to clear it. */
export const secondFeeDueSchema = z.object({
  id: recordId(),
  dueOn: z
    .string({ error: "invalid" })
    .trim()
    .refine((v) => v === "" || (isIsoDate(v) && v >= "2000-01-01" && v <= "2100-12-31"), "dateInvalid")
    .transform((v) => (v === "" ? null : v)),
});
export type SecondFeeDueFormValues = z.input<typeof secondFeeDueSchema>;

// 应收's URL state (lib/lists/params.ts: bad values fall back to defaults).
export const RECEIVABLE_SORT_FIELDS = ["signedOn", "secondFeeDueOn", "number"] as const;
export const receivableListSchema = z.object({
  team: idParam,
  owner: idParam,
  country: idParam,
  signedFrom: dateParam,
  signedTo: dateParam,
  dueFrom: dateParam,
  dueTo: dateParam,
  bucket: z.enum(AGEING_BUCKETS).optional().catch(undefined),
  // "open": only contracts that still owe something (the default); "all": settled ones too.
  show: z.enum(["open", "all"]).catch("open"),
  ...listControls(RECEIVABLE_SORT_FIELDS, "signedOn"),
});
export type ReceivableListParams = z.output<typeof receivableListSchema>;
