import { z } from "zod";
import { recordId, recordVersion } from "@/lib/validation/record";
import { requiredMultiLine, visibleLength } from "@/lib/validation/text";

// 撞单 claims (申请转入, issue 8 §4): shared by the 申请转入 dialog and the server actions. Messages are
// keys of the `validation` namespace.

export const CLAIM_REASON_MIN = 2;
export const CLAIM_REASON_MAX = 500;

export const fileClaimSchema = z.object({
  // The customer of the 撞单 notice (DuplicateMatch.claimCustomerId): its id only, nothing of its details.
  customerId: recordId(),
  // A text far over the maximum is already "tooLong": not segmented (Intl.Segmenter copies the whole input
  // for each grapheme, so 100,000 characters would take seconds and gigabytes).
  reason: requiredMultiLine(CLAIM_REASON_MAX).refine((v) => v.length > CLAIM_REASON_MAX * 10 || visibleLength(v) >= CLAIM_REASON_MIN, "reasonTooShort"),
});
export type FileClaimFormValues = z.input<typeof fileClaimSchema>;
export type FileClaimInput = z.output<typeof fileClaimSchema>;

export const withdrawClaimSchema = z.object({ id: recordId(), version: recordVersion() });
