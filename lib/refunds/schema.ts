import { z } from "zod";
import { pageParam } from "@/lib/lists/params";
import { isIsoDate } from "@/lib/validation/china";
import { cnyAmount } from "@/lib/validation/money";
import { recordId, recordVersion } from "@/lib/validation/record";
import { requiredLine, requiredMultiLine } from "@/lib/validation/text";
import { shanghaiToday } from "@/lib/time";

// 退费 (issue 8 §2): the request (consultant or finance) and finance's payout. Shared by the forms and
// the server actions. Messages are keys of the `validation` namespace.

export const REFUND_REASON_MAX = 1000;
export const REFUND_REFERENCE_MAX = 100;
export const PAYMENT_METHODS = ["BANK_TRANSFER", "WECHAT", "ALIPAY", "POS", "CASH"] as const;

// CNY, exact, more than zero, kept as its canonical two-decimal string (lib/validation/money.ts).
const amount = cnyAmount({ invalid: "refundAmountInvalid", notPositive: "refundAmountInvalid" });

export const requestRefundSchema = z.object({
  contractId: recordId(),
  amount,
  reason: requiredMultiLine(REFUND_REASON_MAX),
});
export type RequestRefundFormValues = z.input<typeof requestRefundSchema>;
export type RequestRefundInput = z.output<typeof requestRefundSchema>;

export const withdrawRefundSchema = z.object({ id: recordId(), version: recordVersion() });

/** 付款: the day the money left (Asia/Shanghai, not in the future), how, and the bank's 流水号. */
export const payRefundSchema = z.object({
  id: recordId(),
  version: recordVersion(),
  paidOn: requiredLine()
    .refine(isIsoDate, { message: "dateInvalid", abort: true })
    .refine((v) => v >= "2000-01-01" && v <= shanghaiToday(), "paidOnRange"),
  method: z.enum(PAYMENT_METHODS, "invalidChoice"),
  reference: requiredLine(REFUND_REFERENCE_MAX),
});
export type PayRefundFormValues = z.input<typeof payRefundSchema>;
export type PayRefundInput = z.output<typeof payRefundSchema>;

export const payoutListSchema = z.object({ page: pageParam });
