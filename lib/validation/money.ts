import { readCny, type CnyRefusal } from "@/lib/money";
import { requiredLine } from "./text";

// The one zod builder every money input uses (收款, 退费, 一期费 / 二期费 on the contract forms and in a
// 技术维护单), so an amount is read — and refused — the same way everywhere (lib/money.ts: readCny).
// Messages are keys of the `validation` namespace.

// A refusal that means the same on every input gets the same message; "invalid" is the input's own.
const SHARED: Record<Exclude<CnyRefusal, "invalid">, string> = {
  grouping: "amountGrouping",
  leadingZero: "amountLeadingZero",
  tooLarge: "amountTooLarge",
};

/**
 * A required CNY amount field: its output is the canonical two-decimal string ("1234.50").
 * `invalid`: the input's message for what is not an amount at all; `positive`: refuse 0 with the
 * message given (a receipt or a refund of nothing), otherwise 0 is a valid amount (a fee of 0).
 */
export function cnyAmount(messages: { invalid: string; notPositive?: string }) {
  return requiredLine().transform((value, ctx) => {
    const read = readCny(value);
    if (!read.ok) {
      ctx.addIssue({ code: "custom", message: read.error === "invalid" ? messages.invalid : SHARED[read.error] });
      return "";
    }
    if (messages.notPositive && read.value === "0.00") ctx.addIssue({ code: "custom", message: messages.notPositive });
    return read.value;
  });
}
