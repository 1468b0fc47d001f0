import { z } from "zod";
import { pageParam, searchParam } from "@/lib/lists/params";
import { isIsoDate } from "@/lib/validation/china";
import { cnyAmount } from "@/lib/validation/money";
import { recordId, recordVersion } from "@/lib/validation/record";
import { multiLine, requiredLine, requiredMultiLine } from "@/lib/validation/text";

// 转国家 (issue 10 §3; manual section 14): the request, its withdrawal and finance's money decision.
// Shared by the forms and the server actions. Messages are keys of the `validation` namespace.

export const COUNTRY_CHANGE_REASON_MAX = 1000;
export const MONEY_NOTE_MAX = 1000;
export const MONEY_DECISIONS = ["CARRY_OVER", "PARTIAL_REFUND", "TOP_UP"] as const;

/** 转国家: the new country, a template of it, and why. */
export const requestCountryChangeSchema = z.object({
  contractId: recordId(),
  toCountryId: recordId(),
  templateId: recordId(),
  reason: requiredMultiLine(COUNTRY_CHANGE_REASON_MAX),
});
export type RequestCountryChangeFormValues = z.input<typeof requestCountryChangeSchema>;
export type RequestCountryChangeInput = z.output<typeof requestCountryChangeSchema>;

export const withdrawCountryChangeSchema = z.object({ id: recordId(), version: recordVersion() });

const amount = cnyAmount({ invalid: "refundAmountInvalid", notPositive: "amountNotPositive" });

/**
 * Finance's money decision: 结转 (nothing else), 部分退费 (an amount, ≤ what may still be refunded) or
 * 补费 (an amount and its due date, an Asia/Shanghai calendar day). The amount and date are read only
 * for the decisions that take them.
 */
export const moneyDecisionSchema = z
  .object({
    id: recordId(),
    version: recordVersion(),
    decision: z.enum(MONEY_DECISIONS, "invalidChoice"),
    amount: z.string().optional(),
    dueOn: z.string().optional(),
    note: multiLine(MONEY_NOTE_MAX),
  })
  .transform((v, ctx) => {
    let parsedAmount: string | null = null;
    let dueOn: string | null = null;
    if (v.decision !== "CARRY_OVER") {
      const read = amount.safeParse(v.amount ?? "");
      if (!read.success) {
        for (const issue of read.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: ["amount"] });
      } else parsedAmount = read.data;
    }
    if (v.decision === "TOP_UP") {
      const day = requiredLine().safeParse(v.dueOn ?? "");
      if (!day.success) ctx.addIssue({ code: "custom", message: "required", path: ["dueOn"] });
      else if (!isIsoDate(day.data)) ctx.addIssue({ code: "custom", message: "dateInvalid", path: ["dueOn"] });
      else dueOn = day.data;
    }
    return { id: v.id, version: v.version, decision: v.decision, amount: parsedAmount, dueOn, note: v.note };
  });
export type MoneyDecisionFormValues = z.input<typeof moneyDecisionSchema>;
export type MoneyDecisionInput = z.output<typeof moneyDecisionSchema>;

/** /transfers/country: the contracts that may change country (search by 合同号 or client) and the requests. */
export const countryChangeListSchema = z.object({ q: searchParam, page: pageParam, rpage: pageParam });
export type CountryChangeListParams = z.output<typeof countryChangeListSchema>;

export const moneyQueueSchema = z.object({ page: pageParam });
