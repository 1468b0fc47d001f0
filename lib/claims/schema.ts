import { z } from "zod";
import { DUPLICATE_KEYS } from "@/lib/customers/schema";
import { recordId, recordVersion } from "@/lib/validation/record";
import { requiredLine, requiredMultiLine, visibleLength } from "@/lib/validation/text";

// 撞单 claims (申请转入, issue 8 §4): shared by the 申请转入 dialog and the server actions. Messages are
// keys of the `validation` namespace.

export const CLAIM_REASON_MIN = 2;
export const CLAIM_REASON_MAX = 500;

/**
 * 申请转入 from a 撞单 notice: the customer the notice named (DuplicateMatch.claimCustomerId) and what
 * made it a 撞单 — the duplicate-check field (电话, 身份证, 护照, 微信, EMAIL) and the value the claimant
 * typed there. The server runs the very 撞单 check again on that value (lib/claims/file-claim.ts), so
 * an id alone files nothing. The value is cleaned and bounded here, parsed by its field's own schema
 * there, as checkDuplicateAction's is.
 */
export const fileClaimSchema = z.object({
  customerId: recordId(),
  field: z.enum(DUPLICATE_KEYS, "invalidChoice"),
  value: requiredLine(100),
  // A text far over the maximum is already "tooLong": not segmented (Intl.Segmenter copies the whole input
  // for each grapheme, so 100,000 characters would take seconds and gigabytes).
  reason: requiredMultiLine(CLAIM_REASON_MAX).refine((v) => v.length > CLAIM_REASON_MAX * 10 || visibleLength(v) >= CLAIM_REASON_MIN, "reasonTooShort"),
});
export type FileClaimFormValues = z.input<typeof fileClaimSchema>;
export type FileClaimInput = z.output<typeof fileClaimSchema>;

export const withdrawClaimSchema = z.object({ id: recordId(), version: recordVersion() });
